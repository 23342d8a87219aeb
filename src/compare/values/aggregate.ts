// Whether a value is a total over several events ("a total of 10 hours", "10 hours in all"):
// a total and the length of one meeting must never be compared as one quantity.
import { isMark, longestPhrase, phraseTable, type Token } from './tokens.ts';

const BEFORE = phraseTable(['total of', 'combined', 'cumulative', 'altogether', 'in total', 'all told'].map((p) => [p, true]));
const AFTER = phraseTable(['combined', 'in total', 'in all', 'altogether', 'total', 'collectively', 'cumulatively', 'all told'].map((p) => [p, p]));

/** How far from the value a marker may stand, in tokens. */
const REACH = 4;

/** A marker of a total stands right before `first` ("a total of", "in total,") or after `end` in the same clause. */
export function isAggregate(tokens: readonly Token[], first: number, end: number): boolean {
  const before = isMark(tokens, first - 1, ',') ? first - 1 : first;
  for (let k = Math.max(0, before - 3); k < before; k++) {
    if (longestPhrase(tokens, k, BEFORE)?.end === before) return true;
  }
  for (let k = end; k < end + REACH + 2 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.newline || (t.type === 'punct' && '.;:!?'.includes(t.text)) || t.type === 'num') return false;
    const marker = longestPhrase(tokens, k, AFTER);
    // "in all" only closes a clause: "in all cases" is no total
    if (marker && (marker.value !== 'in all' || tokens[marker.end]?.type !== 'word')) return true;
  }
  return false;
}
