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
  if (count > shingles.length) shingles = new Uint32Array(Math.max(count, 2 * shingles.length));
  for (let w = 0; w < count; w++) {
    let h = HASH_START;
    for (let k = w; k < w + SHINGLE_WORDS; k++) {
      if (k > w) h = hashStep(h, 32);
      for (let at = bounds[2 * k]!, end = bounds[2 * k + 1]!; at < end; at++) h = hashStep(h, lower.charCodeAt(at));
    }
    shingles[w] = h >>> 0;
  }
  const sorted = shingles.subarray(0, count).sort();
  const hashes: number[] = [];
  let size = 0;
  for (let k = 0; k < count; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    size++;
    if (hashes.length < SKETCH_SIZE) hashes.push(sorted[k]!);
  }
  return { hashes, size };
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
