// Aligned groups of sentences → facts: a representative sentence quoted from one source, every
// supporting sentence, the outlets and independent sources behind it, and when it happened.
import type { Fact, Value } from '../schema.ts';
import type { Statement } from './statements.ts';
import { cosine, type Vector } from './similarity.ts';
import type { FoundValue } from './values/index.ts';

/** Sentences near the top of an article carry its news (inverted pyramid): position's weight. */
const POSITION_HALF_LIFE = 6;
/** A representative sentence longer than this many words is hard to read in a brief. */
const LONG_SENTENCE_WORDS = 55;

export interface FactInput {
  statements: readonly Statement[];
  vectors: readonly Vector[];
  groups: readonly number[][];
  similarity(i: number, j: number): number;
  /** Syndication group of each document id. */
  sourceOf: ReadonlyMap<string, number>;
  /** The bundle's centre: what the reports are mostly about. */
  centre: Vector;
}

export function buildFacts(input: FactInput): Fact[] {
  const { statements } = input;
  return input.groups.map((group, g) => {
    const members = group.map((i) => statements[i]!);
    const representative = pickRepresentative(group, input);
    const rep = statements[representative]!;
    const outlets = [...new Set(members.map((s) => s.outlet))];
    const documents = [...new Set(members.map((s) => s.doc))];
    const sources = new Set(documents.map((d) => input.sourceOf.get(d) ?? d));
    const syndicated = [...groupBy(documents, (d) => input.sourceOf.get(d) ?? d).values()]
      .filter((docs) => docs.length > 1)
      .map((docs) => [...new Set(docs.map((d) => members.find((s) => s.doc === d)!.outlet))]);
    const entities = new Set<string>();
    for (const s of members) for (const e of s.entities) entities.add(e);
    const topical = members.reduce((sum, s) => sum + cosine(input.vectors[s.index]!, input.centre), 0) / members.length;
    const prominence = members.reduce((sum, s) => sum + 0.5 ** (s.position / POSITION_HALF_LIFE), 0) / members.length;
    return {
      id: `fact-${g + 1}`,
      statement: { text: rep.text, citations: [rep.span] },
      support: members.map((s) => s.span),
      outlets,
      documents,
      sources: sources.size,
      syndicated,
      singleSource: sources.size === 1,
      entities: [...entities],
      values: members.flatMap((s) => s.values.map((v) => toValue(s.doc, v))),
      when: whenOf(rep),
      centrality: round(0.6 * topical + 0.4 * prominence),
    };
  });
}

/** The member most like the others; among near-equals, one with less quotation and a readable length. */
function pickRepresentative(group: readonly number[], input: FactInput): number {
  let best = group[0]!;
  let bestScore = -Infinity;
  for (const i of group) {
    const s = input.statements[i]!;
    let sim = 0;
    for (const j of group) if (j !== i) sim += input.similarity(i, j);
    const mean = group.length > 1 ? sim / (group.length - 1) : 0;
    const words = s.tokens.filter((t) => t.pos !== 'PUNCT').length;
    // A headline's wording is the outlet's shorthand: an article sentence reads better in a brief.
    const score = mean - 0.15 * s.quoted - (words > LONG_SENTENCE_WORDS ? 0.1 : 0) - (s.headline ? 0.3 : 0) + 0.02 * 0.5 ** (s.position / POSITION_HALF_LIFE);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

function whenOf(s: Statement): Fact['when'] {
  const day = s.values.find((v) => v.kind === 'date' && v.relation === null && v.date !== null);
  if (!day?.date) return null;
  return { text: day.text, date: day.date.from === day.date.to ? day.date.from : `${day.date.from}/${day.date.to}`, span: { doc: s.doc, start: day.start, end: day.end } };
}

export function toValue(doc: string, v: FoundValue): Value {
  return {
    doc,
    start: v.start,
    end: v.end,
    text: v.text,
    kind: v.kind,
    low: Number.isFinite(v.low) ? v.low : null,
    high: Number.isFinite(v.high) ? v.high : null,
    unit: v.unit,
    qualifier: v.qualifier,
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
