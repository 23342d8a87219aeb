// Shape features of one line: what the chrome classifier weighs against the vocabulary cues.
import type { Line } from '../text/lines.ts';
import { turnLabel, type TurnLabel } from './transcript.ts';
import { trimEndChars } from '../text/trim.ts';
import { TITLE_MINOR_WORDS } from '../text/stopwords.ts';
import { classOf, LETTER, LOWER, NUMBER, SPACE, unitsOf, UPPER } from '../text/chars.ts';

/** A line with at least this many words that ends like a sentence reads as prose. */
export const MIN_PROSE_WORDS = 6;
/** Headlines and titles are rarely longer than this. */
export const MAX_HEADLINE_WORDS = 22;

/** The longest of them: a longer word is looked up in no set. */
const MINOR_LETTERS = Math.max(...[...TITLE_MINOR_WORDS].map((w) => w.length));

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

/**
 * One pass over the line: its words are the matches of /[\p{L}\p{N}][\p{L}\p{N}'’.\-]*\/gu, each
 * classed by its first character (an upper-case letter or a digit, a lower-case letter, or
 * neither) and checked against the minor words (which are ASCII). Also says whether the line's
 * white space is single spaces already, so its repeat key needs no collapsing.
 */
function scanWords(text: string): { words: number; major: number; capitals: number; lowerWords: number; singleSpaced: boolean } {
  const n = text.length;
  let words = 0;
  let major = 0;
  let capitals = 0;
  let lowerWords = 0;
  let singleSpaced = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cp = c < 128 ? c : text.codePointAt(i)!;
    const classes = classOf(cp);
    if (!(classes & (LETTER | NUMBER))) {
      if (classes & SPACE && (c !== 32 || text.charCodeAt(i + 1) === 32)) singleSpaced = false;
      i += unitsOf(cp);
      continue;
    }
    words++;
    const capital = (classes & (UPPER | NUMBER)) !== 0;
    if (!capital && classes & LOWER) lowerWords++;
    // Whether the word can still be a minor word: short, and ASCII letters only.
    let maybeMinor = (classes & LETTER) !== 0 && c < 128;
    let j = i + unitsOf(cp);
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 128) {
        const inner = classOf(d);
        if (inner & NUMBER || d === 39 || d === 46 || d === 45) maybeMinor = false;
        else if (!(inner & LETTER)) break;
        j++;
        continue;
      }
      const inner = d === 0x2019 ? LETTER : classOf(text.codePointAt(j)!);
      if (!(inner & (LETTER | NUMBER))) break;
      maybeMinor = false;
      j += d === 0x2019 ? 1 : unitsOf(text.codePointAt(j)!);
    }
    if (!(maybeMinor && j - i <= MINOR_LETTERS && TITLE_MINOR_WORDS.has(text.slice(i, j).toLowerCase()))) {
      major++;
      if (capital) capitals++;
    }
    i = j;
  }
  return { words, major, capitals, lowerWords, singleSpaced };
}

export function lineFeatures(line: Line): LineFeatures {
  const text = line.text;
  const { words: wordCount, major, capitals, lowerWords, singleSpaced } = scanWords(text);
  const capitalShare = major ? capitals / major : 0;
  const endsSentence = endsLikeSentence(text);
  const prose = endsSentence && wordCount >= MIN_PROSE_WORDS && lowerWords / Math.max(1, wordCount) >= 0.35;
  const headline = wordCount >= 1 && wordCount <= MAX_HEADLINE_WORDS && !/[.,;:]$/.test(trimEndChars(text, `"'”’)]`)) && /^["'“‘(]?[\p{Lu}\p{N}]/u.test(text);
  return {
    words: wordCount,
    endsSentence,
    prose,
    capitalShare,
    headline,
    turn: turnLabel(text),
    key: singleSpaced && !isSpaceAt(text, 0) && !isSpaceAt(text, text.length - 1) ? text.toLowerCase() : text.toLowerCase().replace(/\s+/g, ' ').trim(),
  };
}

function isSpaceAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && (classOf(text.charCodeAt(i)) & SPACE) !== 0;
}

const CLOSERS = `"'”’)]`;
const SENTENCE_ENDS = '.!?…';

/** Ends with . ! ? or …, then any closing quotes and brackets: /[.!?…](?:["'”’)\]]+)?$/u, read from the end. */
function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i]!)) i--;
  return i >= 0 && SENTENCE_ENDS.includes(text[i]!);
}
