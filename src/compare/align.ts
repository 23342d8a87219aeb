// Alignment: sentences from different outlets that report the same fact, grouped. Pairs are found
// through an inverted index (no all-pairs scan), then merged best-first with average linkage so a
// chain of loosely similar sentences cannot glue unrelated facts together.
import type { Statement } from './statements.ts';
import { cosine, type Vector } from './similarity.ts';
import { pairProbability } from './pair-model.ts';

export interface AlignOptions {
  /**
   * How two sentences of two outlets are compared. `model`: the learned probability that they
   * report the same fact (related words, names, coverage, leads, predicates, values: see
   * pair-features.ts), so the same fact in other words aligns. `tfidf`: the cosine alone.
   */
  scorer: 'model' | 'tfidf';
  /** Two sentences of two outlets this similar may start a fact together. */
  link: number;
  /** Two groups merge when the mean similarity over all their cross pairs reaches this. */
  merge: number;
  /** Two sentences of one report say one fact only when their cosine reaches this. */
  restate: number;
  /** Terms carried by more sentences than this are too common to find candidates with. */
  maxPostings: number;
}

export const DEFAULT_ALIGN: AlignOptions = { scorer: 'model', link: 0.8, merge: 0.55, restate: 0.35, maxPostings: 400 };
/** The lexical baseline evaluations report beside the model. */
export const TFIDF_ALIGN: AlignOptions = { scorer: 'tfidf', link: 0.35, merge: 0.25, restate: 0.35, maxPostings: 400 };

/**
 * In bundles of more sentences than this, pairs whose exact cosine is below MIN_EXACT_FOR_MODEL
 * are not scored, and word vectors are read only for pairs they could link: the cosine is cheap,
 * the features are not, and a 300-article bundle would score millions of pairs. Smaller bundles
 * score every pair that shares a term.
 */
const SCORE_ALL_UP_TO = 1500;
const MIN_EXACT_FOR_MODEL = 0.1;

export interface Alignment {
  /** Groups of statement indexes; every statement is in exactly one group. */
  groups: number[][];
  /** Set when the bundle was too large for the model on every pair: what was left to the cosine. */
  lexicalOnly: string | null;
  /** Similarity of a pair (i < j), when the index found it. */
  similarity(i: number, j: number): number;
}

export function alignStatements(statements: readonly Statement[], vectors: readonly Vector[], options: AlignOptions = DEFAULT_ALIGN): Alignment {
  const n = statements.length;
  const pairs = candidatePairs(statements, vectors, options);
  const key = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const sims = new Map<number, number>();
  for (const p of pairs) sims.set(key(p.i, p.j), p.sim);
  const similarity = (i: number, j: number) => (i === j ? 1 : (sims.get(key(i, j)) ?? 0));

  const groupOf = statements.map((_, i) => i);
  const members = new Map<number, number[]>(statements.map((_, i) => [i, [i]]));
  const linked = pairs.filter((p) => p.sim >= options.link).sort((a, b) => b.sim - a.sim || a.i - b.i || a.j - b.j);
  // Two groups found apart stay apart until one of them grows (groups only grow, so their sizes
  // say whether they changed): a page repeating its sentences links the same two groups through
  // thousands of pairs, and each check costs the product of their sizes.
  const refused = new Map<number, number>();
  for (const { i, j } of linked) {
    const a = groupOf[i]!;
    const b = groupOf[j]!;
    if (a === b) continue;
    const left = members.get(a)!;
    const right = members.get(b)!;
    const version = a < b ? left.length * (n + 1) + right.length : right.length * (n + 1) + left.length;
    if (refused.get(key(a, b)) === version) continue;
    let total = 0;
    let sameDocumentApart = false;
    cross: for (const x of left) {
      for (const y of right) {
        const s = similarity(x, y);
        total += s;
        // One outlet may say a fact twice, but two of its sentences that do not restate each other are
        // two facts. Its headline is shorthand for its lead: it joins whichever fact it stands for.
        if (statements[x]!.doc === statements[y]!.doc && s < options.restate && !statements[x]!.headline && !statements[y]!.headline) {
          sameDocumentApart = true;
          break cross;
        }
      }
    }
    if (sameDocumentApart || total / (left.length * right.length) < options.merge) {
      refused.set(key(a, b), version);
      continue;
    }
    const [keep, drop] = left.length >= right.length ? [a, b] : [b, a];
    const merged = [...members.get(keep)!, ...members.get(drop)!];
    members.set(keep, merged);
    members.delete(drop);
    for (const x of merged) groupOf[x] = keep;
  }
  const groups = [...members.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
  const lexicalOnly =
    options.scorer === 'model' && n > SCORE_ALL_UP_TO
      ? `${n.toLocaleString('en-US')} sentences: only pairs sharing words (cosine ≥ ${MIN_EXACT_FOR_MODEL}) were weighed as the same fact, and word vectors read only where they could link a pair; the same fact in wholly other words may stay apart`
      : null;
  return { groups, similarity, lexicalOnly };
}

/** Two sentences sharing fewer words than this (names aside) are not evidence of one fact. */
const MIN_SHARED_WORDS = 2;

/**
 * Every pair of sentences sharing a term no more common than `maxPostings`, with its similarity:
 * across documents, the model's probability (or the cosine, for the `tfidf` scorer); within one
 * document, the cosine, for pairs sharing MIN_SHARED_WORDS words (names aside). Terms are numbered
 * once and the pairs found for a sentence marked, so none is scored twice; the shared words are
 * counted on the way through the postings (a term in more than `maxPostings` sentences counts for
 * none: in a report that long it says nothing), so a long report costs no pass over each pair.
 */
function candidatePairs(statements: readonly Statement[], vectors: readonly Vector[], options: AlignOptions): { i: number; j: number; sim: number }[] {
  const termIds = new Map<string, number>();
  const postings: number[][] = [];
  const isWord: boolean[] = [];
  const terms: number[][] = [];
  vectors.forEach((v, i) => {
    const mine: number[] = [];
    for (const term of v.keys()) {
      let id = termIds.get(term);
      if (id === undefined) {
        termIds.set(term, (id = termIds.size));
        postings.push([]);
        isWord.push(!term.startsWith('@'));
      }
      postings[id]!.push(i);
      mine.push(id);
    }
    terms.push(mine);
  });
  const minExact = vectors.length > SCORE_ALL_UP_TO ? MIN_EXACT_FOR_MODEL : 0;
  const out: { i: number; j: number; sim: number }[] = [];
  // Stamps (i + 1): the sentences already paired with sentence i, in the order first found.
  const seen = new Int32Array(vectors.length);
  const shared = new Int32Array(vectors.length);
  const found: number[] = [];
  vectors.forEach((v, i) => {
    const stamp = i + 1;
    found.length = 0;
    for (const id of terms[i]!) {
      const list = postings[id]!;
      if (list.length > options.maxPostings) continue;
      const word = isWord[id]! ? 1 : 0;
      for (const j of list) {
        if (j <= i) continue;
        if (seen[j] !== stamp) {
          seen[j] = stamp;
          shared[j] = 0;
          found.push(j);
        }
        shared[j]! += word;
      }
    }
    for (const j of found) {
      // The model is for outlets telling one fact in their own words; within one report the
      // exact cosine decides (and a long report's pairs stay cheap).
      if (options.scorer === 'model' && statements[i]!.doc !== statements[j]!.doc) {
        if (minExact > 0 && cosine(v, vectors[j]!) < minExact) continue;
        // In a large bundle word vectors are read only for pairs they could link.
        out.push({ i, j, sim: pairProbability(statements[i]!, statements[j]!, v, vectors[j]!, minExact > 0 ? options.link : undefined) });
      } else if (shared[j]! >= MIN_SHARED_WORDS) out.push({ i, j, sim: cosine(v, vectors[j]!) });
    }
  });
  return out;
}
