// Numbers written in words: "twenty-three", "seven and a half", "one hundred and five", "two dozen".
import { isMark, isWord, type Token } from './tokens.ts';

export const ONES: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

/** Words that multiply what stands before them: "1.5 million", "two thousand". */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/** Letters glued to digits that multiply them: "3bn", "$2.5m" (m and k only after a currency sign). */
export const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['bn', 1e9],
  ['b', 1e9],
  ['tn', 1e12],
  ['trn', 1e12],
  ['mn', 1e6],
  ['mln', 1e6],
  ['m', 1e6],
  ['k', 1e3],
]);
export const MONEY_ONLY_SUFFIXES = new Set(['m', 'k', 'b']);

/** Fractions that follow "and a": "an hour and a half", "two and a quarter". */
const FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['half', 0.5],
  ['quarter', 0.25],
]);

/** How a word number was written, so "one" alone can be told from a real count. */
export interface WordNumber {
  value: number;
  end: number;
  /** Just "one": a pronoun or determiner unless a unit follows. */
  lone: boolean;
}

/** A separator inside a word number: a glued hyphen ("twenty-three") or nothing. */
function skipHyphen(tokens: readonly Token[], i: number): number {
  return isMark(tokens, i, '-–', true) && !tokens[i + 1]?.gap ? i + 1 : i;
}

/**
 * The number written in words at `i`, or null. A small grammar: ones and tens add, "hundred"
 * multiplies the group, larger scales close it; "and" only continues after a scale
 * ("one hundred and five") or before a fraction ("seven and a half").
 */
export function readWordNumber(tokens: readonly Token[], i: number): WordNumber | null {
  let total = 0;
  let group = 0;
  let j = i;
  let last: 'none' | 'one' | 'teen' | 'ten' | 'hundred' | 'scale' = 'none';
  let words = 0;
  for (let steps = 0; steps < 16; steps++) {
    const at = words === 0 ? j : skipHyphen(tokens, j);
    const t = tokens[at];
    if (t?.type !== 'word') break;
    const one = ONES.get(t.lower);
    const ten = TENS.get(t.lower);
    const scale = SCALES.get(t.lower);
    if (one !== undefined && (last === 'none' || last === 'hundred' || last === 'scale' || (last === 'ten' && one < 10))) {
      group += one;
      last = one < 10 ? 'one' : 'teen';
    } else if (ten !== undefined && (last === 'none' || last === 'hundred' || last === 'scale')) {
      group += ten;
      last = 'ten';
    } else if (scale === 100 && last !== 'none' && last !== 'hundred' && last !== 'scale' && group < 100) {
      group *= 100;
      last = 'hundred';
    } else if (scale !== undefined && scale > 100 && last !== 'none' && last !== 'scale') {
      total += group * scale;
      group = 0;
      last = 'scale';
    } else if (t.lower === 'and' && (last === 'hundred' || last === 'scale') && readsNumberWord(tokens, at + 1)) {
      j = at + 1;
      continue;
    } else {
      break;
    }
    j = at + 1;
    words++;
  }
  if (words === 0) return null;
  let value = total + group;
  const fraction = andAFraction(tokens, j);
  if (fraction && last !== 'scale') {
    value += fraction.value;
    j = fraction.end;
    // "two and a half million": the fraction belongs to the group the scale multiplies
    const scale = SCALES.get(tokens[skipHyphen(tokens, j)]?.lower ?? '');
    if (scale !== undefined && scale > 100) {
      value *= scale;
      j = skipHyphen(tokens, j) + 1;
    }
  }
  const dozen = dozenAfter(tokens, j);
  if (dozen > 0) {
    value *= 12;
    j = dozen;
  }
  return { value, end: j, lone: words === 1 && value === 1 && !fraction && dozen < 0 };
}

function readsNumberWord(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]?.lower ?? '';
  return ONES.has(w) || TENS.has(w);
}

/** "and a half" / "and a quarter" (hyphens allowed: "seven-and-a-half") after a number. */
export function andAFraction(tokens: readonly Token[], i: number): { value: number; end: number } | null {
  const and = skipHyphen(tokens, i);
  if (!isWord(tokens, and, 'and')) return null;
  const a = skipHyphen(tokens, and + 1);
  if (!isWord(tokens, a, 'a')) return null;
  const f = skipHyphen(tokens, a + 1);
  const value = FRACTIONS.get(tokens[f]?.type === 'word' ? tokens[f]!.lower : '');
  return value === undefined ? null : { value, end: f + 1 };
}

/** "two dozen": the index after "dozen", or -1. */
function dozenAfter(tokens: readonly Token[], i: number): number {
  const at = skipHyphen(tokens, i);
  return isWord(tokens, at, 'dozen') ? at + 1 : -1;
}
