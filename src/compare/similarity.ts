// TF-IDF vectors over statement terms and their cosine: how much two sentences say with the same
// words, where words every outlet uses everywhere ("China", "said") count for little. The soft
// cosine also counts words related in meaning ("expel"/"expulsion"), each word matched once.
import { relatedness } from './lexicon/relatedness.ts';

export type Vector = Map<string, number>;

/** Entity ids say more about what a sentence is about than the same number of ordinary words. */
const ENTITY_WEIGHT = 1.5;

export class TermWeights {
  private readonly idf = new Map<string, number>();
  constructor(bags: readonly Map<string, number>[]) {
    const df = new Map<string, number>();
    for (const bag of bags) for (const term of bag.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const n = bags.length;
    for (const [term, count] of df) this.idf.set(term, Math.log((n + 1) / (count + 0.5)));
  }

  weight(term: string): number {
    return this.idf.get(term) ?? 0;
  }

  /** Unit-length vector: term presence × idf (a word repeated in one sentence says it no more). */
  vector(bag: Map<string, number>): Vector {
    const v: Vector = new Map();
    let norm = 0;
    for (const term of bag.keys()) {
      const w = this.weight(term) * (term.startsWith('@') ? ENTITY_WEIGHT : 1);
      if (w <= 0) continue;
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, w] of v) v.set(term, w / norm);
    return v;
  }
}

export function cosine(a: Vector, b: Vector): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let dot = 0;
  for (const term of small.keys()) {
    const other = large.get(term);
    if (other !== undefined) dot += small.get(term)! * other;
  }
  return dot;
}

/** Sum of unit vectors, normalized: the centre of a group of sentences. */
export function centroid(vectors: readonly Vector[]): Vector {
  const sum: Vector = new Map();
  for (const v of vectors) for (const [term, w] of v) sum.set(term, (sum.get(term) ?? 0) + w);
  let norm = 0;
  for (const w of sum.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of sum) sum.set(term, w / norm);
  return sum;
}

/** Entity ids (`@…`) and day anchors (`#…`) match only themselves. */
function isAnchor(term: string): boolean {
  return term.startsWith('@') || term.startsWith('#');
}

/** Related words below this are not counted as the same word said otherwise. */
const SHARED_RELATEDNESS = 0.5;

export interface SoftMatch {
  /** The cosine with related words counted as partly the same. */
  sim: number;
  /** Word pairs (names aside) at least SHARED_RELATEDNESS near. */
  sharedWords: number;
  /** Share of each side's weight (L1) whose term found a term at least SHARED_RELATEDNESS near. */
  coveredA: number;
  coveredB: number;
}

/**
 * The cosine with related words counted as partly the same: each term of `a` is paired with at
 * most one term of `b` (best relatedness first), and a pair adds both weights times their
 * relatedness. Entity ids and anchors (`@…`, `#…`) match only themselves. With no related words
 * this is the cosine.
 */
export function softCosine(a: Vector, b: Vector): SoftMatch {
  const candidates: { x: string; y: string; rel: number }[] = [];
  for (const x of a.keys()) {
    if (b.has(x)) {
      candidates.push({ x, y: x, rel: 1 });
      continue;
    }
    if (isAnchor(x)) continue;
    for (const y of b.keys()) {
      if (isAnchor(y) || a.has(y)) continue;
      const rel = relatedness(x, y);
      if (rel > 0) candidates.push({ x, y, rel });
    }
  }
  candidates.sort((p, q) => q.rel - p.rel || a.get(q.x)! * b.get(q.y)! - a.get(p.x)! * b.get(p.y)!);
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  let sim = 0;
  let sharedWords = 0;
  let coveredA = 0;
  let coveredB = 0;
  for (const { x, y, rel } of candidates) {
    if (usedA.has(x) || usedB.has(y)) continue;
    usedA.add(x);
    usedB.add(y);
    sim += a.get(x)! * b.get(y)! * rel;
    if (rel < SHARED_RELATEDNESS) continue;
    if (!x.startsWith('@')) sharedWords++;
    coveredA += a.get(x)! * rel;
    coveredB += b.get(y)! * rel;
  }
  return { sim, sharedWords, coveredA: share(coveredA, a), coveredB: share(coveredB, b) };
}

function share(part: number, v: Vector): number {
  let total = 0;
  for (const w of v.values()) total += w;
  return total > 0 ? part / total : 0;
}
