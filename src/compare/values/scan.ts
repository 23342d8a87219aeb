// The scan: at each token the matchers try in turn; the longest reading wins (the earlier
// matcher on a tie), so values never overlap and a code like "G20" hides its digits.
import { matchBlocked } from './blockers.ts';
import { CLOCK_STARTS, matchClock } from './clock.ts';
import { DATE_STARTS, matchDate } from './dates.ts';
import type { Match, Matcher, ValueDraft } from './match.ts';
import { NUMBER_STARTS } from './numbers.ts';
import { matchOrdinal, ORDINAL_STARTS } from './ordinals.ts';
import { QUALIFIER_STARTS } from './qualifiers.ts';
import { matchRecord } from './records.ts';
import { matchTemperature, TEMPERATURE_STARTS } from './temperatures.ts';
import { matchQuantity } from './quantities.ts';
import { isMark, tokenize, type Token } from './tokens.ts';
import { UNIT_STARTS } from './units.ts';

/** Dates first: "June 19" is a date before it is a number; a record before the score blocker; blockers last: they only hide. */
const MATCHERS: Matcher[] = [matchDate, matchClock, matchRecord, matchTemperature, matchQuantity, matchOrdinal, matchBlocked];

/** Every word some matcher can start at; the punctuation a phone number or a code starts with. */
const STARTS = new Set<string>([...DATE_STARTS, ...CLOCK_STARTS, ...NUMBER_STARTS, ...QUALIFIER_STARTS, ...UNIT_STARTS, ...TEMPERATURE_STARTS, ...ORDINAL_STARTS, 'no', '#', '(', '+']);

/** A value read at tokens [first, end). */
export interface Reading {
  first: number;
  end: number;
  value: ValueDraft;
}

export function readValues(text: string): { tokens: Token[]; readings: Reading[] } {
  const tokens = tokenize(text);
  const readings: Reading[] = [];
  for (let i = 0; i < tokens.length; ) {
    const best = mayStart(tokens, i) ? longest(tokens, i) : null;
    if (!best) {
      i++;
      continue;
    }
    if (best.value) readings.push({ first: i, end: best.end, value: best.value });
    i = best.end;
  }
  return { tokens, readings };
}

function longest(tokens: readonly Token[], i: number): Match | null {
  let best: Match | null = null;
  for (const matcher of MATCHERS) {
    const match = matcher(tokens, i);
    if (match && match.end > i && (!best || match.end > best.end)) best = match;
  }
  return best;
}

/** Most words start nothing; only these are worth the matchers' time. */
function mayStart(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.type === 'num' || STARTS.has(t.lower)) return true;
  // a name or code before digits: "Route 66", "G20", "F-16", "USD 5", "Group of 20"
  const next = tokens[i + 1];
  if (t.type !== 'word' || !next) return false;
  return next.type === 'num' || ((isMark(tokens, i + 1, '-–', true) || next.lower === 'of') && tokens[i + 2]?.type === 'num');
}
