// Dates as news text prints them: "on Monday", "Sunday's talks", "in February", "since 2021",
// "last year", "earlier this month", "June 19, 2023", "19 June 2023", "2023-06-19", "Monday, June 19".
import { dayNumber, isValidDate, monthRange, MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from './calendar.ts';
import { fixed, narrow, resolveMonth, resolveMonthDay, resolveRelative, resolveWeekday, type Modifier, type Period } from './date-resolve.ts';
import type { Relation } from './found-value.ts';
import { dateReading, draft, type Context, type DateCore, type DateReading, type Match } from './match.ts';
import { readYear } from './years.ts';
import { isCapitalized, isMark, isWord, longestPhrase, phraseTable, type Token } from './tokens.ts';

const RELATIONS = phraseTable<Relation>([
  ['since', 'since'],
  ['until', 'until'],
  ['till', 'until'],
  ['before', 'before'],
  ['after', 'after'],
  ['prior to', 'before'],
]);

const STRONG_CONTEXT = new Set(['in', 'since', 'until', 'till', 'by', 'through', 'during', 'throughout', 'early', 'mid', 'late']);
const LOOSE_CONTEXT = new Set(['from', 'before', 'after', 'of', 'to', 'and', 'or', 'between']);

const RELATIVE_DAYS = phraseTable<number>([
  ['yesterday', -1],
  ['today', 0],
  ['tonight', 0],
  ['tomorrow', 1],
  ['last night', -1],
  ['this morning', 0],
  ['this afternoon', 0],
  ['this evening', 0],
]);
const PERIODS: ReadonlyMap<string, Period> = new Map([
  ['week', 'week'],
  ['weekend', 'weekend'],
  ['month', 'month'],
  ['year', 'year'],
]);
const MODIFIERS: ReadonlyMap<string, Modifier> = new Map([
  ['last', 'last'],
  ['next', 'next'],
  ['this', 'this'],
]);
const OFFSETS: ReadonlyMap<Modifier, number> = new Map([
  ['last', -1],
  ['next', 1],
  ['this', 0],
]);

/** Words a date can start with, for the scan's quick skip. */
export const DATE_STARTS = [
  ...RELATIONS.keys(),
  ...RELATIVE_DAYS.keys(),
  ...MODIFIERS.keys(),
  'earlier',
  'later',
  'early',
  'mid',
  'late',
  'the',
  ...MONTHS.keys(),
  ...MONTH_ABBREVIATIONS.keys(),
  ...WEEKDAYS.keys(),
];

/** A date starting at `i`, with "since"/"until"/"before"/"after" read as its relation. */
export function matchDate(tokens: readonly Token[], i: number): Match | null {
  const relation = longestPhrase(tokens, i, RELATIONS);
  const core = relation ? readPlainDate(tokens, relation.end, 'strong') : readDate(tokens, i);
  if (!core) return null;
  const { reading } = core;
  return {
    end: core.end,
    value: draft({ kind: 'date', low: -Infinity, high: Infinity, unit: 'day', relation: relation?.value ?? null, weekday: reading.weekday, reading }),
  };
}

/** A date at `i`, with "early"/"mid"/"late" or "last"/"next"/"this" before it. */
function readDate(tokens: readonly Token[], i: number): DateCore | null {
  const word = tokens[i]?.lower;
  if (word === 'early' || word === 'mid' || word === 'late') {
    const next = isMark(tokens, i + 1, '-', true) ? i + 2 : i + 1;
    const core = readPlainDate(tokens, next, 'strong');
    if (core && core.reading.monthDay === null && !core.reading.full) {
      return { end: core.end, reading: { ...core.reading, resolve: narrow(core.reading.resolve, word) } };
    }
  }
  const previous = tokens[i - 1]?.lower ?? '';
  const context = STRONG_CONTEXT.has(previous) ? 'strong' : LOOSE_CONTEXT.has(previous) ? 'loose' : 'none';
  return readModifiedMonth(tokens, i) ?? readPlainDate(tokens, i, context);
}

function readPlainDate(tokens: readonly Token[], i: number, context: Context): DateCore | null {
  return readNumericDate(tokens, i) ?? readRelative(tokens, i) ?? readWeekday(tokens, i) ?? readMonthFirst(tokens, i, context) ?? readDayFirst(tokens, i) ?? readYear(tokens, i, context);
}

/** "last February", "next June". */
function readModifiedMonth(tokens: readonly Token[], i: number): DateCore | null {
  const modifier = MODIFIERS.get(tokens[i]?.lower ?? '');
  const name = modifier ? readMonthName(tokens, i + 1) : null;
  if (!modifier || !name || name.short || tokens[name.end]?.type === 'num') return null;
  return { end: name.end, reading: dateReading(resolveMonth(name.month, modifier)) };
}

/** A full date: day, month and year. */
function fullDate(year: number, month: number, day: number, weekday: number | null = null): DateReading | null {
  if (!isValidDate(year, month, day)) return null;
  const d = dayNumber(year, month, day);
  return dateReading(fixed([d, d]), { full: true, weekday });
}

/** "2023-06-19", "2023/06/19", "19.06.2023", and "6/19/2023" or "19/6/2023" when only one reading is a date. */
function readNumericDate(tokens: readonly Token[], i: number): DateCore | null {
  const t = tokens[i];
  if (t?.type !== 'num') return null;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t.text);
  if (dotted) {
    const date = fullDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
    return date && { end: i + 1, reading: date };
  }
  const parts = [t];
  let end = i + 1;
  const sep = tokens[end]?.text;
  while (parts.length < 3 && (sep === '-' || sep === '/') && tokens[end]?.text === sep && !tokens[end]!.gap && tokens[end + 1]?.type === 'num' && !tokens[end + 1]!.gap) {
    parts.push(tokens[end + 1]!);
    end += 2;
  }
  if (parts.length !== 3 || parts.some((p) => !p.plain)) return null;
  const [a, b, c] = parts.map((p) => Number(p.text)) as [number, number, number];
  const lengths = parts.map((p) => p.text.length).join('');
  let date: DateReading | null = null;
  if (lengths === '422' || lengths === '411' || lengths === '421' || lengths === '412') date = fullDate(a, b, c);
  else if (sep === '/' && c >= 1000) {
    // day and month can only be told apart when one of them is above 12
    if (a > 12 && b <= 12) date = fullDate(c, b, a);
    else if (b > 12 && a <= 12) date = fullDate(c, a, b);
  }
  return date && { end, reading: date };
}

function readRelative(tokens: readonly Token[], i: number): DateCore | null {
  const day = longestPhrase(tokens, i, RELATIVE_DAYS);
  if (day) return { end: day.end, reading: dateReading(resolveRelative('day', day.value, null)) };
  const w = tokens[i]?.lower ?? '';
  const part = w === 'earlier' || w === 'later' ? w : null;
  const at = part ? i + 1 : i;
  const modifier = MODIFIERS.get(tokens[at]?.lower ?? '') ?? null;
  const period = PERIODS.get(tokens[at + 1]?.lower ?? '');
  if (!modifier || !period || (part && modifier !== 'this')) return null;
  return { end: at + 2, reading: dateReading(resolveRelative(period, OFFSETS.get(modifier)!, part)) };
}

/** "Monday", "last Monday", "Monday, June 19", "Monday 19 June 2023". */
function readWeekday(tokens: readonly Token[], i: number): DateCore | null {
  const modifier = MODIFIERS.get(tokens[i]?.lower ?? '') ?? null;
  const at = modifier ? i + 1 : i;
  const t = tokens[at];
  const weekday = t && isCapitalized(t) ? WEEKDAYS.get(t.lower) : undefined;
  if (weekday === undefined) return null;
  if (!modifier) {
    const after = isMark(tokens, at + 1, ',') ? at + 2 : at + 1;
    const dated = readMonthFirst(tokens, after, 'none', weekday) ?? readDayFirst(tokens, after, weekday);
    if (dated) return dated;
  }
  return { end: at + 1, reading: dateReading(resolveWeekday(weekday, modifier), { weekday, tenseMatters: modifier === null }) };
}

/** A month name (or a short form with a day or year after it) at `i`: its number and the index after it. */
function readMonthName(tokens: readonly Token[], i: number): { month: number; end: number; short: boolean } | null {
  const t = tokens[i];
  if (!t || !isCapitalized(t)) return null;
  const full = MONTHS.get(t.lower);
  if (full !== undefined) return { month: full, end: i + 1, short: false };
  const short = MONTH_ABBREVIATIONS.get(t.lower);
  if (short === undefined) return null;
  return { month: short, end: isMark(tokens, i + 1, '.', true) ? i + 2 : i + 1, short: true };
}

/** A day of the month at `i` ("19", "19th"), and the index after it. */
function readDayOfMonth(tokens: readonly Token[], i: number): { day: number; end: number } | null {
  const t = tokens[i];
  if (t?.type !== 'num' || !t.plain || t.text.length > 2 || t.value < 1 || t.value > 31) return null;
  const before = tokens[i - 1];
  if (!t.gap && before && (before.type === 'word' || before.type === 'num')) return null;
  const suffix = tokens[i + 1];
  if (suffix && suffix.type === 'word' && !suffix.gap) {
    return ['st', 'nd', 'rd', 'th'].includes(suffix.lower) ? { day: t.value, end: i + 2 } : null;
  }
  return { day: t.value, end: i + 1 };
}

/** A year printed after a day and month: ", 2023" or " 2023". */
function yearAfter(tokens: readonly Token[], i: number): { year: number; end: number } | null {
  const at = isMark(tokens, i, ',') ? i + 1 : i;
  const t = tokens[at];
  if (t?.type !== 'num' || !t.plain || t.text.length !== 4 || (!t.gap && at === i)) return null;
  if (tokens[at + 1]?.type === 'word' && !tokens[at + 1]!.gap) return null;
  return { year: t.value, end: at + 1 };
}

/** "June 19", "June 19, 2023", "June 19-20", "June 2023", and "February" alone after "in", "since", … */
function readMonthFirst(tokens: readonly Token[], i: number, context: Context, weekday: number | null = null): DateCore | null {
  const name = readMonthName(tokens, i);
  if (!name) return null;
  const { month } = name;
  const day = readDayOfMonth(tokens, name.end);
  if (day) return withDay(tokens, month, day.day, day.end, weekday, true);
  const year = tokens[name.end];
  if (year?.type === 'num' && year.plain && year.text.length === 4 && year.value >= 1000) {
    return { end: name.end + 1, reading: dateReading(fixed(monthRange(year.value, month))) };
  }
  if (name.short || weekday !== null) return null;
  // "May" and "March" are also a verb and a noun
  const needed = month === 3 || month === 5 ? context === 'strong' : context !== 'none';
  if (!needed) return null;
  return { end: name.end, reading: dateReading(resolveMonth(month, null), { tenseMatters: true }) };
}

/** "19 June", "19th June 2023", "the 19th of June". */
function readDayFirst(tokens: readonly Token[], i: number, weekday: number | null = null): DateCore | null {
  const start = isWord(tokens, i, 'the') ? i + 1 : i;
  const day = readDayOfMonth(tokens, start);
  if (!day) return null;
  const of = isWord(tokens, day.end, 'of') ? day.end + 1 : day.end;
  if (start !== i && of === day.end) return null;
  const name = readMonthName(tokens, of);
  if (!name) return null;
  return withDay(tokens, name.month, day.day, name.end, weekday, false);
}

/** A day and month read; a year after them, a second day ("June 19-20"), or neither. */
function withDay(tokens: readonly Token[], month: number, day: number, end: number, weekday: number | null, monthFirst: boolean): DateCore | null {
  const year = yearAfter(tokens, end);
  if (year) {
    const date = fullDate(year.year, month, day, weekday);
    return date && { end: year.end, reading: date };
  }
  if (!isValidDate(2000, month, day)) return null;
  if (monthFirst && isMark(tokens, end, '-–') && weekday === null) {
    const last = readDayOfMonth(tokens, end + 1);
    if (last && last.day > day && isValidDate(2000, month, last.day)) {
      return { end: last.end, reading: dateReading(resolveMonthDay(month, day, null, last.day - day), { tenseMatters: true }) };
    }
  }
  return { end, reading: dateReading(resolveMonthDay(month, day, weekday), { weekday, tenseMatters: weekday === null, monthDay: { month, day } }) };
}
