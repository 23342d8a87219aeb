// Near-copies (the same wire story on several sites, each with its own page chrome): a bottom-k
// sketch of each article's 5-word shingles estimates how much of the shorter text the longer one
// contains, without keeping or comparing the texts themselves.

import { classOf, LETTER, NUMBER, unitsOf } from '../text/chars.ts';
import { HASH_START, hashStep } from '../text/word-memo.ts';
import { grown } from '../util/grown.ts';

const SHINGLE_WORDS = 5;
const SKETCH_SIZE = 64;
/** Share of the shorter article's shingles found in the other: above this, one report, two outlets. */
export const NEAR_COPY_CONTAINMENT = 0.6;

export interface Sketch {
  /** The smallest shingle hashes, ascending. */
  hashes: number[];
  /** Distinct shingles in the article. */
  size: number;
}

/** Word boundaries of the text being sketched, reused (grown when a text has more words). */
let bounds = new Int32Array(4096);
let shingles = new Uint32Array(2048);
/** The words joined by single spaces (so a shingle is one run of it), and where each word starts there. */
let joined = new Uint16Array(8192);
let starts = new Int32Array(2048);

/**
 * Words are the matches of /[\p{L}\p{N}]+/gu in the lower-cased text; a shingle's hash is FNV-1a
 * over its words' code units joined by spaces, taken from the text in place (no word strings).
 */
export function sketchOf(text: string): Sketch {
  const lower = text.toLowerCase();
  const n = lower.length;
  let words = 0;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    const point = c < 128 ? c : lower.codePointAt(i)!;
    if (!(classOf(point) & (LETTER | NUMBER))) {
      i += unitsOf(point);
      continue;
    }
    let j = i + unitsOf(point);
    while (j < n) {
      const d = lower.charCodeAt(j);
      const next = d < 128 ? d : lower.codePointAt(j)!;
      if (!(classOf(next) & (LETTER | NUMBER))) break;
      j += unitsOf(next);
    }
    if (2 * words + 2 > bounds.length) bounds = grown(bounds, 2 * words + 2);
    bounds[2 * words] = i;
    bounds[2 * words + 1] = j;
    words++;
    i = j;
  }
  const count = Math.max(0, words - SHINGLE_WORDS + 1);
  if (count > shingles.length) shingles = grown(shingles, count);
  hashShingles(lower, words, count);
  sortUnsigned(shingles, count);
  const sorted = shingles;
  const hashes: number[] = [];
  let size = 0;
  for (let k = 0; k < count; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    size++;
    if (hashes.length < SKETCH_SIZE) hashes.push(sorted[k]!);
  }
  return { hashes, size };
}

/**
 * shingles[w] = FNV-1a over words w…w+4 of `lower` joined by spaces. Four shingles at a time, over
 * the words laid end to end: a hash is a chain of multiplications, each waiting on the one before,
 * and four chains side by side keep the core busy where one leaves it waiting.
 */
function hashShingles(lower: string, words: number, count: number): void {
  let length = 0;
  // Each word and a space: never longer than the text, whose words are apart by at least one character.
  if (lower.length > joined.length) joined = grown(joined, lower.length);
  if (words + 1 > starts.length) starts = grown(starts, words + 1);
  for (let k = 0; k < words; k++) {
    if (k > 0) joined[length++] = 32;
    starts[k] = length;
    for (let at = bounds[2 * k]!, end = bounds[2 * k + 1]!; at < end; at++) joined[length++] = lower.charCodeAt(at);
  }
  // As if one more word followed: shingle w ends one before the start of word w + 5.
  starts[words] = length + 1;
  const end = (w: number) => starts[w + SHINGLE_WORDS]! - 1;
  let w = 0;
  for (; w + 4 <= count; w += 4) {
    const a0 = starts[w]!;
    const a1 = starts[w + 1]!;
    const a2 = starts[w + 2]!;
    const a3 = starts[w + 3]!;
    const e0 = end(w);
    const e1 = end(w + 1);
    const e2 = end(w + 2);
    const e3 = end(w + 3);
    const common = Math.min(e0 - a0, e1 - a1, e2 - a2, e3 - a3);
    let h0 = HASH_START;
    let h1 = HASH_START;
    let h2 = HASH_START;
    let h3 = HASH_START;
    for (let i = 0; i < common; i++) {
      h0 = hashStep(h0, joined[a0 + i]!);
      h1 = hashStep(h1, joined[a1 + i]!);
      h2 = hashStep(h2, joined[a2 + i]!);
      h3 = hashStep(h3, joined[a3 + i]!);
    }
    for (let i = a0 + common; i < e0; i++) h0 = hashStep(h0, joined[i]!);
    for (let i = a1 + common; i < e1; i++) h1 = hashStep(h1, joined[i]!);
    for (let i = a2 + common; i < e2; i++) h2 = hashStep(h2, joined[i]!);
    for (let i = a3 + common; i < e3; i++) h3 = hashStep(h3, joined[i]!);
    shingles[w] = h0 >>> 0;
    shingles[w + 1] = h1 >>> 0;
    shingles[w + 2] = h2 >>> 0;
    shingles[w + 3] = h3 >>> 0;
  }
  for (; w < count; w++) {
    let h = HASH_START;
    for (let i = starts[w]!, e = end(w); i < e; i++) h = hashStep(h, joined[i]!);
    shingles[w] = h >>> 0;
  }
}

let radixScratch = new Uint32Array(2048);
const radixCounts = new Int32Array(256);

/** Sorts values[0, n) ascending in place: a radix sort, a byte a pass (a third faster than TypedArray sort for a sketch's few hundred). */
function sortUnsigned(values: Uint32Array<ArrayBuffer>, n: number): void {
  if (n < 64) {
    values.subarray(0, n).sort();
    return;
  }
  if (n > radixScratch.length) radixScratch = grown(radixScratch, n);
  let from = values;
  let to = radixScratch;
  for (let shift = 0; shift < 32; shift += 8) {
    radixCounts.fill(0);
    for (let i = 0; i < n; i++) radixCounts[(from[i]! >>> shift) & 255]!++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = radixCounts[b]!;
      radixCounts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = from[i]!;
      to[radixCounts[(v >>> shift) & 255]!++] = v;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  // Four passes: the sorted run is back in `values`.
}

/** Estimated share of the smaller article's shingles that the other also has (0 when either is empty). */
export function containment(a: Sketch, b: Sketch): number {
  if (!a.size || !b.size) return 0;
  // Jaccard from the bottom-k of the union: walk both ascending lists to the k smallest hashes of
  // either, counting those both hold.
  const [x, y] = [a.hashes, b.hashes];
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < SKETCH_SIZE && (i < x.length || j < y.length)) {
    if (j >= y.length || (i < x.length && x[i]! < y[j]!)) i++;
    else if (i >= x.length || y[j]! < x[i]!) j++;
    else {
      both++;
      i++;
      j++;
    }
    taken++;
  }
  const jaccard = both / taken;
  const shared = (jaccard * (a.size + b.size)) / (1 + jaccard);
  return Math.min(1, shared / Math.min(a.size, b.size));
}
