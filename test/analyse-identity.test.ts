// One identity across reports for organizations written several ways: a government body's two
// word orders and its acronym join; an acronym two organizations' initials spell joins neither.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument, mergeAnalyses } from '../src/analyse/index.ts';
import { cleanDocument } from '../src/clean/index.ts';
import type { Entity } from '../src/schema.ts';

function entitiesOf(...texts: string[]): Entity[] {
  const docs = texts.map((content, i) => cleanDocument({ source: `report-${i + 1}.txt`, format: 'text', content, hints: {} }));
  return mergeAnalyses(docs.map((d) => analyseDocument(d))).entities;
}

function holding(entities: Entity[], form: string): Entity | undefined {
  return entities.find((e) => e.name === form || e.aliases.includes(form));
}

test('a body written "Department of X", "X Department" and by its acronym is one organization', () => {
  const entities = entitiesOf(
    'Officials at the Department of Homeland Security (DHS) said on Monday that the border crossing in Tolvan would reopen.',
    'A spokesman for the Homeland Security Department said the crossing in Tolvan would reopen next week.',
    'Local leaders welcomed the news. DHS staff will return to the crossing on Friday, the mayor said.',
  );
  const dhs = holding(entities, 'Department of Homeland Security');
  assert.ok(dhs, entities.map((e) => e.name).join(', '));
  assert.equal(holding(entities, 'DHS'), dhs);
  assert.equal(holding(entities, 'Homeland Security Department'), dhs);
});

test('an acronym the initials of two organizations spell stays apart from both', () => {
  const entities = entitiesOf('The American Cancer Society and the American Chemical Society issued a joint statement on Tuesday.', 'ACS officials declined to comment on the statement.');
  const acs = holding(entities, 'ACS');
  assert.ok(acs);
  assert.notEqual(acs, holding(entities, 'American Cancer Society'));
  assert.notEqual(acs, holding(entities, 'American Chemical Society'));
});

test('an acronym that spells no organization named in the reports stays its own entity', () => {
  const entities = entitiesOf('The Federal Bureau of Investigation opened an inquiry.', 'NTSB investigators arrived at the scene on Sunday.');
  assert.notEqual(holding(entities, 'NTSB'), holding(entities, 'Federal Bureau of Investigation'));
  const fbi = entitiesOf('The Federal Bureau of Investigation opened an inquiry.', 'FBI agents arrived at the scene on Sunday.');
  assert.equal(holding(fbi, 'FBI'), holding(fbi, 'Federal Bureau of Investigation'));
});

test('one body in British and American spelling, with and without a hyphen, is one organization', () => {
  const entities = entitiesOf('The Organisation for Economic Co-operation sent observers to the vote in Tolvan.', 'The Organization for Economic Cooperation said the vote in Tolvan was fair.');
  const body = holding(entities, 'Organisation for Economic Co-operation');
  assert.ok(body, entities.map((e) => e.name).join(', '));
  assert.equal(holding(entities, 'Organization for Economic Cooperation'), body);
});

test('a name holding "and" is one name; two names joined by "and" stay two', () => {
  const names = entitiesOf(
    'Regulators act on Tolvan recall\n\n' +
      'The Food and Drug Administration and the Securities and Exchange Commission said on Monday they would look into the Tolvan recall. ' +
      'The Centers for Disease Control and Prevention issued a warning, and the Department of Health and Human Services said it would review the rule. ' +
      'Inspectors from Bosnia and Herzegovina joined them. The Department of Justice and Congress disagreed over the timing. ' +
      'Agents of the FBI and Justice Department met at the University of Chicago and Professor Ilse Marchetti spoke, the Ministry of Defence and Israel said.',
  ).map((e) => e.name);
  for (const one of [
    'Food and Drug Administration',
    'Securities and Exchange Commission',
    'Centers for Disease Control and Prevention',
    'Department of Health and Human Services',
    'Bosnia and Herzegovina',
  ])
    assert.ok(names.includes(one), `${one} in ${names.join(', ')}`);
  for (const two of ['Department of Justice', 'FBI', 'University of Chicago', 'Ilse Marchetti', 'Ministry of Defence', 'Israel']) assert.ok(names.includes(two), `${two} in ${names.join(', ')}`);
  assert.ok(!names.some((n) => / and (?:Congress|Justice|Professor|Israel)/.test(n)), names.join(', '));
});

test('Congress, the Senate, Parliament and the Treasury alone are organizations; "the Ministry" alone is not', () => {
  const entities = entitiesOf(
    'Tolvan budget passes\n\nLawmakers said the Senate voted 60-40 on Monday, and Congress sent the bill on. Parliament in Varnholm met on Tuesday. ' +
      'The Treasury said it would borrow less. Senate Majority Leader Ilse Marchetti spoke; the Ministry said nothing.',
  );
  const byName = new Map(entities.map((e) => [e.name, e.type]));
  for (const body of ['Senate', 'Congress', 'Parliament', 'Treasury']) assert.equal(byName.get(body), 'organization', [...byName.keys()].join(', '));
  assert.equal(byName.get('Ilse Marchetti'), 'person');
  assert.equal(byName.has('Ministry'), false);
});

test('a place whose name opens with a nationality keeps it: Saudi Arabia, Czech Republic, American Samoa', () => {
  const entities = entitiesOf('Oil deal\n\nThe deal between Saudi Arabia and Iran surprised diplomats in the Czech Republic and American Samoa. American Ilse Marchetti spoke.');
  const byName = new Map(entities.map((e) => [e.name, e.type]));
  for (const place of ['Saudi Arabia', 'Czech Republic', 'American Samoa']) assert.equal(byName.get(place), 'place', [...byName.keys()].join(', '));
  assert.equal(byName.get('Ilse Marchetti'), 'person', 'a nationality before a person still describes them');
});

test('an acronym joins a name whose hyphenated words give a letter each: APEC', () => {
  const entities = entitiesOf(
    'Leaders meet in Tolvan\n\nTolvan will host leaders for the Asia-Pacific Economic Cooperation (APEC) forum in November, officials said on Monday.',
    'Trade talks open\n\nAPEC leaders met in Tolvan on Monday to discuss tariffs.',
  );
  const apec = holding(entities, 'Asia-Pacific Economic Cooperation');
  assert.ok(apec, entities.map((e) => e.name).join(', '));
  assert.equal(holding(entities, 'APEC'), apec);
});

test('a party (after a place) before a name describes the person; "Utah Republican" after a name is no one', () => {
  const text =
    'Report reaction\n\nSen. Ilse Marchetti, Utah Republican, said Friday that she was "sickened" by the report. ' +
    'Democrat Lena Voss said: "We will subpoena it." Ohio Democrat Dana Whitcombe said: "It is a disgrace." The Democratic National Committee met.';
  const names = entitiesOf(text).map((e) => e.name);
  for (const name of ['Ilse Marchetti', 'Lena Voss', 'Dana Whitcombe', 'Democratic National Committee']) assert.ok(names.includes(name), names.join(', '));
  assert.ok(!names.some((n) => /Republican$|^Democrat |^Ohio/.test(n)), names.join(', '));
});
