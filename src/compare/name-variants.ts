// One person's name spelt differently by different outlets (or twice by one document): "Xi
// Jinping" and "Xi Jingping". Only full names count (a surname alone says nothing about the
// given name), case is not a spelling (a transcript label "ANTONY BLINKEN" is "Antony Blinken"),
// and a fuller or shorter form ("Joe Biden", "Joseph R. Biden") is not a misspelling: two spellings
// disagree only when they have the same parts and one part is a typo of the other, or the name
// is romanised two ways (name-match.ts's tests, the ones that joined them into one person), or
// differs only by accents.
import type { CleanDocument, Entity, FoundDisagreement, FoundVariant, Mention, Span } from '../schema.ts';
import { outletLabel } from '../clean/outlet-label.ts';
import { misspelling, nameKey, transliteration } from '../analyse/name-match.ts';
import { DisjointSets } from '../util/disjoint-sets.ts';
import { pushTo } from '../util/multimap.ts';
import { lowerBound } from '../util/search.ts';

interface Printing {
  span: Span;
  text: string;
  parts: string[];
  docOrder: number;
}

export function nameVariants(documents: CleanDocument[], entities: Entity[]): FoundDisagreement[] {
  const docs = new Map(documents.map((d, i) => [d.id, { doc: d, order: i }]));
  const out: FoundDisagreement[] = [];
  for (const entity of entities) {
    if (entity.type !== 'person') continue;
    const bySpelling = new Map<string, Printing[]>();
    for (const m of entity.mentions) {
      const p = fullName(m, docs.get(m.doc)?.order);
      if (p) pushTo(bySpelling, spellingKey(p.parts), p);
    }
    for (const spellings of variantClusters(bySpelling)) {
      const d = disagreement(entity, spellings, docs);
      out.push({ ...d, id: `name-${out.length + 1}` });
    }
  }
  return out;
}

/** A mention that prints a full name (two or more name words), possessive dropped from span and text. */
function fullName(m: Mention, docOrder: number | undefined): Printing | null {
  if (docOrder === undefined) return null;
  const possessive = /['\u2019](?:s)?$/i.exec(m.text)?.[0].length ?? 0;
  const text = m.text.slice(0, m.text.length - possessive).trim();
  const parts = text.split(/\s+/).filter(Boolean);
  // Initials ("R.") are kept for the comparison but are not name words.
  if (parts.filter((p) => !/^\p{L}\.?$/u.test(p)).length < 2) return null;
  return { span: { doc: m.doc, start: m.start, end: m.start + text.length }, text, parts, docOrder };
}

/** How two printings of one spelling compare: case, periods and apostrophe shapes aside. */
function spellingKey(parts: string[]): string {
  return parts
    .map((p) =>
      p
        .toLowerCase()
        .replace(/\./g, '')
        .replace(/\u2019/g, "'"),
    )
    .join(' ');
}

/** Spellings joined when one is a misspelling (or an accent-folded twin) of another; clusters of two or more. */
function variantClusters(bySpelling: Map<string, Printing[]>): Printing[][][] {
  const spellings = [...bySpelling.values()];
  const clusters = new DisjointSets(spellings.length);
  for (let i = 0; i < spellings.length; i++) {
    for (let j = i + 1; j < spellings.length; j++) {
      const a = spellings[i]![0]!.parts;
      const b = spellings[j]![0]!.parts;
      if (a.length === b.length && (nameKey(a) === nameKey(b) || misspelling(a, b) || transliteration(a, b))) clusters.union(i, j);
    }
  }
  return clusters
    .groups()
    .filter((g) => g.length > 1)
    .map((g) => g.map((i) => spellings[i]!));
}

function disagreement(entity: Entity, spellings: Printing[][], docs: Map<string, { doc: CleanDocument; order: number }>): FoundDisagreement {
  const outletOf = (span: Span) => {
    const at = docs.get(span.doc);
    return at ? outletLabel(at.doc) : span.doc;
  };
  const variants = spellings
    .map((list) => list.sort(byReadingOrder))
    .map((list) => ({ list, outlets: [...new Set(list.map((p) => outletOf(p.span)))] }))
    .sort((a, b) => b.outlets.length - a.outlets.length || b.list.length - a.list.length || byReadingOrder(a.list[0]!, b.list[0]!));
  const result: FoundVariant[] = variants.map(({ list, outlets }) => ({
    // A transcript's all-capitals speaker label shows the spelling, not how the name is written.
    value: (list.find((p) => p.text !== p.text.toUpperCase()) ?? list[0]!).text,
    normalized: null,
    support: list.map((p) => p.span),
    outlets,
  }));
  const docsPerVariant = variants.map(({ list }) => new Set(list.map((p) => p.span.doc)));
  const withinDocument = docsPerVariant.some((a, i) => docsPerVariant.some((b, j) => j > i && [...a].some((d) => b.has(d))));
  const context = new Map<string, Span>();
  for (const p of variants.flatMap(({ list }) => list).sort(byReadingOrder)) {
    const s = sentenceAround(docs.get(p.span.doc)!.doc, p.span);
    context.set(`${s.doc}:${s.start}:${s.end}`, s);
  }
  return { about: `spelling of ${entity.name}`, kind: 'name', fact: null, withinDocument, context: [...context.values()], variants: result };
}

/** The sentence a mention is read in; the mention itself where it is in none (a transcript label). */
function sentenceAround(doc: CleanDocument, span: Span): Span {
  const i = lowerBound(doc.sentences.length, (k) => doc.sentences[k]!.start <= span.start) - 1;
  const s = doc.sentences[i];
  return s && s.end >= span.end ? s : span;
}

function byReadingOrder(a: Printing, b: Printing): number {
  return a.docOrder - b.docOrder || a.span.start - b.span.start;
}
