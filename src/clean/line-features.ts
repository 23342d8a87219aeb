// Shape features of one line: what the chrome classifier weighs against the vocabulary cues.
import type { Line } from '../text/lines.ts';
import { turnLabel, type TurnLabel } from './transcript.ts';
import { trimEndChars } from '../text/trim.ts';

/** A line with at least this many words that ends like a sentence reads as prose. */
export const MIN_PROSE_WORDS = 6;
/** Headlines and titles are rarely longer than this. */
export const MAX_HEADLINE_WORDS = 22;

/** Words that stay lower-case in a title-cased headline. */
const MINOR_WORDS = new Set(
  'a an and as at but by for from in into is of on or over per the to up via vs with amid after than that'.split(' '),
);

export interface LineFeatures {
  words: number;
  /** Ends with . ! ? … (possibly followed by closing quotes or brackets). */
  endsSentence: boolean;
  /** Ends like a sentence, long enough, and mostly lower-case words: running prose. */
  prose: boolean;
  /** Share of major words that start with a capital letter. */
  capitalShare: number;
  /** Short, not ending like a clause, starting with a capital: a headline, title or label. */
  headline: boolean;
  turn: TurnLabel | null;
  /** Whitespace- and case-normalised text, for spotting repeats. */
  key: string;
}

const enum Initial {
  CapitalOrDigit,
  Lower,
  Other,
}

/** How a word starts: an upper-case letter or a digit, a lower-case letter, or neither (ASCII decided without a regex). */
function initialOf(word: string): Initial {
  const c = word.charCodeAt(0);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? Initial.CapitalOrDigit : c >= 0x61 && c <= 0x7a ? Initial.Lower : Initial.Other;
  return /^[\p{Lu}\p{N}]/u.test(word) ? Initial.CapitalOrDigit : /^\p{Ll}/u.test(word) ? Initial.Lower : Initial.Other;
}

export function lineFeatures(line: Line): LineFeatures {
  const text = line.text;
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-]*/gu) ?? [];
  let major = 0;
  let capitals = 0;
  let lowerWords = 0;
  for (const w of words) {
    const initial = initialOf(w);
    if (initial === Initial.Lower) lowerWords++;
    if (MINOR_WORDS.has(w.toLowerCase())) continue;
    major++;
    if (initial === Initial.CapitalOrDigit) capitals++;
  }
  const capitalShare = major ? capitals / major : 0;
  const endsSentence = /[.!?…](?:["'”’)\]]+)?$/u.test(text) || /[.!?…]["'”’]$/u.test(text);
  const prose = endsSentence && words.length >= MIN_PROSE_WORDS && lowerWords / Math.max(1, words.length) >= 0.35;
  const headline =
    words.length >= 1 &&
    words.length <= MAX_HEADLINE_WORDS &&
    !/[.,;:]$/.test(trimEndChars(text, `"'”’)]`)) &&
    /^["'“‘(]?[\p{Lu}\p{N}]/u.test(text);
  return {
    words: words.length,
    endsSentence,
    prose,
    capitalShare,
    headline,
    turn: turnLabel(text),
    key: text.toLowerCase().replace(/\s+/g, ' ').trim(),
  };
}
