// The unit of time after a number, in minutes: "six hours", "35-minute", "two-day",
// "10 collective hours", "an hour and a half", "two hours and 15 minutes", "34-year-old".
import { andAFraction } from './number-words.ts';
import { gluedWord, readSingle } from './numbers.ts';
import { isMark, isWord, type Token } from './tokens.ts';
import { DURATION_UNITS, unitName } from './units.ts';

/** Adjectives that may stand between a number and its unit; the first four make a total. */
const BETWEEN = new Set(['collective', 'combined', 'cumulative', 'total', 'full', 'straight', 'consecutive', 'additional', 'more', 'long', 'whole', 'extra']);
export const TOTALLING = new Set(['collective', 'combined', 'cumulative', 'total']);

/** Units too short to be read after "a"/"an": "a second" is an ordinal far more often than a span. */
const NOT_AFTER_ARTICLE = new Set(['second', 'sec', 'min', 'hr', 'yr']);

export interface DurationUnit {
  /** Minutes in one unit. */
  minutes: number;
  /** Token index after the unit (and "-long", "and a half", a smaller unit added). */
  end: number;
  /** Written as an adjective ("35-minute session"): no "before"/"ago" can follow. */
  adjectival: boolean;
  /** "10 collective hours". */
  aggregate: boolean;
  /** Added to the number in units: "an hour and a half" → 0.5, "two hours and 15 minutes" → 0.25. */
  extra: number;
  /** "34-year-old", "five years old": an age, with the unit's singular name. */
  age: string | null;
}

/** The unit of time after the number ending at `i`, or null. `article`: the number was "a"/"an". */
export function readDurationUnit(tokens: readonly Token[], i: number, article: boolean, fractionRead: boolean): DurationUnit | null {
  let j = i;
  let adjectival = false;
  let aggregate = false;
  const glued = gluedWord(tokens, j);
  if (isMark(tokens, j, '-–', true) && tokens[j + 1]?.type === 'word' && !tokens[j + 1]!.gap) {
    adjectival = true;
    j++;
  } else if (!glued) {
    let k = j;
    while (k < j + 2 && BETWEEN.has(tokens[k]?.lower ?? '')) k++;
    if (k > j && DURATION_UNITS.has(tokens[k]?.lower ?? '')) {
      for (let m = j; m < k; m++) if (TOTALLING.has(tokens[m]!.lower)) aggregate = true;
      j = k;
    }
  }
  const unit = tokens[j];
  if (unit?.type !== 'word') return null;
  // a single glued letter is a unit only when short for hours: "24h"
  const minutes = DURATION_UNITS.get(unit.lower) ?? (glued === 'h' ? 60 : undefined);
  if (minutes === undefined || (article && NOT_AFTER_ARTICLE.has(unit.lower))) return null;
  j++;
  const age = readAge(tokens, j);
  if (age) return { minutes, end: age, adjectival, aggregate, extra: 0, age: `${unitName(unit.lower)} old` };
  if (isMark(tokens, j, '-', true) && isWord(tokens, j + 1, 'long') && !tokens[j + 1]!.gap) {
    adjectival = true;
    j += 2;
  }
  let extra = 0;
  if (!adjectival) {
    const fraction = fractionRead ? null : andAFraction(tokens, j);
    const smaller = fraction ? null : smallerUnit(tokens, j, minutes);
    if (fraction) {
      extra = fraction.value;
      j = fraction.end;
    } else if (smaller) {
      extra = smaller.units;
      j = smaller.end;
    }
  }
  return { minutes, end: j, adjectival, aggregate, extra, age: null };
}

/** "-old" or " old" after a unit of time: the index after it, or 0. */
function readAge(tokens: readonly Token[], i: number): number {
  if (isMark(tokens, i, '-', true) && isWord(tokens, i + 1, 'old') && !tokens[i + 1]!.gap) return i + 2;
  return isWord(tokens, i, 'old') ? i + 1 : 0;
}

/** "… hours and 15 minutes", "… hours, 15 minutes": the smaller part in units of the larger. */
function smallerUnit(tokens: readonly Token[], i: number, minutes: number): { units: number; end: number } | null {
  const start = isWord(tokens, i, 'and') || isMark(tokens, i, ',') ? i + 1 : i;
  const number = readSingle(tokens, start, false);
  if (!number || number.low !== number.high || number.vague || number.gluedSuffix) return null;
  const unit = tokens[number.end];
  const smaller = unit?.type === 'word' ? DURATION_UNITS.get(unit.lower) : undefined;
  if (smaller === undefined || smaller >= minutes) return null;
  return { units: (number.low * smaller) / minutes, end: number.end + 1 };
}

/** Words after a span of time that make it an offset: "an hour before", "two days later", "five years ago". */
export function readRelation(tokens: readonly Token[], i: number): { relation: 'before' | 'after' | 'ago'; end: number } | null {
  const w = tokens[i]?.type === 'word' ? tokens[i]!.lower : '';
  if (w === 'before' || w === 'earlier' || w === 'beforehand') return { relation: 'before', end: i + 1 };
  if (w === 'prior' && isWord(tokens, i + 1, 'to')) return { relation: 'before', end: i + 1 };
  if (w === 'after' || w === 'later' || w === 'afterwards' || w === 'afterward') return { relation: 'after', end: i + 1 };
  if (w === 'ago') return { relation: 'ago', end: i + 1 };
  return null;
}
