// Word-level difference between two wordings of one thing (two printings of a quote): which words
// one outlet has that the other has not. Words match when they agree after folding case,
// quotation marks and punctuation, so "issues." and "issues," are the same word.
import type { z } from 'zod';
import type { WordDiffSchema } from '../schema.ts';
import { trimChars } from '../text/trim.ts';

export type WordDiff = z.infer<typeof WordDiffSchema>;

/**
 * Above this many cells (words of a × words of b, after trimming the common ends) the middle is
 * not aligned word by word in one piece: it is cut at words that occur once in each (patience
 * diff), and a piece that still has none is shown as removed and added wholesale. Two transcript
 * turns of thousands of words are not worth seconds of alignment.
 */
const MAX_DIFF_CELLS = 9_000_000;

interface Token {
  /** The word as printed with the whitespace before it. */
  text: string;
  key: number;
  /** Length of the leading whitespace. */
  space: number;
}

/**
 * The difference from `a` to `b`, adjacent operations merged. The texts of 'same' and 'added'
 * joined are exactly `b`; 'same' and 'removed' joined read as `a` (with b's punctuation and case
 * on the words they share). Each word carries the whitespace before it, so a removed or added
 * word brings its own space.
 */
export function wordDiff(a: string, b: string): WordDiff[] {
  const keys = new Map<string, number>();
  const ta = tokens(a, keys);
  const tb = tokens(b, keys);
  // The common ends cost nothing to align; only the middle needs the quadratic search.
  let head = 0;
  while (head < ta.length && head < tb.length && ta[head]!.key === tb[head]!.key) head++;
  let tail = 0;
  while (tail < ta.length - head && tail < tb.length - head && ta[ta.length - 1 - tail]!.key === tb[tb.length - 1 - tail]!.key) tail++;
  const matches: [number, number][] = [];
  for (let k = 0; k < head; k++) matches.push([k, k]);
  const ak = ta.slice(head, ta.length - tail).map((t) => t.key);
  const bk = tb.slice(head, tb.length - tail).map((t) => t.key);
  for (const [i, j] of anchoredSubsequence(ak, bk)) matches.push([head + i, head + j]);
  for (let k = tail; k > 0; k--) matches.push([ta.length - k, tb.length - k]);
  return operations(ta, tb, matches);
}

/** Case, quotation marks and punctuation folded: what makes two printings of a word the same word. */
export function foldWord(word: string): string {
  const folded = word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, '');
  // Apostrophes off both ends (/^'+|'+$/ would rescan a long run of them from every start).
  return trimChars(folded, "'") || word.trim();
}

function tokens(text: string, keys: Map<string, number>): Token[] {
  const out: Token[] = [];
  // Words with the space before them; the space at the very end apart (/\s*\S+/ would retry
  // every position of a long run of trailing spaces, and /\s+$/ every position of any run).
  const body = text.trimEnd();
  for (const m of body.matchAll(/\s*\S+/g)) {
    const word = m[0].trimStart();
    const folded = foldWord(word);
    let key = keys.get(folded);
    if (key === undefined) keys.set(folded, (key = keys.size));
    out.push({ text: m[0], key, space: m[0].length - word.length });
  }
  // Whitespace at the very end belongs to no word: keep it on the last one so nothing is lost.
  const trailing = text.slice(body.length);
  if (trailing && out.length) out[out.length - 1]!.text += trailing;
  else if (trailing) out.push({ text: trailing, key: -1, space: trailing.length });
  return out;
}

/** Merged operations from the matched token pairs (ascending in both). */
function operations(a: Token[], b: Token[], matches: [number, number][]): WordDiff[] {
  const out: WordDiff[] = [];
  const push = (op: WordDiff['op'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matches, [a.length, b.length] as [number, number]]) {
    let removed = a.slice(i, mi).map((t) => t.text).join('');
    let added = b.slice(j, mj).map((t) => t.text).join('');
    let same = mj < b.length ? b[mj]!.text : '';
    // At the start of b the shared word is printed as b has it, without a space: a removed first
    // word takes a's space with it, an added first word takes b's.
    if (removed && mi < a.length && mj < b.length && b[mj]!.space === 0) removed += a[mi]!.text.slice(0, a[mi]!.space);
    if (added && mi < a.length && a[mi]!.space === 0 && b[mj]!.space > 0) {
      added += same.slice(0, b[mj]!.space);
      same = same.slice(b[mj]!.space);
    }
    push('removed', removed);
    push('added', added);
    push('same', same);
    i = mi + 1;
    j = mj + 1;
  }
  return out;
}

/** A common subsequence: the longest one when small enough, else pieced together between unique shared words. */
function anchoredSubsequence(a: number[], b: number[]): [number, number][] {
  if (a.length * b.length <= MAX_DIFF_CELLS) return commonSubsequence(a, b);
  const anchors = uniqueAnchors(a, b);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors, [a.length, b.length] as [number, number]]) {
    // Without anchors the one piece left is the whole: nothing aligned, shown wholesale.
    if (anchors.length) for (const [x, y] of anchoredSubsequence(a.slice(i, ai), b.slice(j, bj))) out.push([i + x, j + y]);
    if (ai < a.length) out.push([ai, bj]);
    i = ai + 1;
    j = bj + 1;
  }
  return out;
}

/** Words that occur exactly once in a and once in b, the longest run of them in the same order in both. */
function uniqueAnchors(a: number[], b: number[]): [number, number][] {
  const count = (keys: number[]) => {
    const seen = new Map<number, number>();
    keys.forEach((k, i) => seen.set(k, seen.has(k) ? -1 : i));
    return seen;
  };
  const inA = count(a);
  const inB = count(b);
  const pairs: [number, number][] = [];
  for (const [key, i] of inA) {
    const j = inB.get(key);
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing run of b positions (patience sorting).
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([, j], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const run: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) run.push(pairs[k]!);
  return run.reverse();
}

/**
 * A longest common subsequence of two key arrays as matched index pairs, in linear memory
 * (Hirschberg: split a in half, find where b splits by LCS lengths from both ends, recurse).
 */
function commonSubsequence(a: number[], b: number[]): [number, number][] {
  const out: [number, number][] = [];
  const solve = (aLo: number, aHi: number, bLo: number, bHi: number) => {
    if (aLo >= aHi || bLo >= bHi) return;
    if (aHi - aLo === 1) {
      for (let j = bLo; j < bHi; j++) {
        if (b[j] === a[aLo]) {
          out.push([aLo, j]);
          return;
        }
      }
      return;
    }
    const mid = (aLo + aHi) >> 1;
    const front = lcsLengths(a, aLo, mid, b, bLo, bHi, false);
    const back = lcsLengths(a, mid, aHi, b, bLo, bHi, true);
    const width = bHi - bLo;
    let split = 0;
    let best = -1;
    for (let k = 0; k <= width; k++) {
      const total = front[k]! + back[width - k]!;
      if (total > best) {
        best = total;
        split = k;
      }
    }
    solve(aLo, mid, bLo, bLo + split);
    solve(mid, aHi, bLo + split, bHi);
  };
  solve(0, a.length, 0, b.length);
  return out;
}

/**
 * LCS lengths of a[aLo, aHi) against every prefix of b[bLo, bHi) (or, reversed, every suffix,
 * indexed by its length), one row at a time.
 */
function lcsLengths(a: number[], aLo: number, aHi: number, b: number[], bLo: number, bHi: number, reversed: boolean): Int32Array {
  const width = bHi - bLo;
  let previous = new Int32Array(width + 1);
  let current = new Int32Array(width + 1);
  for (let step = 0; step < aHi - aLo; step++) {
    const x = a[reversed ? aHi - 1 - step : aLo + step];
    for (let k = 1; k <= width; k++) {
      const y = b[reversed ? bHi - k : bLo + k - 1];
      current[k] = x === y ? previous[k - 1]! + 1 : Math.max(previous[k]!, current[k - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous;
}
