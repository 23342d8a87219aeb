// The compare stage: across the documents of one event, what is reported by several outlets
// (facts), by one only (single-source facts), and where they disagree (values, quotes, names).
import type { CleanDocument, Disagreement, Entity, Fact, FoundDisagreement, Message, Quote, Severity, Span } from '../schema.ts';
import type { DocumentAnalysis } from '../analyse/index.ts';
import { outletLabel } from '../clean/outlet-label.ts';
import { alignStatements, DEFAULT_ALIGN, type AlignOptions } from './align.ts';
import { buildFacts } from './facts.ts';
import { centroid, TermWeights, type Vector } from './similarity.ts';
import { findSentences, type Statement } from './statements.ts';
import { syndicationGroups } from './syndication.ts';
import { valueDisagreements } from './value-disagreements.ts';
import { inferReferenceDate } from './values/index.ts';
import { quoteVariants } from './quote-variants.ts';
import { nameVariants } from './name-variants.ts';

export interface CompareInput {
  documents: readonly CleanDocument[];
  /** Per document, in the same order. */
  analyses: readonly DocumentAnalysis[];
  entities: readonly Entity[];
  quotes: readonly Quote[];
}

export interface CompareOptions {
  /** Alignment settings (defaults: DEFAULT_ALIGN); evaluations compare TF-IDF alone with the lexicon. */
  align?: Partial<AlignOptions>;
}

export interface Comparison {
  facts: Fact[];
  disagreements: Disagreement[];
  statements: Statement[];
  /** Limits the bundle reached (the reader should know what was not compared). */
  messages: Message[];
}

/** The bundle's claim units and their TF-IDF vectors (what alignment compares), and its quotes' spans. */
export function bundleStatements(input: CompareInput): { statements: Statement[]; minor: Statement[]; vectors: Vector[]; quoteSpans: Span[] } {
  const { documents, entities, quotes } = input;
  const references = documentDates(documents);
  const quoteSpans = quotes.filter((q) => q.kind !== 'turn').map((q) => q.span);
  const { statements, minor } = findSentences(
    documents.map((doc, i) => ({ doc, analysis: input.analyses[i]!, outlet: outletLabel(doc), reference: references[i] ?? null })),
    [...entities],
    quoteSpans,
  );
  const weights = new TermWeights(statements.map((s) => s.terms));
  return { statements, minor, vectors: statements.map((s) => weights.vector(s.terms)), quoteSpans };
}

export function compare(input: CompareInput, options: CompareOptions = {}): Comparison {
  const { documents, entities, quotes } = input;
  const messages: Message[] = [];
  const { statements, minor, quoteSpans, facts, factOf } = alignedFacts(input, options, messages);
  const found = [
    ...valueDisagreements({ statements: [...statements, ...minor], factOf, factIds: facts.map((f) => f.id), entities, quoteSpans, onLimit: (m) => messages.push(m) }),
    ...quoteVariants([...documents], [...entities], [...quotes]),
    ...nameVariants([...documents], [...entities]),
  ];
  const disagreements = rankDisagreements(found, documents);
  return { facts, disagreements, statements, messages };
}

/**
 * The bundle's statements aligned into facts, and each statement's fact. The TF-IDF vectors and
 * the alignment's similarities stay in here: nothing after the facts reads them (a Map per
 * sentence, tens of MB for a 20 MB report), so the value comparison does not share the heap with them.
 */
function alignedFacts(input: CompareInput, options: CompareOptions, messages: Message[]) {
  const { statements, minor, vectors, quoteSpans } = bundleStatements(input);
  const alignment = alignStatements(statements, vectors, { ...DEFAULT_ALIGN, ...options.align });
  if (alignment.lexicalOnly) messages.push({ rule: 'alignment-large-bundle', severity: 'info', reason: alignment.lexicalOnly });
  const facts = buildFacts({ statements, vectors, groups: alignment.groups, similarity: alignment.similarity, sourceOf: sourcesOf(input.documents), centre: centroid(vectors) });

  const factOf: number[] = [];
  alignment.groups.forEach((group, g) => group.forEach((i) => (factOf[i] = g)));
  // A short sentence is a fact of its own: its values are compared by their frames alone.
  for (const s of minor) factOf[s.index] = alignment.groups.length + s.index;
  return { statements, minor, quoteSpans, facts, factOf };
}

/**
 * Each document's syndication group. A lone document is a group of its own without its word
 * 8-grams being collected (millions of strings for a 20 MB report, with nothing to compare them with).
 */
function sourcesOf(documents: readonly CleanDocument[]): Map<string, number> {
  const sourceOf = new Map<string, number>();
  const groups = documents.length < 2 ? documents.map((d) => [d.id]) : syndicationGroups(documents);
  groups.forEach((group, g) => group.forEach((doc) => sourceOf.set(doc, g)));
  return sourceOf;
}

const SEVERITY_ORDER: readonly Severity[] = ['contradiction', 'update', 'wording', 'spelling'];

/** Each disagreement with its severity and each variant's publication time; contradictions first. */
export function rankDisagreements(found: readonly FoundDisagreement[], documents: readonly CleanDocument[]): Disagreement[] {
  const publishedOf = new Map(documents.map((d) => [d.id, d.published]));
  return found
    .map((d) => {
      const variants = d.variants.map((v) => ({ ...v, published: earliest(v.support.map((s) => publishedOf.get(s.doc) ?? null)) }));
      return { ...d, id: '', severity: severityOf(d, d.variants, publishedOf), variants };
    })
    .map((d, i) => ({ d, i }))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.d.severity) - SEVERITY_ORDER.indexOf(b.d.severity) || a.i - b.i)
    .map(({ d }, i) => ({ ...d, id: `disagreement-${i + 1}` }));
}

/**
 * Quotes are worded differently, names spelt differently. Counts that grow with publication time,
 * every report of one count published before every report of the next and no report stating two
 * of them, are a story developing (a toll rising): an update. A report that still gives the old
 * count after another gave the new one disputes it: anything else cannot all be true.
 */
function severityOf(
  d: FoundDisagreement,
  variants: { normalized: FoundDisagreement['variants'][number]['normalized']; support: readonly Span[] }[],
  publishedOf: Map<string, string | null>,
): Severity {
  if (d.kind === 'quote') return 'wording';
  if (d.kind === 'name') return 'spelling';
  if (d.kind !== 'number' || d.withinDocument) return 'contradiction';
  const timed = variants.map((v) => {
    const times = v.support.map((s) => Date.parse(publishedOf.get(s.doc) ?? ''));
    return { first: Math.min(...times), last: Math.max(...times), low: v.normalized?.low ?? NaN };
  });
  if (timed.some((t) => Number.isNaN(t.first) || Number.isNaN(t.last) || Number.isNaN(t.low))) return 'contradiction';
  timed.sort((a, b) => a.first - b.first);
  const rising = timed.every((t, k) => k === 0 || (t.first > timed[k - 1]!.last && t.low > timed[k - 1]!.low));
  return rising ? 'update' : 'contradiction';
}

function earliest(dates: (string | null)[]): string | null {
  const known = dates.filter((d): d is string => d !== null && !Number.isNaN(Date.parse(d)));
  return known.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
}

/** Each document's date; a document that states none takes the one most of the others state. */
function documentDates(documents: readonly CleanDocument[]): (string | null)[] {
  const own = documents.map((d) => inferReferenceDate(d.original, d.published));
  const counts = new Map<string, number>();
  for (const date of own) if (date) counts.set(date, (counts.get(date) ?? 0) + 1);
  const shared = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  return own.map((date) => date ?? shared);
}
