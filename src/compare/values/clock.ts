// Times of day, in minutes since midnight: "3 p.m.", "3:30pm", "15:30", "noon", "shortly after 9 a.m.".
import type { Relation } from './found-value.ts';
import { draft, type Match } from './match.ts';
import { usableDigits } from './numbers.ts';
import { isMark, isWord, longestPhrase, phraseTable, type Token } from './tokens.ts';

/**
 * Words before a time: "until" and "since" keep it a relation; "before" and "after" bound it, and
 * "shortly after 3 p.m." means within the half hour after, so it can agree or disagree with "3:10".
 */
type Bound = { relation: Relation } | { side: 'before' | 'after'; near: boolean };
const RELATIONS = phraseTable<Bound>([
  ['until', { relation: 'until' }],
  ['till', { relation: 'until' }],
  ['since', { relation: 'since' }],
  ['before', { side: 'before', near: false }],
  ['prior to', { side: 'before', near: false }],
  ['after', { side: 'after', near: false }],
  ['shortly before', { side: 'before', near: true }],
  ['just before', { side: 'before', near: true }],
  ['shortly after', { side: 'after', near: true }],
  ['just after', { side: 'after', near: true }],
  ['soon after', { side: 'after', near: true }],
]);
/** How far "shortly after" reaches, in minutes. */
const NEAR_MINUTES = 30;
const ROUGHLY = phraseTable<true>([
  ['about', true],
  ['around', true],
  ['approximately', true],
  ['roughly', true],
]);

/**
 * How far a time reaches either side, by the grain it is printed to: "about 3 p.m." may be twenty
 * minutes off (a reporter rounds 3:25 to "about 3:30", not to 3 p.m., so "about 3 p.m." and "about
 * 3:30 p.m." differ), "about 3:10" under ten minutes (so "about 3:10" and "about 3:30" differ). A bare time
 * on a quarter hour is often rounded too ("3:30" for 3:33); one printed to the minute is exact.
 */
function spreadMinutes(minute: number, roughly: boolean): number {
  if (roughly) return minute === 0 ? 20 : 9;
  return minute % 15 === 0 ? 5 : 0;
}

const NAMED = new Map([
  ['noon', 720],
  ['midday', 720],
  ['midnight', 0],
]);

/** Words a time of day can start with, for the scan's quick skip. */
export const CLOCK_STARTS = [...RELATIONS.keys(), ...ROUGHLY.keys(), ...NAMED.keys(), 'by'];

export function matchClock(tokens: readonly Token[], i: number): Match | null {
  let j = i;
  const relation = longestPhrase(tokens, j, RELATIONS);
  if (relation) j = relation.end;
  // "put out by 6:40 a.m.": at that time or earlier, so "by 7 a.m." does not contradict it
  const by = !relation && isWord(tokens, j, 'by');
  if (by) j++;
  const roughly = longestPhrase(tokens, j, ROUGHLY);
  if (roughly) j = roughly.end;
  const elapsed = relation || by || roughly ? null : readGameClock(tokens, j);
  if (elapsed) return elapsed;
  const clock = readClock(tokens, j);
  if (!clock) return null;
  if (by) return { end: clock.end, value: draft({ kind: 'time', low: -Infinity, high: clock.minutes, unit: 'minute', qualifier: 'at most' }) };
  const bound = relation?.value;
  if (bound && 'side' in bound) {
    const reach = bound.near ? NEAR_MINUTES : Infinity;
    const [low, high] = bound.side === 'before' ? [clock.minutes - reach, clock.minutes] : [clock.minutes, clock.minutes + reach];
    return { end: clock.end, value: draft({ kind: 'time', low, high, unit: 'minute', qualifier: bound.near ? null : bound.side === 'before' ? 'at most' : 'at least' }) };
  }
  const spread = clock.named ? (roughly ? 30 : 0) : spreadMinutes(clock.minutes % 60, !!roughly);
  return {
    end: clock.end,
    value: draft({
      kind: 'time',
      low: clock.minutes - spread,
      high: clock.minutes + spread,
      unit: 'minute',
      qualifier: roughly ? 'about' : null,
      relation: bound?.relation ?? null,
    }),
  };
}

/** Parts of a game a clock reading counts into: "2:56 of the sixth round". */
const GAME_PARTS = new Set(['round', 'period', 'quarter', 'half', 'inning', 'set', 'frame', 'overtime']);

/**
 * "at the 2:15 mark", "2:56 of the sixth round": a game clock, minutes and seconds elapsed, no
 * time of day. The length reads as a duration in minutes.
 */
function readGameClock(tokens: readonly Token[], i: number): Match | null {
  const t = tokens[i];
  if (t?.type !== 'num' || !t.plain || t.text.length > 2 || !isMark(tokens, i + 1, ':', true)) return null;
  const seconds = tokens[i + 2];
  if (!seconds || seconds.gap || !/^\d{2}$/.test(seconds.text) || seconds.value > 59 || isMark(tokens, i + 3, ':', true)) return null;
  const mark = isWord(tokens, i + 3, 'mark');
  const into = isWord(tokens, i + 3, 'of', 'into', 'in') && isWord(tokens, i + 4, 'the') && [5, 6].some((k) => isWord(tokens, i + k, ...GAME_PARTS));
  if (!mark && !into) return null;
  const minutes = t.value + seconds.value / 60;
  return { end: i + 3, value: draft({ kind: 'duration', low: minutes, high: minutes, unit: 'minute' }) };
}

/** A time of day at `i`: minutes since midnight and the index after it. */
function readClock(tokens: readonly Token[], i: number): { minutes: number; end: number; named?: boolean } | null {
  const t = tokens[i];
  if (!t) return null;
  const named = t.type === 'word' ? NAMED.get(t.lower) : undefined;
  if (named !== undefined) return { minutes: named, end: i + 1, named: true };
  if (!usableDigits(tokens, i) && !/^0\d$/.test(t.text)) return null;
  // "3.30pm" merged into one decimal token
  const dotted = /^(\d{1,2})\.(\d{2})$/.exec(t.text);
  let hour = dotted ? Number(dotted[1]) : t.plain && t.text.length <= 2 ? t.value : NaN;
  let minute = dotted ? Number(dotted[2]) : 0;
  let end = i + 1;
  let colon = false;
  if (!dotted && isMark(tokens, end, ':', true) && /^\d{2}$/.test(tokens[end + 1]?.text ?? '')) {
    // "3: 10 p. m." (tokenized text puts a space after the colon): a time only with its meridiem
    const spaced = tokens[end + 1]!.gap;
    if (!spaced || readMeridiem(tokens, end + 2)) {
      minute = Number(tokens[end + 1]!.text);
      end += 2;
      colon = !spaced;
    }
  }
  if (!(hour <= 23 && minute <= 59)) return null;
  const meridiem = readMeridiem(tokens, end);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.pm ? 12 : 0);
    return { minutes: hour * 60 + minute, end: meridiem.end };
  }
  if (matchOclock(tokens, end) && !colon && hour >= 1 && hour <= 12) return { minutes: hour * 60, end: end + 3 };
  // "15:30": a 24-hour clock, but never inside a longer run ("10:15:30" is a duration, "3:16:2" a reference)
  if (colon && !dotted && !isMark(tokens, end, ':', true)) return { minutes: hour * 60 + minute, end };
  return null;
}

/** "am", "pm", "a.m.", "p.m", "A.M." after the hour: whether it is afternoon and the index after it. */
function readMeridiem(tokens: readonly Token[], i: number): { pm: boolean; end: number } | null {
  const t = tokens[i];
  if (t?.type !== 'word') return null;
  if (t.lower === 'am' || t.lower === 'pm') return { pm: t.lower === 'pm', end: i + 1 };
  if ((t.lower === 'a' || t.lower === 'p') && isMark(tokens, i + 1, '.', true) && isWord(tokens, i + 2, 'm')) {
    const closed = isMark(tokens, i + 3, '.', true);
    // "p. m." as tokenized text spaces it; spaced, only with its closing point
    if (tokens[i + 2]!.gap && !closed) return null;
    return { pm: t.lower === 'p', end: closed ? i + 4 : i + 3 };
  }
  return null;
}

function matchOclock(tokens: readonly Token[], i: number): boolean {
  return isWord(tokens, i, 'o') && isMark(tokens, i + 1, "'’", true) && isWord(tokens, i + 2, 'clock');
}
