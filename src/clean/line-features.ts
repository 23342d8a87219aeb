// Shape features of one line: what the chrome classifier weighs against the vocabulary cues.
import type { Line } from '../text/lines.ts';
import { turnLabel, type TurnLabel } from './transcript.ts';
import { trimEndChars } from '../text/trim.ts';
import { classOf, LETTER, LOWER, NUMBER, SPACE, unitsOf, UPPER } from '../text/chars.ts';

/** A line with at least this many words that ends like a sentence reads as prose. */
export const MIN_PROSE_WORDS = 6;
/** Headlines and titles are rarely longer than this. */
export const MAX_HEADLINE_WORDS = 22;

/** Words that stay lower-case in a title-cased headline. */
const MINOR_WORDS = 'a an and as at but by for from in into is of on or over per the to up via vs with amid after than that'.split(' ');
const MINOR_LETTERS = Math.max(...MINOR_WORDS.map((w) => w.length));

/** A word of up to MINOR_LETTERS ASCII letters as a number (5 bits a letter, case folded): no string to build or look up. */
function letterCode(code: number, c: number): number {
  return code * 32 + ((c | 0x20) - 96);
}
/** The minor words' codes in an open-addressing table (codes are never 0, the empty slot): a look-up is a multiply and a load or two, not a Set's hashing. */
const MINOR_TABLE_BITS = 7;
const MINOR_TABLE = new Int32Array(1 << MINOR_TABLE_BITS);
for (const word of MINOR_WORDS) {
  const code = [...word].reduce((c, ch) => letterCode(c, ch.charCodeAt(0)), 0);
  let slot = minorSlot(code);
  while (MINOR_TABLE[slot] !== 0) slot = (slot + 1) & (MINOR_TABLE.length - 1);
  MINOR_TABLE[slot] = code;
}

function minorSlot(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> (32 - MINOR_TABLE_BITS);
}

function isMinorCode(code: number): boolean {
  for (let slot = minorSlot(code); ; slot = (slot + 1) & (MINOR_TABLE.length - 1)) {
    const kept = MINOR_TABLE[slot]!;
    if (kept === code) return true;
    if (kept === 0) return false;
  }
}

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
 * neither) and checked against the minor words (which are ASCII, and no other character lowers
 * to ASCII letters but the Kelvin sign, which no minor word has). Also says whether the line's
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
    // The word's letters as a number while it can still be a minor word (ASCII letters, short).
    let code = classes & LETTER && c < 128 ? letterCode(0, c) : -1;
    let letters = 1;
    let j = i + unitsOf(cp);
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 128) {
        const inner = classOf(d);
        if (inner & LETTER) code = code >= 0 && ++letters <= MINOR_LETTERS ? letterCode(code, d) : -1;
        else if (inner & NUMBER || d === 39 || d === 46 || d === 45) code = -1;
        else break;
        j++;
        continue;
      }
      const inner = d === 0x2019 ? LETTER : classOf(text.codePointAt(j)!);
      if (!(inner & (LETTER | NUMBER))) break;
      code = -1;
      j += d === 0x2019 ? 1 : unitsOf(text.codePointAt(j)!);
    }
    if (code < 0 || !isMinorCode(code)) {
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
  const headline =
    wordCount >= 1 &&
    wordCount <= MAX_HEADLINE_WORDS &&
    !/[.,;:]$/.test(trimEndChars(text, `"'”’)]`)) &&
    /^["'“‘(]?[\p{Lu}\p{N}]/u.test(text);
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
