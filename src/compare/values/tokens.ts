// Tokens for the value matchers: words, numbers and punctuation with their offsets. Every
// pattern here is a single character class run, so the scan stays linear on any input.

export type TokenType = 'word' | 'num' | 'punct';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  type: TokenType;
  /** Whitespace (or a masked URL) stands between this token and the one before. */
  gap: boolean;
  /** A line break stands before it: a heading or paragraph boundary. */
  newline: boolean;
  /** Numbers: the value as printed ("1,200" → 1200); NaN when it is no usable number. */
  value: number;
  /** Numbers: digits only, no grouping comma or decimal point ("2021", not "2,021"). */
  plain: boolean;
}

/** The punctuation values use, each its own token; any other symbols stand as one run. */
const MARKS = new Set('$€£¥₹₩₽%-–—:,.\'’()+/#@!?;"“”');
/** Letters beyond ASCII, read with a sticky pattern from a position (surrogate pairs included). */
const LETTERS = /[\p{L}\p{M}]+/uy;
const SPACE = /\s/;

/** Longer digit runs are identifiers or noise, never a count a reporter wrote. */
const MAX_DIGITS = 15;

type CharClass = 'space' | 'digit' | 'letter' | 'mark' | 'other';

/** What the character at `k` is; ASCII by code, the rest by pattern. */
function classAt(text: string, k: number): CharClass {
  const c = text.charCodeAt(k);
  if (c >= 48 && c <= 57) return 'digit';
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 'letter';
  if (c === 32 || (c >= 9 && c <= 13)) return 'space';
  if (c < 128) return MARKS.has(text[k]!) ? 'mark' : 'other';
  if (MARKS.has(text[k]!)) return 'mark';
  if (SPACE.test(text[k]!)) return 'space';
  LETTERS.lastIndex = k;
  return LETTERS.test(text) ? 'letter' : 'other';
}

/** The end of the run of letters starting at `k`. */
function letterRunEnd(text: string, k: number): number {
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) k++;
    else if (c < 128) break;
    else {
      LETTERS.lastIndex = k;
      if (!LETTERS.test(text)) break;
      k = LETTERS.lastIndex;
    }
  }
  return k;
}

/** Tokens of `text`; URLs and e-mail addresses become one opaque token so their digits are never read. */
export function tokenize(text: string): Token[] {
  const masked = maskedRanges(text);
  const tokens: Token[] = [];
  let gap = false;
  let newline = false;
  let m = 0;
  for (let k = 0; k < text.length; ) {
    const mask = masked[m];
    if (mask && k >= mask.start) {
      // The whole masked stretch stands as one punctuation token: nothing joins across it.
      tokens.push(token(text.slice(mask.start, mask.end), mask.start, 'punct', true, newline));
      k = mask.end;
      m++;
      gap = true;
      newline = false;
      continue;
    }
    const kind = classAt(text, k);
    if (kind === 'space') {
      gap = true;
      if (text.charCodeAt(k) === 10) newline = true;
      k++;
      continue;
    }
    let end = k + 1;
    if (kind === 'letter') end = letterRunEnd(text, k);
    else if (kind === 'digit') while (end < text.length && classAt(text, end) === 'digit') end++;
    else if (kind === 'other') while (end < text.length && classAt(text, end) === 'other') end++;
    const piece = text.slice(k, end);
    tokens.push(token(piece, k, kind === 'letter' ? 'word' : kind === 'digit' ? 'num' : 'punct', gap, newline));
    gap = false;
    newline = false;
    k = end;
  }
  return mergeNumbers(text, tokens);
}

function token(piece: string, start: number, type: TokenType, gap: boolean, newline: boolean): Token {
  const lower = type === 'word' ? piece.toLowerCase() : piece;
  return { start, end: start + piece.length, text: piece, lower, type, gap, newline, value: NaN, plain: false };
}

/**
 * Join "1" "," "200" into 1,200, "1" "." "5" into 1.5 and "." "5" into .5 (a decimal without its
 * leading zero, as in ".5 hours"); a dotted chain ("1.2.3") is no number.
 */
function mergeNumbers(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (leadingPoint(tokens, i)) {
      let j = i + 1;
      let dotted = false;
      while (joined(tokens, j + 1, '.')) {
        j += 2;
        dotted = true;
      }
      const merged = token(text.slice(first.start, tokens[j]!.end), first.start, 'num', first.gap, first.newline);
      merged.value = dotted || merged.text.length - 1 > MAX_DIGITS ? NaN : Number(merged.text);
      out.push(merged);
      i = j;
      continue;
    }
    if (first.type !== 'num') {
      out.push(first);
      continue;
    }
    let j = i;
    let grouped = false;
    if (first.text.length <= 3) {
      while (joined(tokens, j + 1, ',') && tokens[j + 2]!.text.length === 3) {
        j += 2;
        grouped = true;
      }
    }
    let decimal = false;
    let dotted = false;
    if (joined(tokens, j + 1, '.')) {
      j += 2;
      decimal = true;
      while (joined(tokens, j + 1, '.')) {
        j += 2;
        dotted = true;
      }
    }
    const last = tokens[j]!;
    const merged = j === i ? first : token(text.slice(first.start, last.end), first.start, 'num', first.gap, first.newline);
    const digits = merged.text.replace(/[,.]/g, '');
    merged.plain = !grouped && !decimal;
    merged.value = dotted || digits.length > MAX_DIGITS ? NaN : Number(merged.text.replace(/,/g, ''));
    out.push(merged);
    i = j;
  }
  return out;
}

/**
 * tokens[at] is a point that opens a number (".5"): digits glued after it, and before it a space,
 * the start of the text or a mark such as "(" or "$", but not a word, digits or another point
 * ("said.5", "2.5", "...5").
 */
function leadingPoint(tokens: Token[], at: number): boolean {
  const point = tokens[at]!;
  const next = tokens[at + 1];
  if (point.text !== '.' || !next || next.type !== 'num' || next.gap) return false;
  const before = tokens[at - 1];
  return point.gap || !before || (before.type === 'punct' && before.text !== '.');
}

/** tokens[at] is `mark` glued to a digit run on both sides. */
function joined(tokens: Token[], at: number, mark: string): boolean {
  const sep = tokens[at];
  const next = tokens[at + 1];
  return !!sep && !!next && sep.text === mark && !sep.gap && next.type === 'num' && !next.gap;
}

/** URLs, bare domains with a path, and e-mail addresses: runs of non-space text to leave unread. */
function maskedRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const CHUNK = /\S+/g;
  for (let match = CHUNK.exec(text); match; match = CHUNK.exec(text)) {
    const chunk = match[0];
    if (chunk.includes('://') || /^\W*www\./i.test(chunk) || chunk.includes('@') || /\.[a-z]{2,6}\//i.test(chunk)) {
      ranges.push({ start: match.index, end: match.index + chunk.length });
    }
  }
  return ranges;
}

// ---- small readers shared by the matchers ----

/** The token at `i` is a word among `words` (lowercase). */
export function isWord(tokens: readonly Token[], i: number, ...words: string[]): boolean {
  const t = tokens[i];
  return !!t && t.type === 'word' && words.includes(t.lower);
}

/** The token at `i` is the punctuation `mark`, glued to the token before when `glued`. */
export function isMark(tokens: readonly Token[], i: number, marks: string, glued = false): boolean {
  const t = tokens[i];
  return !!t && t.type === 'punct' && t.text.length === 1 && marks.includes(t.text) && (!glued || !t.gap);
}

/** Index after the phrase (lowercase words and marks) matched at `i`, or -1. */
export function matchPhrase(tokens: readonly Token[], i: number, phrase: readonly string[]): number {
  for (let k = 0; k < phrase.length; k++) {
    if (tokens[i + k]?.lower !== phrase[k]) return -1;
  }
  return i + phrase.length;
}

/** The longest of `phrases` matched at `i`: its value and the index after it. */
export function longestPhrase<T>(tokens: readonly Token[], i: number, phrases: PhraseTable<T>): { value: T; end: number } | null {
  const t = tokens[i];
  if (!t) return null;
  for (const [phrase, value] of phrases.get(t.lower) ?? []) {
    const end = matchPhrase(tokens, i, phrase);
    if (end >= 0) return { value, end };
  }
  return null;
}

/** Phrases indexed by their first word, longest first, so lookup costs a handful of comparisons. */
export type PhraseTable<T> = Map<string, [string[], T][]>;

export function phraseTable<T>(entries: Iterable<[string, T]>): PhraseTable<T> {
  const table: PhraseTable<T> = new Map();
  for (const [text, value] of entries) {
    const phrase = splitPhrase(text);
    const list = table.get(phrase[0]!) ?? [];
    list.push([phrase, value]);
    table.set(phrase[0]!, list);
  }
  for (const list of table.values()) list.sort((a, b) => b[0].length - a[0].length);
  return table;
}

/** "in excess of" → ["in", "excess", "of"]; "p.m." → ["p", ".", "m", "."], as the tokenizer splits. */
function splitPhrase(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}]+|[0-9]+|[^\s\p{L}\p{M}0-9]/gu) ?? [];
}

/** A word starting with a capital letter. */
export function isCapitalized(t: Token | undefined): boolean {
  return !!t && t.type === 'word' && t.text[0] !== t.lower[0];
}
