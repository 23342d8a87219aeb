// Times of day, in minutes since midnight: "3 p.m.", "3:30pm", "15:30", "noon", "shortly after 9 a.m.".
import type { Relation } from './found-value.ts';
import { draft, type Match } from './match.ts';
import { usableDigits } from './numbers.ts';
import { isMark, isWord, longestPhrase, phraseTable, type Token } from './tokens.ts';

const RELATIONS = phraseTable<Relation>([
  ['before', 'before'], ['after', 'after'], ['until', 'until'], ['till', 'until'], ['since', 'since'],
  ['shortly before', 'before'], ['shortly after', 'after'], ['just before', 'before'], ['just after', 'after'],
  ['soon after', 'after'], ['prior to', 'before'],
]);
const ROUGHLY = phraseTable<true>([['about', true], ['around', true], ['approximately', true], ['roughly', true]]);

/** How far "about 3 p.m." reaches either side, in minutes. */
const ABOUT_MINUTES = 30;

const NAMED = new Map([['noon', 720], ['midday', 720], ['midnight', 0]]);

/** Words a time of day can start with, for the scan's quick skip. */
export const CLOCK_STARTS = [...RELATIONS.keys(), ...ROUGHLY.keys(), ...NAMED.keys()];

export function matchClock(tokens: readonly Token[], i: number): Match | null {
  let j = i;
  const relation = longestPhrase(tokens, j, RELATIONS);
  if (relation) j = relation.end;
  const roughly = longestPhrase(tokens, j, ROUGHLY);
  if (roughly) j = roughly.end;
  const clock = readClock(tokens, j);
  if (!clock) return null;
  const spread = roughly ? ABOUT_MINUTES : 0;
  return {
    end: clock.end,
    value: draft({
      kind: 'time',
      low: clock.minutes - spread,
      high: clock.minutes + spread,
      unit: 'minute',
      qualifier: roughly ? 'about' : null,
      relation: relation?.value ?? null,
    }),
  };
}

/** A time of day at `i`: minutes since midnight and the index after it. */
function readClock(tokens: readonly Token[], i: number): { minutes: number; end: number } | null {
  const t = tokens[i];
  if (!t) return null;
  const named = t.type === 'word' ? NAMED.get(t.lower) : undefined;
  if (named !== undefined) return { minutes: named, end: i + 1 };
  if (!usableDigits(tokens, i) && !/^0\d$/.test(t.text)) return null;
  // "3.30pm" merged into one decimal token
  const dotted = /^(\d{1,2})\.(\d{2})$/.exec(t.text);
  let hour = dotted ? Number(dotted[1]) : t.plain && t.text.length <= 2 ? t.value : NaN;
  let minute = dotted ? Number(dotted[2]) : 0;
  let end = i + 1;
  let colon = false;
  if (!dotted && isMark(tokens, end, ':', true) && /^\d{2}$/.test(tokens[end + 1]?.text ?? '') && !tokens[end + 1]!.gap) {
    minute = Number(tokens[end + 1]!.text);
    end += 2;
    colon = true;
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
  if (!t || t.type !== 'word') return null;
  if (t.lower === 'am' || t.lower === 'pm') return { pm: t.lower === 'pm', end: i + 1 };
  if ((t.lower === 'a' || t.lower === 'p') && isMark(tokens, i + 1, '.', true) && isWord(tokens, i + 2, 'm') && !tokens[i + 2]!.gap) {
    const end = isMark(tokens, i + 3, '.', true) ? i + 4 : i + 3;
    return { pm: t.lower === 'p', end };
  }
  return null;
}

function matchOclock(tokens: readonly Token[], i: number): boolean {
  return isWord(tokens, i, 'o') && isMark(tokens, i + 1, "'’", true) && isWord(tokens, i + 2, 'clock');
}
