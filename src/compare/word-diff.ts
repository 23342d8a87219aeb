// Word-level difference between two wordings of one thing (two printings of a quote): which words
// one outlet has that the other has not. Words match when they agree after folding case,
// quotation marks and punctuation, so "issues." and "issues," are the same word.
import { type ChangeObject, diffArrays } from 'diff';
import type { z } from 'zod';
import type { WordDiffSchema } from '../schema.ts';
import { trimChars } from '../text/trim.ts';

export type WordDiff = z.infer<typeof WordDiffSchema>;

/**
 * A diff costs about (words removed and added) × (words in all). Past this budget two wordings are
 * not aligned word by word in one piece: they are cut at words that occur once in each (patience
 * diff), and a piece still over budget is shown as removed and added wholesale. Two transcript
 * turns of thousands of words are not worth seconds of alignment.
 */
const DIFF_BUDGET = 20_000_000;

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
  const matches = alignedWords(
    ta.map((t) => t.key),
    tb.map((t) => t.key),
  );
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
    let removed = a
      .slice(i, mi)
      .map((t) => t.text)
      .join('');
    let added = b
      .slice(j, mj)
      .map((t) => t.text)
      .join('');
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

/** Matched word positions (ascending in both): a shortest edit script (jsdiff's Myers diff), or pieced together between unique shared words when the wordings differ too much. */
function alignedWords(a: number[], b: number[]): [number, number][] {
  const changes = diffArrays(a, b, { maxEditLength: Math.ceil(DIFF_BUDGET / (a.length + b.length + 1)) });
  if (changes) return unchangedPairs(changes);
  const anchors = uniqueAnchors(a, b);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors, [a.length, b.length] as [number, number]]) {
    // Without anchors the one piece left is the whole: nothing aligned, shown wholesale.
    if (anchors.length) for (const [x, y] of alignedWords(a.slice(i, ai), b.slice(j, bj))) out.push([i + x, j + y]);
    if (ai < a.length) out.push([ai, bj]);
    i = ai + 1;
    j = bj + 1;
  }
  return out;
}

/** The (a, b) positions of the words a diff left unchanged. */
function unchangedPairs(changes: readonly ChangeObject<number[]>[]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const n = change.value.length;
    if (change.added) j += n;
    else if (change.removed) i += n;
    else for (let k = 0; k < n; k++) out.push([i++, j++]);
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
