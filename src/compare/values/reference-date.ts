// The document's own date: the publication date when it parses, else the latest full date
// printed in the text (a weekday beside a day and month fixes the year near the other dates).
import { isoDay, parseIsoDay } from './calendar.ts';
import { resolveMonthDay } from './date-resolve.ts';
import type { DateReading } from './match.ts';
import { readValues } from './scan.ts';

export function inferReferenceDate(original: string, published: string | null): string | null {
  const fromPublished = typeof published === 'string' ? parsePublished(published) : null;
  if (fromPublished !== null) return isoDay(fromPublished);
  if (typeof original !== 'string') return null;
  const latest = latestFullDate(dateReadings(original));
  return latest === null ? null : isoDay(latest);
}

/** "2023-06-19T08:00:00Z" (the date as printed, not shifted to UTC), "June 19, 2023", "Mon, 19 Jun 2023 08:00:00 GMT". */
function parsePublished(published: string): number | null {
  const iso = parseIsoDay(published);
  if (iso !== null) return iso;
  const printed = dateReadings(published).find((r) => r.full);
  return printed ? printed.resolve(null, false)![0] : null;
}

function dateReadings(text: string): DateReading[] {
  return readValues(text).readings.flatMap((r) => (r.value.reading ? [r.value.reading] : []));
}

function latestFullDate(readings: DateReading[]): number | null {
  const anchors = readings.flatMap((r) => r.resolve(null, false) ?? []);
  const days = readings.filter((r) => r.full).map((r) => r.resolve(null, false)![0]);
  for (const r of readings) {
    if (r.full || !r.monthDay || r.weekday === null) continue;
    const day = nearestWeekdayDate(r.monthDay.month, r.monthDay.day, r.weekday, anchors);
    if (day !== null) days.push(day);
  }
  return days.reduce<number | null>((latest, day) => (latest === null || day > latest ? day : latest), null);
}

/** The day and month falling on `weekday` in the year nearest any of the other dates printed. */
function nearestWeekdayDate(month: number, day: number, weekday: number, anchors: number[]): number | null {
  let best: number | null = null;
  let distance = Infinity;
  for (const anchor of anchors) {
    const range = resolveMonthDay(month, day, weekday)(anchor, false);
    if (range && Math.abs(range[0] - anchor) < distance) {
      best = range[0];
      distance = Math.abs(range[0] - anchor);
    }
  }
  return best;
}
