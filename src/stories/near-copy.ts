// Near-copies (the same wire story on several sites, each with its own page chrome): a bottom-k
// sketch of each article's 5-word shingles estimates how much of the shorter text the longer one
// contains, without keeping or comparing the texts themselves.

import { mix } from '../text/word-memo.ts';

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

/**
 * The sketch of a text's words, given as hashes of their case-folded forms (keys[from, to)): a
 * shingle is five words in a row, their hashes combined in order and mixed so every bit counts.
 * No sort of all the shingles: each is counted once through a hash set, and the smallest are kept
 * in a bounded heap (a shingle enters it with odds of 64 in the number seen so far).
 */
export function sketchOfWords(keys: Int32Array, from: number, to: number): Sketch {
  const count = Math.max(0, to - from - SHINGLE_WORDS + 1);
  distinct.reset(count);
  smallest.reset();
  for (let w = 0; w < count; w++) {
    let h = keys[from + w]!;
    for (let k = 1; k < SHINGLE_WORDS; k++) h = Math.imul(((h << 5) | (h >>> 27)) ^ keys[from + w + k]!, 0x9e3779b1);
    const shingle = mix(h) >>> 0;
    if (distinct.add(shingle)) smallest.offer(shingle);
  }
  return { hashes: smallest.ascending(), size: distinct.size, v: SKETCH_VERSION };
}

/** The distinct values of one sketch: open addressing, a slot taken when its stamp is the current round's (nothing to clear between sketches). */
class DistinctValues {
  private values = new Uint32Array(2048);
  private stamps = new Int32Array(2048);
  private round = 0;
  private mask = 2047;
  size = 0;

  /** Empties the set, with room for `count` values at most half full. */
  reset(count: number): void {
    if (2 * count > this.values.length) {
      let length = this.values.length;
      while (length < 2 * count) length *= 2;
      this.values = new Uint32Array(length);
      this.stamps = new Int32Array(length);
      this.mask = length - 1;
      this.round = 0;
    }
    if (++this.round === 0x7fffffff) {
      this.stamps.fill(0);
      this.round = 1;
    }
    this.size = 0;
  }

  /** True when `value` (mixed already: its low bits are as good as any) was not in the set. */
  add(value: number): boolean {
    const { values, stamps, round, mask } = this;
    let slot = value & mask;
    while (stamps[slot] === round) {
      if (values[slot] === value) return false;
      slot = (slot + 1) & mask;
    }
    stamps[slot] = round;
    values[slot] = value;
    this.size++;
    return true;
  }
}

/** The SKETCH_SIZE smallest of the distinct values offered: a max-heap with the largest kept at the root. */
class SmallestValues {
  private readonly heap = new Uint32Array(SKETCH_SIZE);
  private count = 0;

  reset(): void {
    this.count = 0;
  }

  offer(value: number): void {
    const { heap } = this;
    if (this.count < SKETCH_SIZE) {
      let at = this.count++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heap[parent]! >= value) break;
        heap[at] = heap[parent]!;
        at = parent;
      }
      heap[at] = value;
      return;
    }
    if (value >= heap[0]!) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= SKETCH_SIZE) break;
      const right = left + 1;
      const larger = right < SKETCH_SIZE && heap[right]! > heap[left]! ? right : left;
      if (heap[larger]! <= value) break;
      heap[at] = heap[larger]!;
      at = larger;
    }
    heap[at] = value;
  }

  ascending(): number[] {
    return Array.from(this.heap.subarray(0, this.count).sort());
  }
}

const distinct = new DistinctValues();
const smallest = new SmallestValues();

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
