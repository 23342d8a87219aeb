// The place gazetteer: countries, capitals, cities, regions and demonyms as news text prints them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalPlace, countryOfAdjective, isPlaceName, placeNamed, placeVocabularyStats, type Place } from '../src/analyse/vocabulary/places.ts';
import { EXCLUDED_NAMES } from '../src/analyse/vocabulary/places-extra.ts';
import { fastestOfThree } from './fuzz-support.ts';

const is = (name: string, expected: Place) => assert.deepEqual(placeNamed(name), expected, name);
const country = (name: string): Place => ({ name, kind: 'country', country: name });

test('countries from every continent, under their common names', () => {
  const byContinent: Record<string, string[]> = {
    Africa: ['Nigeria', 'Kenya', 'Egypt', 'South Africa', 'Ethiopia', 'Sudan', 'Mali', 'Morocco'],
    Asia: ['China', 'India', 'Japan', 'Indonesia', 'Iran', 'Israel', 'Saudi Arabia', 'Vietnam', 'Taiwan', 'Palestine'],
    Europe: ['Germany', 'France', 'Ukraine', 'Poland', 'Russia', 'United Kingdom', 'Kosovo', 'Vatican City'],
    'North America': ['United States', 'Canada', 'Mexico', 'Cuba', 'Haiti', 'Guatemala'],
    'South America': ['Brazil', 'Argentina', 'Venezuela', 'Colombia', 'Chile', 'Peru'],
    Oceania: ['Australia', 'New Zealand', 'Fiji', 'Papua New Guinea', 'Tuvalu'],
  };
  for (const names of Object.values(byContinent)) for (const name of names) is(name, country(name));
});

test('the names in the brief, as news prints them', () => {
  is('China', country('China'));
  is('U.S.', country('United States'));
  is('the United States', country('United States'));
  is('Britain', country('United Kingdom'));
  is('UK', country('United Kingdom'));
  is('Beijing', { name: 'Beijing', kind: 'capital', country: 'China' });
  is('Washington', { name: 'Washington', kind: 'capital', country: 'United States' });
  is('Taiwan', country('Taiwan'));
  is('Hong Kong', { name: 'Hong Kong', kind: 'region', country: 'China' });
  is('Europe', { name: 'Europe', kind: 'continent', country: null });
  is('Middle East', { name: 'Middle East', kind: 'region', country: null });
  is('Gaza', { name: 'Gaza', kind: 'region', country: 'Palestine' });
  is('West Bank', { name: 'West Bank', kind: 'region', country: 'Palestine' });
  is('Crimea', { name: 'Crimea', kind: 'region', country: 'Ukraine' });
  is('Kyiv', { name: 'Kyiv', kind: 'capital', country: 'Ukraine' });
  is('Kiev', { name: 'Kyiv', kind: 'capital', country: 'Ukraine' });
});

test('aliases with and without "the" meet on one canonical name', () => {
  const groups: Record<string, string[]> = {
    'United States': ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'United States', 'the United States', 'The United States', 'the U.S.', 'United States of America', 'the States'],
    'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain', 'the United Kingdom', 'the UK'],
    Netherlands: ['Netherlands', 'the Netherlands', 'The Netherlands', 'Holland'],
    Philippines: ['Philippines', 'the Philippines', 'The Philippines'],
    'United Arab Emirates': ['UAE', 'the UAE', 'the Emirates', 'United Arab Emirates'],
    'DR Congo': ['Congo', 'DRC', 'DR Congo', 'Democratic Republic of Congo', 'Democratic Republic of the Congo'],
    'Republic of the Congo': ['Republic of Congo', 'Congo-Brazzaville'],
    Türkiye: ['Turkey', 'Türkiye', 'Turkiye'],
    'Ivory Coast': ['Ivory Coast', "Côte d'Ivoire", 'Côte d’Ivoire', "Cote d'Ivoire"],
    Myanmar: ['Myanmar', 'Burma'],
    Czechia: ['Czechia', 'Czech Republic'],
    China: ['China', "People's Republic of China", 'PRC', 'mainland China'],
    'North Korea': ['North Korea', 'DPRK', "Democratic People's Republic of Korea"],
    Russia: ['Russia', 'Russian Federation'],
    Gulf: ['Gulf', 'the Gulf', 'Persian Gulf', 'Arabian Gulf'],
    Kyiv: ['Kyiv', 'Kiev'],
    Beijing: ['Beijing', 'Peking'],
    Mumbai: ['Mumbai', 'Bombay'],
    'New York': ['New York', 'New York City', 'NYC'],
    'The Hague': ['The Hague', 'the Hague'],
    'Saint Petersburg': ['Saint Petersburg', 'St. Petersburg', 'St Petersburg'],
  };
  for (const [canonical, aliases] of Object.entries(groups)) {
    for (const alias of aliases) assert.equal(canonicalPlace(alias), canonical, alias);
    assert.equal(canonicalPlace(canonical), canonical, `${canonical} is its own canonical name`);
  }
});

test('national capitals, with the spellings news uses', () => {
  const capitals: Record<string, string> = {
    Tokyo: 'Japan',
    Nairobi: 'Kenya',
    Canberra: 'Australia',
    Ottawa: 'Canada',
    Paris: 'France',
    Moscow: 'Russia',
    Brasília: 'Brazil',
    Brasilia: 'Brazil',
    'Buenos Aires': 'Argentina',
    Tehran: 'Iran',
    Jerusalem: 'Israel',
    'New Delhi': 'India',
    Abuja: 'Nigeria',
    Cairo: 'Egypt',
    'Addis Ababa': 'Ethiopia',
    Wellington: 'New Zealand',
    'Mexico City': 'Mexico',
    Bogota: 'Colombia',
    "Sana'a": 'Yemen',
    Sanaa: 'Yemen',
    Chisinau: 'Moldova',
    'La Paz': 'Bolivia',
    'Santiago de Chile': 'Chile',
    Ulaanbaatar: 'Mongolia',
    'Nur-Sultan': 'Kazakhstan',
    'Washington, D.C.': 'United States',
    'D.C.': 'United States',
    Malé: 'Maldives',
    Taipei: 'Taiwan',
  };
  for (const [name, of] of Object.entries(capitals)) {
    const p = placeNamed(name);
    assert.equal(p?.kind, 'capital', name);
    assert.equal(p?.country, of, name);
  }
  // A city-state's name is the country's.
  is('Singapore', country('Singapore'));
  is('Djibouti', country('Djibouti'));
});

test('cities, U.S. states, regions and continents', () => {
  const cities: Record<string, string> = {
    'New York': 'United States',
    Lagos: 'Nigeria',
    Mumbai: 'India',
    'São Paulo': 'Brazil',
    'Sao Paulo': 'Brazil',
    Sydney: 'Australia',
    Shanghai: 'China',
    Kharkiv: 'Ukraine',
    Odessa: 'Ukraine',
    'Gaza City': 'Palestine',
    Rafah: 'Palestine',
    'Tel Aviv': 'Israel',
    Aleppo: 'Syria',
    Mosul: 'Iraq',
    Dubai: 'United Arab Emirates',
    'Ho Chi Minh City': 'Vietnam',
    Saigon: 'Vietnam',
    Istanbul: 'Türkiye',
    Johannesburg: 'South Africa',
    Toronto: 'Canada',
    'Los Angeles': 'United States',
    Munich: 'Germany',
    'El Fasher': 'Sudan',
    Nuuk: 'Denmark',
  };
  for (const [name, of] of Object.entries(cities)) assert.deepEqual([placeNamed(name)?.kind, placeNamed(name)?.country], ['city', of], name);

  const regions: Record<string, string | null> = {
    Texas: 'United States',
    California: 'United States',
    'New York State': 'United States',
    'Washington state': 'United States',
    Scotland: 'United Kingdom',
    Greenland: 'Denmark',
    'Puerto Rico': 'United States',
    Xinjiang: 'China',
    Darfur: 'Sudan',
    Tigray: 'Ethiopia',
    Donbas: 'Ukraine',
    'Gaza Strip': 'Palestine',
    Quebec: 'Canada',
    Kashmir: null,
    Sahel: null,
    'Indo-Pacific': null,
    Balkans: null,
    'Latin America': null,
    'Southeast Asia': null,
    'Horn of Africa': null,
    Caribbean: null,
    'the Caribbean': null,
    'South China Sea': null,
    'Western Sahara': null,
    Korea: null,
  };
  for (const [name, of] of Object.entries(regions)) assert.deepEqual([placeNamed(name)?.kind, placeNamed(name)?.country], ['region', of], name);

  for (const name of ['Africa', 'Asia', 'Europe', 'North America', 'South America', 'Oceania', 'Antarctica']) {
    is(name, { name, kind: 'continent', country: null });
  }
});

test('ordinary words and person names are not places; decisions on the ambiguous ones', () => {
  // Calendar words, verbs and function words seen capitalised at a sentence start.
  for (const word of ['March', 'May', 'Will', 'Said', 'State', 'States', 'West', 'The', 'the', '', 'President', 'Reuters']) {
    assert.equal(placeNamed(word), null, word);
    assert.equal(isPlaceName(word), false, word);
  }
  // Left out: capitals and cities that are as often a person's name, words the package lists.
  for (const word of ['Victoria', 'Santiago', 'Sofia', 'Austin', 'Charlotte', 'Florence', 'Lincoln', 'Jackson', 'Hamilton', 'Male', 'Island', 'Emirates', 'Nice']) {
    assert.equal(placeNamed(word), null, word);
  }
  for (const word of EXCLUDED_NAMES) assert.equal(placeNamed(word), null, `${word} is excluded`);
  // Case-sensitive: as printed in news.
  assert.equal(placeNamed('china'), null);
  assert.equal(placeNamed('CHINA'), null);
  assert.equal(placeNamed('turkey'), null);
  // Demonyms are not places.
  assert.equal(placeNamed('Chinese'), null);
  assert.equal(placeNamed('Israeli'), null);
  // Kept although also names: the country wins (Georgia over the U.S. state), the capital wins over the state.
  is('Georgia', country('Georgia'));
  is('Jordan', country('Jordan'));
  is('Chad', country('Chad'));
  is('Israel', country('Israel'));
  assert.equal(placeNamed('Washington')?.kind, 'capital');
  assert.equal(placeNamed('Washington State')?.kind, 'region');
  assert.equal(placeNamed('New York')?.kind, 'city');
  // Same name, two places: the national capital keeps the accented form, the U.S. city the plain one.
  assert.equal(placeNamed('San José')?.country, 'Costa Rica');
  assert.equal(placeNamed('San Jose')?.country, 'United States');
});

test('countryOfAdjective maps nationality adjectives and demonyms to their country', () => {
  const adjectives: Record<string, string> = {
    Chinese: 'China',
    American: 'United States',
    Americans: 'United States',
    'U.S.': 'United States',
    US: 'United States',
    British: 'United Kingdom',
    Briton: 'United Kingdom',
    Britons: 'United Kingdom',
    UK: 'United Kingdom',
    Scottish: 'United Kingdom',
    Russian: 'Russia',
    Russians: 'Russia',
    Ukrainian: 'Ukraine',
    Israeli: 'Israel',
    Israelis: 'Israel',
    Palestinian: 'Palestine',
    Palestinians: 'Palestine',
    Iranian: 'Iran',
    Saudi: 'Saudi Arabia',
    Saudis: 'Saudi Arabia',
    Emirati: 'United Arab Emirates',
    'South Korean': 'South Korea',
    'North Korean': 'North Korea',
    Filipino: 'Philippines',
    Filipinos: 'Philippines',
    Filipina: 'Philippines',
    Turkish: 'Türkiye',
    Turks: 'Türkiye',
    French: 'France',
    Dutch: 'Netherlands',
    German: 'Germany',
    Japanese: 'Japan',
    Indian: 'India',
    Pakistani: 'Pakistan',
    Afghan: 'Afghanistan',
    Nigerian: 'Nigeria',
    Kenyan: 'Kenya',
    Ethiopian: 'Ethiopia',
    Egyptian: 'Egypt',
    'South African': 'South Africa',
    Congolese: 'DR Congo',
    Dominican: 'Dominican Republic',
    Brazilian: 'Brazil',
    Mexican: 'Mexico',
    Venezuelan: 'Venezuela',
    Argentine: 'Argentina',
    Argentinian: 'Argentina',
    Australian: 'Australia',
    'New Zealander': 'New Zealand',
    Taiwanese: 'Taiwan',
    Thai: 'Thailand',
    Thais: 'Thailand',
    Czech: 'Czechia',
    Czechs: 'Czechia',
    Swiss: 'Switzerland',
    Polish: 'Poland',
    Poles: 'Poland',
    Syrian: 'Syria',
    Iraqi: 'Iraq',
    Lebanese: 'Lebanon',
    Yemeni: 'Yemen',
    Qatari: 'Qatar',
    Sudanese: 'Sudan',
    Burkinabè: 'Burkina Faso',
    Burkinabe: 'Burkina Faso',
    Kosovar: 'Kosovo',
    'Hong Konger': 'China',
    'Puerto Rican': 'United States',
  };
  for (const [word, of] of Object.entries(adjectives)) assert.equal(countryOfAdjective(word), of, word);
  // Ambiguous, regional, or not a demonym at all.
  for (const word of ['Korean', 'English', 'European', 'African', 'Arab', 'Kurdish', 'Sahrawi', 'China', 'Beijing', 'March', 'chinese', 'Officials', '']) {
    assert.equal(countryOfAdjective(word), null, word);
  }
});

test('lookups take typographic apostrophes, stray spaces and missing diacritics', () => {
  assert.equal(canonicalPlace('Côte d’Ivoire'), 'Ivory Coast');
  assert.equal(canonicalPlace('Chișinău'), 'Chișinău');
  assert.equal(canonicalPlace('Chisinau'), 'Chișinău');
  assert.equal(canonicalPlace('Reykjavík'), 'Reykjavik');
  assert.equal(canonicalPlace('Lodz'), 'Łódź');
  assert.equal(canonicalPlace('New  York'), 'New York');
  assert.equal(canonicalPlace('St. Lucia'), 'Saint Lucia');
  assert.equal(canonicalPlace('Xi’an'), "Xi'an");
  assert.equal(canonicalPlace('Atlantis'), null);
  assert.equal(countryOfAdjective('Monégasque'), 'Monaco');
});

test('isPlaceName agrees with placeNamed, takes multi-token names, and is a map lookup', () => {
  for (const name of ['China', 'the United States', 'Gaza City', 'South China Sea', 'Democratic Republic of the Congo', 'Kiev']) {
    assert.equal(isPlaceName(name), true, name);
  }
  for (const name of ['Gaza City Council', 'United', 'States of America', 'Said', 'Chinese']) assert.equal(isPlaceName(name), false, name);
  const names = ['China', 'Officials', 'the United States', 'Said', 'Kyiv', 'Tuesday', 'New York', 'Reuters'];
  let found = 0;
  for (let i = 0; i < 200_000; i++) if (isPlaceName(names[i % names.length]!)) found++;
  assert.equal(found, 100_000);
  // A look-up costs about what a Map's does, not a scan of the thousands of places: timed against
  // Map.get of the same names, a ratio rather than a bound, so a busy machine does not fail it.
  const map = new Map(names.map((name) => [name, true]));
  const lookups = fastestOfThree(() => {
    for (let i = 0; i < 200_000; i++) isPlaceName(names[i % names.length]!);
  });
  const mapGets = fastestOfThree(() => {
    for (let i = 0; i < 200_000; i++) map.get(names[i % names.length]!);
  });
  assert.ok(lookups < 200 * Math.max(mapGets, 1), `200k look-ups: ${lookups.toFixed(1)} ms, Map.get ${mapGets.toFixed(1)} ms`);
});

test('every place is frozen and every canonical name leads back to itself', () => {
  const p = placeNamed('Kiev')!;
  assert.throws(() => {
    (p as { name: string }).name = 'changed';
  }, TypeError);
  for (const name of ['U.S.', 'Holland', 'Bombay', 'Kiev', 'the Gulf', 'Burma', 'Saigon', 'Congo', 'D.C.']) {
    const canonical = canonicalPlace(name)!;
    assert.equal(canonicalPlace(canonical), canonical, `${name} → ${canonical}`);
    assert.equal(placeNamed(canonical), placeNamed(name), name);
  }
});

test('the gazetteer covers the world: counts of each kind', () => {
  const stats = placeVocabularyStats();
  assert.ok(stats.places.country >= 195, `countries ${stats.places.country}`);
  assert.ok(stats.places.capital >= 190, `capitals ${stats.places.capital}`);
  assert.ok(stats.places.city >= 200, `cities ${stats.places.city}`);
  assert.ok(stats.places.region >= 150, `regions ${stats.places.region}`);
  assert.equal(stats.places.continent, 7);
  assert.ok(stats.demonyms >= 400, `demonyms ${stats.demonyms}`);
});
