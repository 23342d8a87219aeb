// Bag-of-terms vectors over vocabulary ids: an article's (unit length, tf-idf) and a story's
// profile (the sum of its articles' term-frequency shares, weighted by the current idf when
// compared, so early articles are not stuck with the idf of a young stream). A profile keeps its
// heaviest terms only, so a story's memory stays bounded however many articles it gathers.
import type { Vocabulary } from './vocabulary.ts';

export interface ArticleVector {
  /** Term ids, ascending. */
  ids: number[];
  /** Sub-linear term frequency, scaled so its squares sum to 1: the share this article adds to a profile. */
  shares: number[];
  /** Unit-length tf-idf weights, for comparing. */
  weights: number[];
}

export function articleVector(counts: Record<string, number>, vocabulary: Vocabulary): ArticleVector {
  const entries: [number, number][] = [];
  for (const term in counts) {
    const count = counts[term]!;
    if (count > 0) entries.push([vocabulary.id(term), 1 + Math.log(count)]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const ids = entries.map((e) => e[0]);
  const tf = entries.map((e) => e[1]);
  const weights = tf.map((f, i) => f * vocabulary.idf(ids[i]!));
  return { ids, shares: unit(tf), weights: unit(weights) };
}

function unit(values: number[]): number[] {
  let sum = 0;
  for (const v of values) sum += v * v;
  const norm = Math.sqrt(sum) || 1;
  return values.map((v) => v / norm);
}

export class Profile {
  /** Term ids, ascending, and the mass each carries. */
  ids: number[] = [];
  mass: number[] = [];

  /** Adds `shares` over `ids` (both ascending by id) into this profile. */
  add(ids: readonly number[], shares: readonly number[]): void {
    const outIds: number[] = [];
    const outMass: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.ids.length || j < ids.length) {
      const a = i < this.ids.length ? this.ids[i]! : Infinity;
      const b = j < ids.length ? ids[j]! : Infinity;
      if (a === b) {
        outIds.push(a);
        outMass.push(this.mass[i++]! + shares[j++]!);
      } else if (a < b) {
        outIds.push(a);
        outMass.push(this.mass[i++]!);
      } else {
        outIds.push(b);
        outMass.push(shares[j++]!);
      }
    }
    this.ids = outIds;
    this.mass = outMass;
  }

  /** Keeps the `limit` terms of highest mass × idf (ids stay ascending). */
  prune(limit: number, vocabulary: Vocabulary): void {
    if (this.ids.length <= limit) return;
    const keep = this.topIndexes(limit, vocabulary).sort((a, b) => a - b);
    this.ids = keep.map((k) => this.ids[k]!);
    this.mass = keep.map((k) => this.mass[k]!);
  }

  /** Ids of the `count` heaviest terms by mass × idf. */
  top(count: number, vocabulary: Vocabulary): number[] {
    return this.topIndexes(count, vocabulary).map((k) => this.ids[k]!);
  }

  /** Length of the idf-weighted profile. */
  norm(vocabulary: Vocabulary): number {
    let sum = 0;
    for (let k = 0; k < this.ids.length; k++) {
      const w = this.mass[k]! * vocabulary.idf(this.ids[k]!);
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  /** Cosine between the idf-weighted profile and a unit vector spread into `dense` (indexed by id). */
  cosine(dense: Float64Array, vocabulary: Vocabulary): number {
    let dot = 0;
    let sum = 0;
    for (let k = 0; k < this.ids.length; k++) {
      const id = this.ids[k]!;
      const w = this.mass[k]! * vocabulary.idf(id);
      sum += w * w;
      if (id < dense.length) dot += w * dense[id]!;
    }
    return sum > 0 ? dot / Math.sqrt(sum) : 0;
  }

  /** Cosine between two idf-weighted profiles. */
  cosineWith(other: Profile, vocabulary: Vocabulary): number {
    let dot = 0;
    let i = 0;
    let j = 0;
    while (i < this.ids.length && j < other.ids.length) {
      const a = this.ids[i]!;
      const b = other.ids[j]!;
      if (a === b) {
        const idf = vocabulary.idf(a);
        dot += this.mass[i++]! * other.mass[j++]! * idf * idf;
      } else if (a < b) i++;
      else j++;
    }
    const norms = this.norm(vocabulary) * other.norm(vocabulary);
    return norms > 0 ? dot / norms : 0;
  }

  clear(): void {
    this.ids = [];
    this.mass = [];
  }

  private topIndexes(count: number, vocabulary: Vocabulary): number[] {
    const order = this.ids.map((id, k) => [k, this.mass[k]! * vocabulary.idf(id)] as const);
    order.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return order.slice(0, count).map((o) => o[0]);
  }
}
