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

/**
 * A text longer than this is read in pieces of about this many characters, each cut just before
 * a line break, preferably a blank line: the scan holds an object per word and mark, and a 20 MB
 * report read whole held about 700 MB of them at once (and after it, the per-sentence scans'
 * tokens reached the old generation too). What a cut loses is a value printed across it, or a
 * matcher's look past it: at a blank line, next to nothing. A text no longer than this (every
 * ordinary article) is read in one piece, as before.
 */
export const DATE_PIECE_CHARS = 1 << 16;

function dateReadings(text: string): DateReading[] {
  const out: DateReading[] = [];
  for (const piece of pieces(text, DATE_PIECE_CHARS)) {
    for (const r of readValues(piece).readings) if (r.value.reading) out.push(r.value.reading);
  }
  return out;
}

/**
 * `text` cut into pieces of at most about `size` characters. Each cut falls before a line break
 * (a blank line when the piece's second half has one, else any line break, else any whitespace),
 * and the break starts the next piece, so its first word is still read as starting a line.
 */
export function* pieces(text: string, size: number): Generator<string> {
  let start = 0;
  while (text.length - start > size) {
    const limit = start + size;
    const half = start + (size >> 1);
    let cut = text.lastIndexOf('\n\n', limit);
    if (cut <= half) cut = text.lastIndexOf('\n', limit);
    if (cut <= half) cut = lastSpaceBefore(text, limit, half);
    if (cut <= half) cut = limit - (/[\uDC00-\uDFFF]/.test(text[limit]!) ? 1 : 0);
    yield text.slice(start, cut);
    start = cut;
  }
  yield start === 0 ? text : text.slice(start);
}

function lastSpaceBefore(text: string, limit: number, floor: number): number {
  for (let k = limit; k > floor; k--) if (/\s/.test(text[k]!)) return k;
  return -1;
}

function latestFullDate(readings: DateReading[]): number | null {
  // Each day once, in the order first printed (the nearest wins ties, as the first printed did):
  // a long report prints the same few dates thousands of times.
  const anchors = [...new Set(readings.flatMap((r) => r.resolve(null, false) ?? []))];
  const days = readings.filter((r) => r.full).map((r) => r.resolve(null, false)![0]);
  const nearest = new Map<string, number | null>();
  for (const r of readings) {
    if (r.full || !r.monthDay || r.weekday === null) continue;
    const key = `${r.monthDay.month} ${r.monthDay.day} ${r.weekday}`;
    if (!nearest.has(key)) nearest.set(key, nearestWeekdayDate(r.monthDay.month, r.monthDay.day, r.weekday, anchors));
    const day = nearest.get(key)!;
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
