// A gazetteer of the places news text names: countries (common, official and alternative
// names, news short forms), national capitals, major cities, U.S. states, continents and big
// regions, and the nationality adjectives that point at a country. It types a capitalised name
// as a place and maps "Chinese" to China for the name finder.
//
// Countries, official names, alternative spellings, capitals and demonyms come from the
// world-countries package (data under the ODbL 1.0, https://github.com/mledoze/countries);
// cities, regions, U.S. states, news forms and exclusions are our own, in places-extra.ts.
// The tables are built once, on first use, into Maps keyed by the name exactly as printed
// (case-sensitive); a lookup is one or two Map gets, never a scan.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  AMBIGUOUS_DEMONYMS,
  CAPITALS,
  CITIES,
  CONTINENTS,
  CONTINENT_CODES,
  COUNTRY_ALIASES,
  COUNTRY_CODES_EXTRA,
  COUNTRY_REGIONS,
  DEMONYMS,
  EXCLUDED_NAMES,
  RENAMED,
  SOVEREIGN_OF_TERRITORY,
  THE_ONLY,
  US_STATES,
  WORLD_REGIONS,
} from './places-extra.ts';

export type PlaceKind = 'country' | 'capital' | 'city' | 'region' | 'continent';

/** A place; `country` is the country holding it (its own name for a country; null for a continent or a region no one country holds). */
export interface Place {
  name: string;
  kind: PlaceKind;
  country: string | null;
}

/** The place a name denotes, or null. Case-sensitive as printed ("China", "U.S.", "Kyiv"); a leading "the"/"The" is accepted. */
export function placeNamed(name: string): Place | null {
  return find(name) ?? null;
}

/** The country a nationality adjective or demonym refers to ("Chinese" → "China", "U.S." → "United States"), or null. */
export function countryOfAdjective(word: string): string | null {
  const { demonyms } = tables();
  const hit = demonyms.get(word);
  if (hit !== undefined) return hit;
  if (!needsNormalising(word)) return null;
  const normal = normalise(word);
  return demonyms.get(normal) ?? demonyms.get(fold(normal)) ?? null;
}

/** The canonical name of a place or alias ("U.S." → "United States", "Kiev" → "Kyiv"), or null. */
export function canonicalPlace(name: string): string | null {
  return find(name)?.name ?? null;
}

/**
 * The canonical place a name printed in capitals stands for, as a dateline or a shouted headline
 * prints it ("BERLIN —", "NEW YORK"): looked up in title case. Null for anything else. The
 * gazetteer itself stays case-sensitive (isPlaceName("CHINA") is false): callers ask this only
 * where capitals are a dateline's or a headline's, not a name's own spelling.
 */
export function shoutedPlace(name: string): string | null {
  if (name.length < 3 || !shouted(name)) return null;
  return find(name.toLowerCase().replace(/(^|[\s\-'.])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()))?.name ?? null;
}

/** True when the whole string is a place name (a leading "the" allowed). One or two Map lookups. */
export function isPlaceName(name: string): boolean {
  return find(name) !== undefined;
}

/** Sizes of the gazetteer, for tests and benchmarks. */
export function placeVocabularyStats(): { names: number; demonyms: number; places: Record<PlaceKind, number> } {
  const t = tables();
  const places: Record<PlaceKind, number> = { country: 0, capital: 0, city: 0, region: 0, continent: 0 };
  for (const place of new Set(t.places.values())) places[place.kind] += 1;
  return { names: t.places.size, demonyms: t.demonyms.size, places };
}

// ---- lookup ----

function find(name: string): Place | undefined {
  const t = tables();
  const hit = t.places.get(name);
  if (hit !== undefined) return hit;
  if (name.startsWith('the ') || name.startsWith('The ')) {
    const bare = name.slice(4);
    const found = t.places.get(bare) ?? t.theOnly.get(bare);
    if (found !== undefined) return found;
  }
  // Slow path, only for names with typographic quotes, odd spaces or letters outside ASCII.
  if (!needsNormalising(name)) return undefined;
  const normal = normalise(name);
  if (normal !== name) return find(normal);
  const folded = fold(name);
  return folded !== name ? find(folded) : undefined;
}

/** All its letters are capitals, and it has some ("BERLIN", "NEW YORK"); a char loop on ASCII. */
function shouted(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) letters++;
    else if (c > 126) return s === s.toUpperCase() && s !== s.toLowerCase();
  }
  return letters > 0;
}

/** True when a name holds anything but printable ASCII and single inner spaces (a char loop: faster than a regex on the miss path). */
function needsNormalising(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 126 || c < 32 || (c === 32 && s.charCodeAt(i + 1) === 32)) return true;
  }
  return false;
}

/** Straight apostrophes, single spaces: how keys are stored. */
function normalise(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bb\u02bc`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  ð: 'd',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ß: 'ss',
  þ: 'th',
};

/** The name without diacritics ("Chișinău" → "Chisinau", "Łódź" → "Lodz"), as news often prints it. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØæÆœðđĐıßþ]/g, (c) => FOLDED_LETTERS[c] ?? c);
}

// ---- building ----

interface Tables {
  places: Map<string, Place>;
  /** Names that are places only after "the" ("the States"). */
  theOnly: Map<string, Place>;
  demonyms: Map<string, string>;
}

let built: Tables | undefined;
const tables = (): Tables => (built ??= build(readPackage()));

interface PackageCountry {
  cca2: string;
  independent: boolean;
  common: string;
  official: string;
  altSpellings: string[];
  capitals: string[];
  demonyms: string[];
}

function readPackage(): PackageCountry[] {
  const require = createRequire(import.meta.url);
  const raw: unknown = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8'));
  if (!Array.isArray(raw)) throw new Error('world-countries: countries.json is not an array');
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return raw.map((entry: unknown): PackageCountry => {
    const c = entry as Record<string, unknown>;
    const name = c.name as Record<string, unknown> | undefined;
    const eng = (c.demonyms as Record<string, Record<string, unknown>> | undefined)?.eng;
    if (typeof c.cca2 !== 'string' || typeof name?.common !== 'string' || typeof name.official !== 'string') {
      throw new Error(`world-countries: unexpected entry ${JSON.stringify(entry).slice(0, 80)}`);
    }
    return {
      cca2: c.cca2,
      independent: c.independent === true,
      common: name.common,
      official: name.official,
      altSpellings: strings(c.altSpellings),
      capitals: strings(c.capital),
      demonyms: [eng?.m, eng?.f].filter((x): x is string => typeof x === 'string' && x !== ''),
    };
  });
}

/** "A/B; C" → [["A", "B"], ["C"]]. */
const entriesOf = (list: string): string[][] =>
  list
    .split(';')
    .map((e) =>
      e
        .split('/')
        .map((n) => n.trim())
        .filter((n) => n !== ''),
    )
    .filter((e) => e.length > 0);

/** A package alternative spelling worth a key: Latin script, not an inverted ISO form, not a bare code. */
function usefulAltSpelling(s: string): boolean {
  if (!/^[\p{Script=Latin}\p{M}' .-]+$/u.test(s) || /[\u0250-\u02af]/.test(s)) return false;
  if (/^[A-Z]{1,4}$/.test(s)) return ['USA', 'UK', 'UAE', 'DRC', 'DPRK'].includes(s);
  return true;
}

const RECOGNISED_AS_COUNTRY = new Set(COUNTRY_CODES_EXTRA);
const CONTINENT_CODE_SET = new Set(CONTINENT_CODES);

function build(pkg: PackageCountry[]): Tables {
  const places = new Map<string, Place>();
  const theOnly = new Map<string, Place>();
  const excluded = new Set(EXCLUDED_NAMES);
  const place = (name: string, kind: PlaceKind, country: string | null): Place => Object.freeze({ name, kind, country });
  const put = (key: string, p: Place, force = false): void => {
    const k = normalise(key);
    if (k === '' || excluded.has(k)) return;
    if (force || !places.has(k)) places.set(k, p);
    if (k.startsWith('The ')) {
      const bare = k.slice(4);
      if (!excluded.has(bare) && !theOnly.has(bare)) theOnly.set(bare, p);
    }
  };
  const renamed = (s: string): string => RENAMED[s] ?? s;

  // Countries first, so a country wins its name over a capital, region or territory.
  const isCountry = (c: PackageCountry) => (c.independent || RECOGNISED_AS_COUNTRY.has(c.cca2)) && !CONTINENT_CODE_SET.has(c.cca2) && !(c.cca2 in SOVEREIGN_OF_TERRITORY);
  const ordered = [...pkg.filter(isCountry), ...pkg.filter((c) => !isCountry(c))];
  const byCode = new Map(pkg.map((c) => [c.cca2, c]));
  const countries = new Map<string, Place>(); // canonical name → country place
  const ownerOf = new Map<PackageCountry, string | null>(); // the country a package entry belongs to
  const entryPlace = new Map<PackageCountry, Place>();
  for (const c of ordered) {
    let p: Place;
    if (isCountry(c)) {
      p = place(c.common, 'country', c.common);
      countries.set(c.common, p);
      ownerOf.set(c, c.common);
    } else if (CONTINENT_CODE_SET.has(c.cca2)) {
      p = place(c.common, 'continent', null);
      ownerOf.set(c, null);
    } else {
      const sovereign = SOVEREIGN_OF_TERRITORY[c.cca2];
      const owner = sovereign ? (byCode.get(sovereign)?.common ?? null) : null;
      p = place(renamed(c.common), 'region', owner);
      ownerOf.set(c, owner);
    }
    entryPlace.set(c, p);
    put(c.common, p);
  }
  const countryNamed = (name: string): Place => {
    const p = countries.get(name);
    if (p === undefined) throw new Error(`places-extra: "${name}" is not a country name of world-countries`);
    return p;
  };

  for (const [country, aliases] of Object.entries(COUNTRY_ALIASES)) {
    const p = countryNamed(country);
    for (const entry of entriesOf(aliases)) for (const alias of entry) put(alias, p, true);
  }
  for (const [bare, country] of Object.entries(THE_ONLY)) theOnly.set(bare, countryNamed(country));
  for (const c of ordered) put(c.official, entryPlace.get(c)!);
  for (const c of ordered) for (const alt of c.altSpellings) if (usefulAltSpelling(alt)) put(alt, entryPlace.get(c)!);

  // National capitals: the package's, then our spellings and extra seats of government.
  const capitalsOf = new Map<string, Map<string, Place>>(); // country → capital name → place
  for (const c of ordered) {
    if (!isCountry(c)) continue;
    const mine = new Map<string, Place>();
    for (const cap of c.capitals) {
      const p = place(renamed(cap), 'capital', c.common);
      mine.set(p.name, p);
      put(cap, p);
      put(p.name, p);
    }
    capitalsOf.set(c.common, mine);
  }
  for (const [country, list] of Object.entries(CAPITALS)) {
    countryNamed(country);
    const mine = capitalsOf.get(country)!;
    for (const [name, ...aliases] of entriesOf(list)) {
      let p = mine.get(name!);
      if (p === undefined) mine.set(name!, (p = place(name!, 'capital', country)));
      for (const n of [name!, ...aliases]) put(n, p);
    }
  }

  for (const [name, ...aliases] of entriesOf(CONTINENTS)) {
    const p = place(name!, 'continent', null);
    for (const n of [name!, ...aliases]) put(n, p);
  }
  const addAll = (list: string, kind: PlaceKind, country: string | null): void => {
    if (country !== null) countryNamed(country);
    for (const [name, ...aliases] of entriesOf(list)) {
      const p = place(name!, kind, country);
      for (const n of [name!, ...aliases]) put(n, p);
    }
  };
  addAll(WORLD_REGIONS, 'region', null);
  for (const [country, list] of Object.entries(COUNTRY_REGIONS)) addAll(list, 'region', country);
  addAll(US_STATES, 'region', 'United States');
  for (const [country, list] of Object.entries(CITIES)) addAll(list, 'city', country);
  // Territories' capitals, as cities of the territory's sovereign.
  for (const c of ordered) {
    if (isCountry(c)) continue;
    for (const cap of c.capitals) {
      const p = place(renamed(cap), 'city', ownerOf.get(c) ?? null);
      put(cap, p);
      put(p.name, p);
    }
  }

  // Spelling variants news prints: without diacritics, and Saint / St. / St.
  for (const [key, p] of [...places]) for (const v of variantsOf(key)) put(v, p);
  for (const [key, p] of [...theOnly]) for (const v of variantsOf(key)) if (!excluded.has(v) && !theOnly.has(v)) theOnly.set(v, p);

  return { places, theOnly, demonyms: buildDemonyms(ordered, ownerOf, countryNamed, places) };
}

function variantsOf(key: string): string[] {
  const out = new Set<string>();
  for (const k of [key, fold(key)]) {
    out.add(k);
    const saint = /^(Saint|St\.|St) (.*)$/.exec(k);
    if (saint) for (const prefix of ['Saint', 'St.', 'St']) out.add(`${prefix} ${saint[2]}`);
  }
  out.delete(key);
  return [...out];
}

function buildDemonyms(ordered: PackageCountry[], ownerOf: Map<PackageCountry, string | null>, countryNamed: (name: string) => Place, places: Map<string, Place>): Map<string, string> {
  const demonyms = new Map<string, string>();
  const add = (word: string, country: string): void => {
    const w = normalise(word);
    if (w !== '' && !demonyms.has(w)) demonyms.set(w, country);
  };
  for (const [country, list] of Object.entries(DEMONYMS)) {
    countryNamed(country);
    for (const entry of entriesOf(list)) for (const w of entry) add(w, country);
  }
  for (const c of ordered) {
    const country = ownerOf.get(c);
    if (!country) continue;
    // "Bosnian, Herzegovinian", "Kittitian or Nevisian": each one a demonym.
    for (const d of c.demonyms) for (const w of d.split(/,\s*|\s+or\s+/)) add(w, country);
  }
  // Plurals of the regular ones: "Israelis", "Britons", "South Koreans"; not "Chineses".
  for (const [word, country] of [...demonyms]) {
    if (!/\p{Ll}$/u.test(word) || /(?:ese|ish|ic|ch|sh|ss|s|x|z|y)$/.test(word) || places.has(word)) continue;
    if (!places.has(`${word}s`)) add(`${word}s`, country);
  }
  for (const [word, country] of [...demonyms]) {
    const folded = fold(word);
    if (folded !== word) add(folded, country);
  }
  for (const w of AMBIGUOUS_DEMONYMS) demonyms.delete(w);
  return demonyms;
}
