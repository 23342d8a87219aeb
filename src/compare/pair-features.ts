// What two sentences from two outlets have in common, as numbers a learned model weighs into "the
// same fact": shared and related words, shared names, how much of each the other covers, whether
// they are headlines or leads, their predicates, their values. Each feature lies in [0, 1].
import { relatedness } from './lexicon/relatedness.ts';
import { cosine, softCosine, type Vector } from './similarity.ts';
import type { Statement } from './statements.ts';
import { contentTerm } from './statements.ts';

export const PAIR_FEATURES = [
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

export type PairFeatureName = (typeof PAIR_FEATURES)[number];

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
    };
    partsOf.set(s, found);
  }
  return found;
}

export function pairFeatures(a: Statement, b: Statement, va: Vector, vb: Vector): number[] {
  const soft = softCosine(va, vb);
  let shared = 0;
  for (const e of a.entities) if (b.entities.has(e)) shared++;
  const unshared = a.entities.size + b.entities.size - 2 * shared;
  const lead = (s: Statement) => s.position < LEAD_POSITIONS;
  const pa = parts(a);
  const pb = parts(b);
  const values = valueAgreement(a, b);
  const byName: Record<PairFeatureName, number> = {
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
  return PAIR_FEATURES.map((name) => byName[name]);
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
  for (const [from, to] of [[a, b], [b, a]] as const) {
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
