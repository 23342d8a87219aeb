// Near-copies (the same wire story on several sites, each with its own page chrome): a bottom-k
// sketch of each article's 5-word shingles estimates how much of the shorter text the longer one
// contains, without keeping or comparing the texts themselves.

import { mix } from '../text/word-memo.ts';
import { grown } from '../util/grown.ts';

const SHINGLE_WORDS = 5;
const SKETCH_SIZE = 64;
/** Share of the shorter article's shingles found in the other: above this, one report, two outlets. */
export const NEAR_COPY_CONTAINMENT = 0.6;

/**
 * The sketch's definition, stored with it: 2 is shingles of the feature scan's words (see
 * `scanFeatures`), each word hashed once. Sketches stored without one were made from the
 * lower-cased text's letter and digit runs, hashed a shingle at a time; the two are never compared.
 */
export const SKETCH_VERSION = 2;

export interface Sketch {
  /** The smallest shingle hashes, ascending. */
  hashes: number[];
  /** Distinct shingles in the article. */
  size: number;
  /** `SKETCH_VERSION` when made; absent in sketches stored before versions were. */
  v?: number;
}

let shingles = new Uint32Array(2048);

/**
 * The sketch of a text's words, given as hashes of their case-folded forms (keys[from, to)): a
 * shingle is five words in a row, their hashes combined in order and mixed so every bit counts.
 */
export function sketchOfWords(keys: Int32Array, from: number, to: number): Sketch {
  const count = Math.max(0, to - from - SHINGLE_WORDS + 1);
  if (count > shingles.length) shingles = grown(shingles, count);
  for (let w = 0; w < count; w++) {
    let h = keys[from + w]!;
    for (let k = 1; k < SHINGLE_WORDS; k++) h = Math.imul(((h << 5) | (h >>> 27)) ^ keys[from + w + k]!, 0x9e3779b1);
    shingles[w] = mix(h) >>> 0;
  }
  sortUnsigned(shingles, count);
  const hashes: number[] = [];
  let size = 0;
  for (let k = 0; k < count; k++) {
    if (k > 0 && shingles[k] === shingles[k - 1]) continue;
    size++;
    if (hashes.length < SKETCH_SIZE) hashes.push(shingles[k]!);
  }
  return { hashes, size, v: SKETCH_VERSION };
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
  if (!a.size || !b.size || (a.v ?? 1) !== (b.v ?? 1)) return 0;
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
