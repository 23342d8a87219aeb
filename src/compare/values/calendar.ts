// Day arithmetic on whole days since 1970-01-01 (UTC), and the names of months and weekdays.

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 for a calendar date (month 1-12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function civil(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  // Arithmetic for the usual case (it is asked once per date read); Date for the rest (years
  // before 100 mean 1900 onwards to Date.UTC, months out of range roll over).
  if (Number.isInteger(year) && year >= 100 && Number.isInteger(month) && month >= 1 && month <= 12) {
    if (month !== 2) return MONTH_DAYS[month - 1]!;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real date in the years news reports speak of. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return year >= 1000 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function monthRange(year: number, month: number): [number, number] {
  return [dayNumber(year, month, 1), dayNumber(year, month, daysInMonth(year, month))];
}

export function yearRange(first: number, last = first): [number, number] {
  return [dayNumber(first, 1, 1), dayNumber(last, 12, 31)];
}

/** The day an ISO date ("2023-06-19", also the start of a timestamp) names, or null. */
export function parseIsoDay(text: string): number | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? dayNumber(year, month, day) : null;
}

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
]);

/** Short forms, read only when a day or year follows: "Jan. 5", "Sept 2021". */
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0],
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
]);
