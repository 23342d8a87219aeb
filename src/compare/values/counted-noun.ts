// What a number counts: the plural noun after it ("1,200 people" → "person"), past a few
// modifiers ("more than a dozen Defense Department requests" → "request").
import { isCapitalized, isMark, type Token } from './tokens.ts';

/** Plurals that do not end in -s, by their singular. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['people', 'person'],
  ['men', 'man'],
  ['women', 'woman'],
  ['children', 'child'],
  ['feet', 'foot'],
  ['teeth', 'tooth'],
  ['police', 'police'],
  ['personnel', 'personnel'],
  ['staff', 'staff'],
  ['aircraft', 'aircraft'],
  ['cattle', 'cattle'],
  ['sheep', 'sheep'],
  ['livestock', 'livestock'],
  ['geese', 'goose'],
  ['mice', 'mouse'],
  ['crew', 'crew'],
]);

/** Words ending in -s that are no plural noun. */
const NOT_PLURAL = new Set([
  'is',
  'was',
  'has',
  'does',
  'goes',
  'this',
  'its',
  'his',
  'hers',
  'ours',
  'yours',
  'theirs',
  'us',
  'as',
  'yes',
  'thus',
  'plus',
  'less',
  'across',
  'always',
  'perhaps',
  'sometimes',
  'whereas',
  'unless',
  'besides',
  'afterwards',
  'towards',
  'nevertheless',
  'news',
  'whose',
  'nowadays',
  'upwards',
  'downwards',
  'backwards',
  'forwards',
]);

/** Words that may stand between a number and its noun: "1,200 more people", "three new rules". */
const MODIFIERS = new Set([
  'more',
  'new',
  'other',
  'additional',
  'extra',
  'further',
  'separate',
  'different',
  'young',
  'old',
  'small',
  'large',
  'major',
  'key',
  'senior',
  'junior',
  'top',
  'foreign',
  'local',
  'armed',
  'unarmed',
  'civilian',
  'military',
  'former',
  'current',
  'previous',
  'consecutive',
  'straight',
  'full',
  'whole',
  'known',
  'confirmed',
  'reported',
  'registered',
  'individual',
  'main',
  'big',
  'smaller',
  'larger',
  'bigger',
  'high',
  'low',
  'public',
  'private',
  'official',
]);

/** A regular or irregular English plural's singular ("countries" → "country", "people" → "person"). */
export function singular(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (word.endsWith('men')) return word.slice(0, -3) + 'man';
  if (/[^aeiou]ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(?:ch|sh|ss|x|zz|o)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** A lowercase word read as a plural noun, or an acronym's plural ("CEOs"). */
function isPluralNoun(t: Token | undefined): boolean {
  if (t?.type !== 'word' || t.gap === false) return false;
  if (/^[A-Z]{2,}s$/.test(t.text)) return true;
  if (t.text !== t.lower) return false;
  if (IRREGULAR.has(t.lower) || t.lower.endsWith('men')) return true;
  return t.lower.length >= 3 && t.lower.endsWith('s') && !/(?:ss|us|is)$/.test(t.lower) && !NOT_PLURAL.has(t.lower);
}

/** The noun counted by the number ending before `i`, and the index after it; null when nothing is counted. */
export function countedNoun(tokens: readonly Token[], i: number): { unit: string; end: number } | null {
  // "a 35-member delegation": the glued noun is the unit, singular already
  const glued = tokens[i + 1];
  if (isMark(tokens, i, '-', true) && glued?.type === 'word' && !glued.gap && glued.text === glued.lower) {
    return { unit: singular(glued.lower), end: i + 2 };
  }
  for (let k = i; k < i + 4; k++) {
    const t = tokens[k];
    if (!t || t.newline) return null;
    if (isPluralNoun(t)) return { unit: singular(t.lower), end: k + 1 };
    // "47 KO's": an acronym's plural written with an apostrophe
    if (/^[A-Z]{2,}$/.test(t.text) && t.gap && isMark(tokens, k + 1, "'’", true) && tokens[k + 2]?.lower === 's' && !tokens[k + 2]!.gap) return { unit: singular(`${t.lower}s`), end: k + 3 };
    const modifier = t.type === 'word' && t.gap && (MODIFIERS.has(t.lower) || isCapitalized(t));
    if (!modifier) return null;
  }
  return null;
}
