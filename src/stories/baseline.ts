// The yardstick for the online clusterer: plain TF-IDF over the whole collection at once (the
// common textbook weighting: raw count × (ln((1 + N) / (1 + df)) + 1), unit length), cosine
// between every pair, and agglomerative clustering with average linkage cut at a threshold.
// It sees all articles before deciding anything and costs O(n²) time and memory: fine for a
// thousand articles, not for a stream.
import { DisjointSets } from '../util/disjoint-sets.ts';

/** Chosen on the odd-numbered topics of ECB+ (see bench/cluster-ecbplus.ts --tune). */
export const DEFAULT_BASELINE_THRESHOLD = 0.25;

export interface BaselineArticle {
  id: string;
  terms: Record<string, number>;
}

/** Article id → cluster id (the id of one of its members). */
export function agglomerativeBaseline(articles: readonly BaselineArticle[], threshold: number): Map<string, string> {
  const similarity = cosineMatrix(tfidfVectors(articles));
  const n = articles.length;
  const clusters = new DisjointSets(n);
  for (const m of averageLinkage(similarity, n)) if (m.similarity >= threshold) clusters.merge(m.a, m.b);
  return new Map(articles.map((a, i) => [a.id, articles[clusters.find(i)]!.id]));
}

type Sparse = { ids: number[]; weights: number[] };

function tfidfVectors(articles: readonly BaselineArticle[]): Sparse[] {
  const ids = new Map<string, number>();
  const df: number[] = [];
  const bags = articles.map((a) => {
    const bag: [number, number][] = [];
    for (const [term, count] of Object.entries(a.terms)) {
      let id = ids.get(term);
      if (id === undefined) ids.set(term, (id = ids.size));
      df[id] = (df[id] ?? 0) + 1;
      bag.push([id, count]);
    }
    return bag;
  });
  const n = articles.length;
  return bags.map((bag) => {
    const weights = bag.map(([id, count]) => count * (Math.log((1 + n) / (1 + df[id]!)) + 1));
    const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0)) || 1;
    return { ids: bag.map((b) => b[0]), weights: weights.map((w) => w / norm) };
  });
}

/** Every pair's cosine in one row-major n × n array. */
function cosineMatrix(vectors: readonly Sparse[]): Float64Array {
  const n = vectors.length;
  const matrix = new Float64Array(n * n);
  let vocabulary = 0;
  for (const v of vectors) for (const id of v.ids) vocabulary = Math.max(vocabulary, id + 1);
  const dense = new Float64Array(vocabulary);
  for (let i = 0; i < n; i++) {
    const a = vectors[i]!;
    a.ids.forEach((id, k) => (dense[id] = a.weights[k]!));
    for (let j = i + 1; j < n; j++) {
      const b = vectors[j]!;
      let dot = 0;
      for (let k = 0; k < b.ids.length; k++) dot += dense[b.ids[k]!]! * b.weights[k]!;
      matrix[i * n + j] = matrix[j * n + i] = dot;
    }
    for (const id of a.ids) dense[id] = 0;
    matrix[i * n + i] = 1;
  }
  return matrix;
}

export interface Merge {
  /** The two merged clusters, each named by one of its items. */
  a: number;
  b: number;
  /** Their average-linkage similarity when merged. */
  similarity: number;
}

/**
 * The full average-linkage hierarchy by the nearest-neighbour chain (O(n²)): follow each
 * cluster's most similar one until two clusters are each other's, merge them, and update the
 * similarities by Lance–Williams. Average linkage is reducible, so the merges are those of the
 * greedy best-pair-first algorithm, though found in another order; cutting at a threshold keeps
 * the merges at or above it. `similarity` is overwritten.
 */
export function averageLinkage(similarity: Float64Array, n: number): Merge[] {
  const size = new Array<number>(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  let next = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[next]) next++;
      chain.push(next);
    }
    const a = chain[chain.length - 1]!;
    const previous = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    // Ties go to the previous link of the chain, which is what guarantees the chain ends.
    let b = previous;
    let best = previous >= 0 ? similarity[a * n + previous]! : -Infinity;
    for (let x = 0; x < n; x++) {
      if (x === a || !active[x]) continue;
      const s = similarity[a * n + x]!;
      if (s > best) {
        best = s;
        b = x;
      }
    }
    if (b !== previous) {
      chain.push(b);
      continue;
    }
    chain.length -= 2;
    merges.push({ a, b, similarity: best });
    const [sa, sb] = [size[a]!, size[b]!];
    for (let x = 0; x < n; x++) {
      if (!active[x] || x === a || x === b) continue;
      const s = (sa * similarity[a * n + x]! + sb * similarity[b * n + x]!) / (sa + sb);
      similarity[a * n + x] = similarity[x * n + a] = s;
    }
    size[a] = sa + sb;
    active[b] = 0;
    remaining--;
  }
  return merges;
}
