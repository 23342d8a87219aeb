// A place in a sequence said of someone: "Cheeks is the fourth head coach since …", "she became
// the 21st president". Read only after a copula and "the", where the ordinal ranks its subject;
// "the sixth round" or "his second goal" enumerate events, and two of them are no contradiction.
import { draft, type Match } from './match.ts';
import { isMark, isWord, type Token } from './tokens.ts';

const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
  ['twentieth', 20],
]);
/** Words an ordinal can start with, for the scan's quick skip (digits always start). */
export const ORDINAL_STARTS = [...ORDINAL_WORDS.keys()];
const DIGIT_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
/** "X is / was / became / was named the fourth …". */
const RANKING_VERBS = new Set(['is', 'was', 'be', 'been', 'became', 'becomes', 'become', 'named', 'remains', 'remained']);
/** Words that end the ranked noun phrase: "the fourth head coach | since …". */
const PHRASE_ENDS = new Set([
  'in',
  'of',
  'since',
  'to',
  'under',
  'for',
  'at',
  'on',
  'with',
  'by',
  'from',
  'after',
  'before',
  'this',
  'that',
  'who',
  'which',
  'and',
  'or',
  'but',
  'ever',
  'overall',
  'all',
  'time',
]);
/** How many words the ranked noun phrase may hold: "the fifth Sixers head coach". */
const PHRASE_WORDS = 3;

/** The prefix of a ranked noun's unit: "ordinal coach", so ranks never mix with counts. */
export const ORDINAL_UNIT = 'ordinal ';

export function matchOrdinal(tokens: readonly Token[], i: number): Match | null {
  if (!isWord(tokens, i - 1, 'the') || !isWord(tokens, i - 2, ...RANKING_VERBS)) return null;
  const t = tokens[i];
  if (!t) return null;
  let rank = t.type === 'word' ? ORDINAL_WORDS.get(t.lower) : undefined;
  let j = i + 1;
  if (t.type === 'num' && t.plain && DIGIT_SUFFIXES.has(tokens[i + 1]?.lower ?? '') && !tokens[i + 1]!.gap) {
    rank = t.value;
    j = i + 2;
  }
  if (rank === undefined) return null;
  // The noun is the last word of the phrase: "fourth head coach", "fifth Sixers coach".
  let noun = -1;
  for (let k = j; k < j + PHRASE_WORDS; k++) {
    const w = tokens[k];
    if (w?.type !== 'word' || !w.gap || w.newline || PHRASE_ENDS.has(w.lower) || (k > j && /ed$/.test(w.lower))) break;
    if (isMark(tokens, k + 1, '-', true)) break; // "fourth-quarter": a compound, not the noun
    noun = k;
  }
  const word = noun >= 0 ? tokens[noun]! : undefined;
  if (!word || word.text !== word.lower || word.lower.endsWith('s')) return null;
  return { end: noun + 1, value: draft({ kind: 'number', low: rank, high: rank, unit: ORDINAL_UNIT + word.lower }) };
}
