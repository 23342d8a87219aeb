// Shape features of one line: what the chrome classifier weighs against the vocabulary cues.
import type { Line } from '../text/lines.ts';
import { turnLabel, type TurnLabel } from './transcript.ts';

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

export function lineFeatures(line: Line): LineFeatures {
  const text = line.text;
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-]*/gu) ?? [];
  const major = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  const capitals = major.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  const capitalShare = major.length ? capitals / major.length : 0;
  const endsSentence = /[.!?…](?:["'”’)\]]+)?$/u.test(text) || /[.!?…]["'”’]$/u.test(text);
  const lowerWords = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  const prose = endsSentence && words.length >= MIN_PROSE_WORDS && lowerWords / Math.max(1, words.length) >= 0.35;
  const headline =
    words.length >= 1 &&
    words.length <= MAX_HEADLINE_WORDS &&
    !/[.,;:]$/.test(text.replace(/["'”’)\]]+$/, '')) &&
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
