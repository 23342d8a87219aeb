// What two sentences from two outlets have in common, as numbers a learned model weighs into "the
// same fact": shared and related words, shared names, how much of each the other covers, whether
// they are headlines or leads, their predicates, their values, and how near their words lie in
// GloVe's vector space ("farmers" / "agriculture industry"). Each feature lies in [0, 1].
import { relatedness } from './lexicon/relatedness.ts';
import { wordVectors } from '../text/word-vectors.ts';
import { cosine, softCosine, type Vector } from './similarity.ts';
import type { Statement } from './statements.ts';
import { contentTerm } from './statements.ts';

const LEXICAL_FEATURES = [
  'cosine',
  'softCosine',
  'sharedWords',
  'sharesName',
  'sharedNames',
  'unsharedNames',
  'coveredMore',
  'coveredLess',
  'bothHeadlines',
  'oneHeadline',
  'bothLeads',
  'oneLead',
  'lengthRatio',
  'predicate',
  'sameSubject',
  'otherSubject',
  'sameMainVerb',
  'sameValue',
  'otherValue',
] as const;

/** The features read from word vectors: the costly ones, computed last (see pair-model.ts). */
export const VECTOR_FEATURES = ['vectorCoveredMore', 'vectorCoveredLess', 'vectorPredicate', 'vectorSubject', 'globalCosine', 'globalContained'] as const;

export const PAIR_FEATURES = [...LEXICAL_FEATURES, ...VECTOR_FEATURES] as const;

export type PairFeatureName = (typeof PAIR_FEATURES)[number];
type LexicalFeatureName = (typeof LEXICAL_FEATURES)[number];

/** The headline and the first sentence state a report's news (inverted pyramid). */
const LEAD_POSITIONS = 2;

/** What the features read of one sentence, worked out once per sentence, not once per pair. */
interface SentenceParts {
  words: number;
  verbs: string[];
  /** Content terms, names and day anchors aside: what a verb of the other sentence may match. */
  plainTerms: string[];
  subject: string[];
  verb: string | null;
  /** Word-vector rows of the content words (each once), each with how much it says. */
  rows: { row: number; weight: number }[];
  /** Which of `rows` are verbs, and the subject's common nouns and names. */
  verbRows: number[];
  subjectRows: number[];
}

const partsOf = new WeakMap<Statement, SentenceParts>();

function parts(s: Statement): SentenceParts {
  let found = partsOf.get(s);
  if (!found) {
    found = {
      words: s.tokens.filter((t) => t.pos !== 'PUNCT').length,
      verbs: verbs(s),
      plainTerms: [...s.terms.keys()].filter((t) => !t.startsWith('@') && !t.startsWith('#')),
      ...subjectAndVerb(s),
      ...vectorRows(s),
    };
    partsOf.set(s, found);
  }
  return found;
}

/** Every feature, in PAIR_FEATURES order. */
export function pairFeatures(a: Statement, b: Statement, va: Vector, vb: Vector): number[] {
  return [...lexicalFeatures(a, b, va, vb), ...vectorFeatures(a, b)];
}

/** The features read from words, names, positions and values (LEXICAL_FEATURES order). */
export function lexicalFeatures(a: Statement, b: Statement, va: Vector, vb: Vector): number[] {
  const soft = softCosine(va, vb);
  let shared = 0;
  for (const e of a.entities) if (b.entities.has(e)) shared++;
  const unshared = a.entities.size + b.entities.size - 2 * shared;
  const lead = (s: Statement) => s.position < LEAD_POSITIONS;
  const pa = parts(a);
  const pb = parts(b);
  const values = valueAgreement(a, b);
  const byName: Record<LexicalFeatureName, number> = {
    cosine: cosine(va, vb),
    softCosine: soft.sim,
    sharedWords: Math.min(soft.sharedWords, 5) / 5,
    sharesName: shared > 0 ? 1 : 0,
    sharedNames: Math.min(shared, 3) / 3,
    unsharedNames: Math.min(unshared, 4) / 4,
    coveredMore: Math.max(soft.coveredA, soft.coveredB),
    coveredLess: Math.min(soft.coveredA, soft.coveredB),
    bothHeadlines: a.headline && b.headline ? 1 : 0,
    oneHeadline: a.headline !== b.headline ? 1 : 0,
    bothLeads: lead(a) && lead(b) ? 1 : 0,
    oneLead: lead(a) !== lead(b) ? 1 : 0,
    lengthRatio: Math.min(1, Math.abs(Math.log((pa.words + 1) / (pb.words + 1))) / 2),
    predicate: predicateMatch(pa, pb),
    ...subjectAgreement(pa, pb),
    sameValue: values.same ? 1 : 0,
    otherValue: values.other ? 1 : 0,
  };
  return LEXICAL_FEATURES.map((name) => byName[name]);
}

function verbs(s: Statement): string[] {
  const out: string[] = [];
  for (const t of s.tokens) {
    if (t.pos !== 'VERB') continue;
    const term = contentTerm(t);
    if (term) out.push(term);
  }
  return out;
}

/**
 * How near a verb of one sentence comes to a word of the other ("voted to expel" / "calls for the
 * expulsion"), the better of the two directions.
 */
function predicateMatch(a: SentenceParts, b: SentenceParts): number {
  let best = 0;
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const x of from.verbs) for (const y of to.plainTerms) best = Math.max(best, relatedness(x, y));
  }
  return best;
}

/**
 * A sentence's subject and main verb, as a reader finds them in a news sentence or headline: the
 * first content verb, and the content words and names before it ("Senate passes …" / "House
 * passes …": the same verb, other subjects).
 */
function subjectAndVerb(s: Statement): { subject: string[]; verb: string | null } {
  const subject: string[] = [];
  let m = 0;
  for (const t of s.tokens) {
    if (t.pos === 'VERB') {
      const term = contentTerm(t);
      if (term) return { subject, verb: term };
    }
    while (m < s.mentions.length && s.mentions[m]!.end <= t.start) m++;
    const mention = s.mentions[m];
    if (mention && t.start >= mention.start && t.end <= mention.end) {
      if (!subject.includes(`@${mention.entity}`)) subject.push(`@${mention.entity}`);
      continue;
    }
    const term = contentTerm(t);
    if (term && (t.pos === 'NOUN' || t.pos === 'PROPN') && s.terms.has(term)) subject.push(term);
  }
  return { subject, verb: null };
}

function subjectAgreement(x: SentenceParts, y: SentenceParts): { sameSubject: number; otherSubject: number; sameMainVerb: number } {
  let subject = 0;
  for (const p of x.subject) for (const q of y.subject) subject = Math.max(subject, relatedness(p, q));
  const both = x.subject.length > 0 && y.subject.length > 0;
  return {
    sameSubject: both ? subject : 0,
    otherSubject: both && subject < 0.5 ? 1 : 0,
    sameMainVerb: x.verb && y.verb ? relatedness(x.verb, y.verb) : 0,
  };
}

/** Whether the sentences state one value alike, and whether they state values of one kind that differ. */
function valueAgreement(a: Statement, b: Statement): { same: boolean; other: boolean } {
  let same = false;
  let other = false;
  for (const x of a.values) {
    for (const y of b.values) {
      if (x.kind !== y.kind || x.unit !== y.unit) continue;
      if (x.low === y.low && x.high === y.high) same = true;
      else other = true;
    }
  }
  return { same, other };
}

/** The surface word as the vectors spell it: lower case, straight apostrophe, no possessive. */
function vectorWord(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
}

function vectorRows(s: Statement): Pick<SentenceParts, 'rows' | 'verbRows' | 'subjectRows'> {
  const vectors = wordVectors();
  const rows: SentenceParts['rows'] = [];
  const verbRows: number[] = [];
  const subjectRows: number[] = [];
  let beforeVerb = true;
  const placed = new Map<number, number>();
  for (const t of s.tokens) {
    if (contentTerm(t) === null) continue;
    const verb = t.pos === 'VERB';
    if (verb) beforeVerb = false;
    const row = vectors.row(vectorWord(t.text));
    if (row === undefined) continue;
    let k = placed.get(row);
    if (k === undefined) placed.set(row, (k = rows.push({ row, weight: vectors.weight(row) }) - 1));
    if (verb) verbRows.push(k);
    else if (beforeVerb && (t.pos === 'NOUN' || t.pos === 'PROPN')) subjectRows.push(k);
  }
  return { rows, verbRows, subjectRows };
}

/**
 * VECTOR_FEATURES: how much of each sentence's meaning the other covers, word by word in vector
 * space (each word weighed by how much it says, matched to its nearest word of the other), the
 * better and the worse direction; how near a verb of one comes to a word of the other; how near
 * their subjects. One matrix of word cosines serves all four.
 */
export function vectorFeatures(x: Statement, y: Statement): number[] {
  const a = parts(x);
  const b = parts(y);
  if (!a.rows.length || !b.rows.length) return VECTOR_FEATURES.map(() => 0);
  const vectors = wordVectors();
  const width = b.rows.length;
  const near = new Float64Array(a.rows.length * width);
  const bestOfA = new Float64Array(a.rows.length);
  const bestOfB = new Float64Array(width);
  for (let i = 0; i < a.rows.length; i++) {
    for (let j = 0; j < width; j++) {
      const c = Math.max(0, vectors.cosine(a.rows[i]!.row, b.rows[j]!.row));
      near[i * width + j] = c;
      if (c > bestOfA[i]!) bestOfA[i] = c;
      if (c > bestOfB[j]!) bestOfB[j] = c;
    }
  }
  const covered = (rows: SentenceParts['rows'], best: Float64Array) => {
    let sum = 0;
    let total = 0;
    rows.forEach(({ weight }, k) => {
      sum += weight * best[k]!;
      total += weight;
    });
    return total > 0 ? sum / total : 0;
  };
  const ab = covered(a.rows, bestOfA);
  const ba = covered(b.rows, bestOfB);
  let predicate = 0;
  for (const i of a.verbRows) predicate = Math.max(predicate, bestOfA[i]!);
  for (const j of b.verbRows) predicate = Math.max(predicate, bestOfB[j]!);
  let subject = 0;
  for (const i of a.subjectRows) for (const j of b.subjectRows) subject = Math.max(subject, near[i * width + j]!);
  const global = globalOverlap(x, y);
  const byName: Record<(typeof VECTOR_FEATURES)[number], number> = {
    ...global,
    vectorCoveredMore: Math.max(ab, ba),
    vectorCoveredLess: Math.min(ab, ba),
    vectorPredicate: predicate,
    vectorSubject: subject,
  };
  return VECTOR_FEATURES.map((name) => byName[name]);
}

/**
 * The words two sentences share, each weighed by how rare it is in English at large (its rank in
 * the vectors' frequency list) rather than in the bundle: in three short reports of one event the
 * event's own words are in every sentence, and the bundle's IDF takes them for noise.
 */
function globalOverlap(a: Statement, b: Statement): { globalCosine: number; globalContained: number } {
  const vectors = wordVectors();
  const weight = (term: string) => {
    if (term.startsWith('@')) return 1;
    const row = vectors.row(term);
    return row === undefined ? 1 : vectors.weight(row);
  };
  let shared = 0;
  let sharedSquares = 0;
  let totalA = 0;
  let totalB = 0;
  let squaresA = 0;
  let squaresB = 0;
  for (const term of a.terms.keys()) {
    if (term.startsWith('#')) continue;
    const w = weight(term);
    totalA += w;
    squaresA += w * w;
    if (b.terms.has(term)) {
      shared += w;
      sharedSquares += w * w;
    }
  }
  for (const term of b.terms.keys()) {
    if (term.startsWith('#')) continue;
    const w = weight(term);
    totalB += w;
    squaresB += w * w;
  }
  const smaller = Math.min(totalA, totalB);
  return {
    globalCosine: squaresA > 0 && squaresB > 0 ? sharedSquares / Math.sqrt(squaresA * squaresB) : 0,
    globalContained: smaller > 0 ? shared / smaller : 0,
  };
}
