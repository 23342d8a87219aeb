// The compare stage: across the documents of one event, what is reported by several outlets
// (facts), by one only (single-source facts), and where they disagree (values, quotes, names).
import type { CleanDocument, Disagreement, Entity, Fact, Quote } from '../schema.ts';
import type { DocumentAnalysis } from '../analyse/index.ts';
import { outletLabel } from '../brief/people.ts';
import { alignStatements } from './align.ts';
import { buildFacts } from './facts.ts';
import { centroid, TermWeights } from './similarity.ts';
import { findStatements, type Statement } from './statements.ts';
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

export interface Comparison {
  facts: Fact[];
  disagreements: Disagreement[];
  statements: Statement[];
}

export function compare(input: CompareInput): Comparison {
  const { documents, entities, quotes } = input;
  const references = documentDates(documents);
  const quoteSpans = quotes.filter((q) => q.kind !== 'turn').map((q) => q.span);
  const statements = findStatements(
    documents.map((doc, i) => ({ doc, analysis: input.analyses[i]!, outlet: outletLabel(doc), reference: references[i] ?? null })),
    [...entities],
    quoteSpans,
  );
  const weights = new TermWeights(statements.map((s) => s.terms));
  const vectors = statements.map((s) => weights.vector(s.terms));
  const alignment = alignStatements(statements, vectors);
  const sourceOf = new Map<string, number>();
  syndicationGroups(documents).forEach((group, g) => group.forEach((doc) => sourceOf.set(doc, g)));
  const facts = buildFacts({ statements, vectors, groups: alignment.groups, similarity: alignment.similarity, sourceOf, centre: centroid(vectors) });

  const factOf: number[] = [];
  alignment.groups.forEach((group, g) => group.forEach((i) => (factOf[i] = g)));
  const disagreements = [
    ...valueDisagreements({ statements, factOf, factIds: facts.map((f) => f.id), entities, quoteSpans }),
    ...quoteVariants([...documents], [...entities], [...quotes]),
    ...nameVariants([...documents], [...entities]),
  ].map((d, i) => ({ ...d, id: `disagreement-${i + 1}` }));
  return { facts, disagreements, statements };
}

/** Each document's date; a document that states none takes the one most of the others state. */
function documentDates(documents: readonly CleanDocument[]): (string | null)[] {
  const own = documents.map((d) => inferReferenceDate(d.original, d.published));
  const counts = new Map<string, number>();
  for (const date of own) if (date) counts.set(date, (counts.get(date) ?? 0) + 1);
  const shared = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  return own.map((date) => date ?? shared);
}
