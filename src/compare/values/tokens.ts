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

/** Letters, digit runs, whitespace, the punctuation values use, and any other symbols as one run. */
const PIECE = /([\p{L}\p{M}]+)|([0-9]+)|(\s+)|[$€£¥₹₩₽%\-–—:,.'’()+/#@!?;"“”]|[^\p{L}\p{M}0-9\s$€£¥₹₩₽%\-–—:,.'’()+/#@!?;"“”]+/gu;

/** Longer digit runs are identifiers or noise, never a count a reporter wrote. */
const MAX_DIGITS = 15;

/** Tokens of `text`; URLs and e-mail addresses become one opaque token so their digits are never read. */
export function tokenize(text: string): Token[] {
  const masked = maskedRanges(text);
  const tokens: Token[] = [];
  let gap = false;
  let newline = false;
  let m = 0;
  PIECE.lastIndex = 0;
  for (let match = PIECE.exec(text); match; match = PIECE.exec(text)) {
    const start = match.index;
    const piece = match[0];
    const mask = masked[m];
    if (mask && start >= mask.start) {
      // The whole masked stretch stands as one punctuation token: nothing joins across it.
      tokens.push(token(text, mask.start, mask.end, 'punct', true, newline));
      PIECE.lastIndex = mask.end;
      m++;
      gap = true;
      newline = false;
      continue;
    }
    if (match[3] !== undefined) {
      gap = true;
      if (piece.includes('\n')) newline = true;
      continue;
    }
    const type: TokenType = match[2] !== undefined ? 'num' : match[1] !== undefined ? 'word' : 'punct';
    tokens.push(token(text, start, start + piece.length, type, gap, newline));
    gap = false;
    newline = false;
  }
  return mergeNumbers(text, tokens);
}

function token(text: string, start: number, end: number, type: TokenType, gap: boolean, newline: boolean): Token {
  const t = text.slice(start, end);
  return { start, end, text: t, lower: t.toLowerCase(), type, gap, newline, value: NaN, plain: false };
}

/** Join "1" "," "200" into 1,200 and "1" "." "5" into 1.5; a dotted chain ("1.2.3") is no number. */
function mergeNumbers(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
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
    const merged = j === i ? first : token(text, first.start, last.end, 'num', first.gap, first.newline);
    const digits = merged.text.replace(/[,.]/g, '');
    merged.plain = !grouped && !decimal;
    merged.value = dotted || digits.length > MAX_DIGITS ? NaN : Number(merged.text.replace(/,/g, ''));
    out.push(merged);
    i = j;
  }
  return out;
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
