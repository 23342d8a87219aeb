// Years, decades and spans of years: "since 2021", "the 1990s", "2019-2021", "the 2021 election".
// A year is never a count: only a unit or a counted noun after it ("2000 troops") makes it one.
import { yearRange } from './calendar.ts';
import { countedNoun } from './counted-noun.ts';
import { fixed } from './date-resolve.ts';
import { dateReading, type Context, type DateCore } from './match.ts';
import { gluedWord, usableDigits } from './numbers.ts';
import { SCALES } from './number-words.ts';
import { isMark, isWord, type Token } from './tokens.ts';
import { currencyAfter, DURATION_UNITS } from './units.ts';

/** Bare four-digit numbers read as years when nothing says otherwise. */
export const FIRST_YEAR = 1800;
export const LAST_YEAR = 2100;

/** Words before a number that make it a modifier, so a noun after it is no counted noun: "the 2021 elections". */
const DETERMINERS = new Set(['the', 'its', 'their', 'this', 'that', 'his', 'her', 'our', 'a', 'an', 'whose']);

export function readYear(tokens: readonly Token[], i: number, context: Context): DateCore | null {
  const t = tokens[i];
  if (t?.type !== 'num' || !t.plain || t.text.length !== 4 || !usableDigits(tokens, i)) return null;
  const year = t.value;
  const anchored = context !== 'none';
  if (!anchored && (year < FIRST_YEAR || year > LAST_YEAR)) return null;
  const suffix = gluedWord(tokens, i + 1);
  if (suffix === 's' && year % 10 === 0) return { end: i + 2, reading: dateReading(fixed(yearRange(year, year + 9))) };
  if (suffix) return null;
  const last = readLastYear(tokens, i + 1, year);
  if (last) return { end: last.end, reading: dateReading(fixed(yearRange(year, last.year))) };
  if (!anchored && !DETERMINERS.has(tokens[i - 1]?.lower ?? '') && countsSomething(tokens, i + 1)) return null;
  return { end: i + 1, reading: dateReading(fixed(yearRange(year))) };
}

/** The end of a span of years: "-2021", "–21", " to 2021", " and 2021" (after "between"). */
function readLastYear(tokens: readonly Token[], i: number, first: number): { year: number; end: number } | null {
  const dash = isMark(tokens, i, '-–/');
  if (!dash && !isWord(tokens, i, 'to') && !(isWord(tokens, i, 'and') && isWord(tokens, i - 2, 'between'))) return null;
  const t = tokens[i + 1];
  if (t?.type !== 'num' || !t.plain || gluedWord(tokens, i + 2)) return null;
  let year = t.value;
  // "2019-21": the century of the first year
  if (t.text.length === 2 && dash) year = Math.floor(first / 100) * 100 + t.value;
  else if (t.text.length !== 4) return null;
  return year > first && year - first < 200 ? { year, end: i + 2 } : null;
}

/** A percent sign, a unit, a scale or a counted noun follows: "2000 troops", "2021 percent". */
function countsSomething(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (t.text === '%' || t.lower === 'percent') return true;
  if (t.type === 'word' && (DURATION_UNITS.has(t.lower) || SCALES.has(t.lower))) return true;
  return !!currencyAfter(tokens, i) || !!countedNoun(tokens, i);
}
