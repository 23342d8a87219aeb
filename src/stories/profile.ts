// Bag-of-terms vectors over vocabulary ids: an article's (unit length, tf-idf) and a story's
// profile (the sum of its articles' term-frequency shares, weighted by the idf of the stream each
// time the story grows, so its first articles are not stuck with the idf of a young stream). A
// profile keeps its heaviest terms only, so a story's memory stays bounded however many articles
// it gathers.
// Entries are in no particular order: sums and dot products go through the vocabulary's dense
// scratch array, so nothing is sorted by id on the hot path.
import type { KeyCounts } from './hashed-features.ts';
import { grown } from '../util/grown.ts';
import { denseAt, type Dense, type Vocabulary } from './vocabulary.ts';

export interface ArticleVector {
  /** Term ids (distinct). */
  ids: number[];
  /** Sub-linear term frequency, scaled so its squares sum to 1: the share this article adds to a profile. */
  shares: number[];
  /** Unit-length tf-idf weights, for comparing. */
  weights: number[];
}

export function articleVector(keys: KeyCounts, vocabulary: Vocabulary): ArticleVector {
  // Term frequencies gathered by slot first: two terms of one article may share a hashed slot.
  const dense = vocabulary.dense();
  const ids: number[] = [];
  const { hashes, counts } = keys;
  for (let k = 0; k < hashes.length; k++) {
    const count = counts[k]!;
    if (!(count > 0)) continue;
    const id = vocabulary.slot(hashes[k]!);
    const at = denseAt(id);
    if (dense[at] === 0) ids.push(id);
    dense[at]! += 1 + Math.log(count);
  }
  // Sized once (the main thread's collector copies what a growing array leaves behind).
  const shares = new Array<number>(ids.length);
  const weights = new Array<number>(ids.length);
  let shareNorm = 0;
  let weightNorm = 0;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const at = denseAt(id);
    const tf = dense[at]!;
    dense[at] = 0;
    const w = tf * vocabulary.idf(id);
    shares[k] = tf;
    weights[k] = w;
    shareNorm += tf * tf;
    weightNorm += w * w;
  }
  scale(shares, 1 / (Math.sqrt(shareNorm) || 1));
  scale(weights, 1 / (Math.sqrt(weightNorm) || 1));
  return { ids, shares, weights };
}

function scale(values: number[], factor: number): void {
  for (let k = 0; k < values.length; k++) values[k]! *= factor;
}

export class Profile {
  /** Term ids and the mass each carries, position by position. */
  ids: number[] = [];
  mass: number[] = [];
  /**
   * mass × idf as of the last `refresh`, and their length. Cached so a comparison reads one
   * array, not the idf table: a story's weights follow the idf each time it gains an article,
   * and a story that gains none for a while is compared with the idf of its last article.
   */
  private readonly weights: number[] = [];
  private norm = 0;

  /** Adds `shares` over `ids` into this profile; `refresh` must follow before comparing. */
  add(ids: readonly number[], shares: readonly number[], vocabulary: Vocabulary): void {
    const dense = vocabulary.dense();
    for (let k = 0; k < ids.length; k++) dense[denseAt(ids[k]!)] = shares[k]!;
    for (let k = 0; k < this.ids.length; k++) {
      const at = denseAt(this.ids[k]!);
      this.mass[k]! += dense[at]!;
      dense[at] = 0;
    }
    for (let k = 0; k < ids.length; k++) {
      const at = denseAt(ids[k]!);
      if (dense[at] === 0) continue;
      this.ids.push(ids[k]!);
      this.mass.push(dense[at]!);
      dense[at] = 0;
    }
  }

  /** Weighs the terms by the current idf and keeps the `limit` heaviest (in place: no new arrays). */
  refresh(limit: number, vocabulary: Vocabulary): void {
    const { ids, mass, weights } = this;
    weights.length = ids.length;
    for (let k = 0; k < ids.length; k++) weights[k] = mass[k]! * vocabulary.idf(ids[k]!);
    if (ids.length > limit) {
      let to = 0;
      for (const from of topPositions(weights, limit)) {
        ids[to] = ids[from]!;
        mass[to] = mass[from]!;
        weights[to++] = weights[from]!;
      }
      ids.length = mass.length = weights.length = to;
    }
    let sum = 0;
    for (const w of weights) sum += w * w;
    this.norm = Math.sqrt(sum);
  }

  /** Ids of the `count` heaviest terms as of the last `refresh`, heaviest not necessarily first. */
  top(count: number): number[] {
    if (this.ids.length <= count) return [...this.ids];
    return topPositions(this.weights, count).map((k) => this.ids[k]!);
  }

  /** Cosine between the weighted profile and a unit vector spread into `dense` (at `denseAt(id)`). */
  cosine(dense: Dense): number {
    if (this.norm === 0) return 0;
    let dot = 0;
    for (let k = 0; k < this.ids.length; k++) dot += this.weights[k]! * dense[denseAt(this.ids[k]!)]!;
    return dot / this.norm;
  }

  /** The same cosine against an article held in a SlotWeights table: the same products in the same order, so the same value. */
  cosineWithArticle(article: SlotWeights): number {
    if (this.norm === 0) return 0;
    let dot = 0;
    for (let k = 0; k < this.ids.length; k++) dot += this.weights[k]! * article.get(this.ids[k]!);
    return dot / this.norm;
  }

  /** Cosine between two weighted profiles. */
  cosineWith(other: Profile, vocabulary: Vocabulary): number {
    if (other.norm === 0) return 0;
    const dense = vocabulary.dense();
    for (let k = 0; k < other.ids.length; k++) dense[denseAt(other.ids[k]!)] = other.weights[k]! / other.norm;
    const cosine = this.cosine(dense);
    for (const id of other.ids) dense[denseAt(id)] = 0;
    return cosine;
  }

  clear(): void {
    this.ids = [];
    this.mass = [];
    this.weights.length = 0;
    this.norm = 0;
  }
}

/**
 * Positions of the `count` largest scores, in position order; ties at the cut go to the earlier
 * positions. The cut is found by quickselect on a copy: linear on average, no sort.
 */
export function topPositions(scores: ArrayLike<number>, count: number): number[] {
  const n = scores.length;
  if (n <= count) return Array.from({ length: n }, (_, k) => k);
  if (count <= 0) return [];
  if (selection.length < n) selection = new Float64Array(Math.max(n, 2 * selection.length));
  for (let k = 0; k < n; k++) selection[k] = scores[k]!;
  const cut = kthLargest(selection, n, count);
  let above = 0;
  for (let k = 0; k < n; k++) if (scores[k]! > cut) above++;
  let atCut = count - above;
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    const s = scores[k]!;
    if (s > cut || (s === cut && atCut-- > 0)) out.push(k);
  }
  return out;
}

/** Reused by every selection (one at a time: nothing here is re-entrant). */
let selection = new Float64Array(1024);

/** The k-th largest (1-based) of the first `n` values, which it reorders (Hoare's selection, middle pivot). */
function kthLargest(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}

/**
 * An article's weights by slot, in an open-addressing table of a few kilobytes, for comparing it
 * with a dozen story profiles: the vocabulary's dense array (a megabyte) would be read at a random
 * place for every term of every profile, and miss the cache each time. Weights are kept in single
 * precision, as the dense array keeps them, so each product is the same to the bit.
 */
export class SlotWeights {
  private keys = new Int32Array(1024);
  private values = new Float32Array(1024);
  private shift = 32 - 10;
  /** The slots filled, to empty them again (a typed array: emptying a JS array lets its storage go). */
  private used = new Int32Array(1024);
  private usedCount = 0;
  /**
   * A bit per id, set for the article's: most of a profile's terms are not the article's, and the
   * bit (in a few kilobytes that stay in cache) says so without a probe of the table.
   */
  private present = new Uint32Array(1 << 13);

  /** Holds the weights of `ids` (distinct) until `clear`. */
  fill(ids: readonly number[], weights: readonly number[]): this {
    let bits = 10;
    while (1 << bits < 2 * ids.length) bits++;
    if (1 << bits > this.keys.length) {
      this.keys = new Int32Array(1 << bits);
      this.values = new Float32Array(1 << bits);
    }
    this.shift = 32 - bits;
    const mask = (1 << bits) - 1;
    for (let k = 0; k < ids.length; k++) {
      let slot = Math.imul(ids[k]!, 0x9e3779b1) >>> this.shift;
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = ids[k]! + 1;
      this.values[slot] = weights[k]!;
      const word = ids[k]! >>> 5;
      if (word >= this.present.length) this.present = grown(this.present, word + 1);
      this.present[word]! |= 1 << (ids[k]! & 31);
      if (this.usedCount === this.used.length) this.used = grown(this.used, this.usedCount + 1);
      this.used[this.usedCount++] = slot;
    }
    return this;
  }

  /** The weight at slot `id`, 0 when the article has none. */
  get(id: number): number {
    const word = id >>> 5;
    if (word >= this.present.length || (this.present[word]! & (1 << (id & 31))) === 0) return 0;
    const mask = (1 << (32 - this.shift)) - 1;
    let slot = Math.imul(id, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const key = this.keys[slot]!;
      if (key === id + 1) return this.values[slot]!;
      if (key === 0) return 0;
      slot = (slot + 1) & mask;
    }
  }

  clear(): void {
    for (let k = 0; k < this.usedCount; k++) {
      const slot = this.used[k]!;
      const id = this.keys[slot]! - 1;
      this.present[id >>> 5]! &= ~(1 << (id & 31));
      this.keys[slot] = 0;
    }
    this.usedCount = 0;
  }
}
