// Hedges around a number and the interval each allows. Intervals are closed at the stated
// number on purpose: "three hours" and "more than three hours" must never read as a contradiction.
import type { Qualifier } from './found-value.ts';
import { isMark, isWord, longestPhrase, phraseTable, type Token } from './tokens.ts';

const BEFORE: [string, Qualifier][] = [
  ['about', 'about'],
  ['around', 'about'],
  ['roughly', 'about'],
  ['approximately', 'about'],
  ['approx', 'about'],
  ['approx.', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['circa', 'about'],
  ['in the region of', 'about'],
  ['on the order of', 'about'],
  ['about an estimated', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['close to', 'nearly'],
  ['just under', 'nearly'],
  ['just shy of', 'nearly'],
  ['not quite', 'nearly'],
  ['a little under', 'nearly'],
  ['slightly under', 'nearly'],
  ['just below', 'nearly'],
  ['slightly less than', 'nearly'],
  ['a little less than', 'nearly'],
  ['just less than', 'nearly'],
  ['more than', 'more than'],
  ['over', 'more than'],
  ['above', 'more than'],
  ['upwards of', 'more than'],
  ['upward of', 'more than'],
  ['in excess of', 'more than'],
  ['exceeding', 'more than'],
  ['just over', 'more than'],
  ['well over', 'more than'],
  ['a little over', 'more than'],
  ['slightly more than', 'more than'],
  ['well above', 'more than'],
  ['just more than', 'more than'],
  ['a little more than', 'more than'],
  ['well more than', 'more than'],
  ['some more than', 'more than'],
  ['at least', 'at least'],
  ['no less than', 'at least'],
  ['no fewer than', 'at least'],
  ['not less than', 'at least'],
  ['a minimum of', 'at least'],
  ['less than', 'less than'],
  ['under', 'less than'],
  ['fewer than', 'less than'],
  ['below', 'less than'],
  ['well under', 'less than'],
  ['well below', 'less than'],
  ['at most', 'at most'],
  ['up to', 'at most'],
  ['no more than', 'at most'],
  ['not more than', 'at most'],
  ['a maximum of', 'at most'],
  ['as many as', 'at most'],
  ['as much as', 'at most'],
  ['within', 'at most'],
];

const PREFIXES = phraseTable(BEFORE);
/** Words a hedge can start with, for the scan's quick skip. */
export const QUALIFIER_STARTS = [...PREFIXES.keys()];

const AFTER = phraseTable<Qualifier>([
  ['or so', 'about'],
  ['or more', 'at least'],
  ['or longer', 'at least'],
  ['or less', 'at most'],
  ['or fewer', 'at most'],
]);

/** The hedge before a number at `i`: its normalized form and where the number starts. */
export function readQualifier(tokens: readonly Token[], i: number): { qualifier: Qualifier; end: number } | null {
  const found = longestPhrase(tokens, i, PREFIXES);
  return found && { qualifier: found.value, end: found.end };
}

/** A hedge after the value ("or so", "or more", "300-plus", "300+"). */
export function readQualifierAfter(tokens: readonly Token[], i: number): { qualifier: Qualifier; end: number } | null {
  if (isMark(tokens, i, '-', true) && isWord(tokens, i + 1, 'plus') && !tokens[i + 1]!.gap) return { qualifier: 'at least', end: i + 2 };
  if (isMark(tokens, i, '+', true)) return { qualifier: 'at least', end: i + 1 };
  const found = longestPhrase(tokens, i, AFTER);
  return found && { qualifier: found.value, end: found.end };
}

/** The closed interval a hedged number allows. */
export function qualify(low: number, high: number, qualifier: Qualifier | null): [number, number] {
  switch (qualifier) {
    // "* 9 / 10", not "* 0.9": three hours about is 162 to 198 minutes, not 198.00000000000003
    case 'about':
      return [(low * 9) / 10, (high * 11) / 10];
    case 'nearly':
      return [(low * 9) / 10, high];
    case 'more than':
    case 'at least':
      return [low, Infinity];
    case 'less than':
    case 'at most':
      return [Math.min(0, low), high];
    default:
      return [low, high];
  }
}
