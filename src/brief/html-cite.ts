// Citation chips of the HTML report: a button per cited span that the page script opens in the
// source panel. Each document gets a short label ("NPR", "CCD", "Doc 4") so a chip stays small.
import type { CleanDocument, Span } from '../schema.ts';
import { escapeHtml } from './escape.ts';
import { outletLabel } from '../clean/outlet-label.ts';

/** Outlet names this long or shorter are shown whole on a chip; longer ones are abbreviated. */
const MAX_WHOLE_LABEL = 12;
const MINOR_WORDS = new Set(['the', 'of', 'and', 'a', 'an', 'for', 'on', 'in']);

export interface Citer {
  /** The chip of one passage, labelled with its outlet unless `text` is given. */
  cite(span: Span, text?: string): string;
  /** The passage's own words (a cue, a role, a name) as a link to it. */
  link(span: Span, text: string): string;
  /** Chips for several passages, each passage once. */
  cites(spans: Span[]): string;
  /** The short label of a document (or its id when unknown). */
  label(docId: string): string;
  /** The outlet (or file name) of a document, as the reader knows it. */
  name(docId: string): string;
  /** The characters a span covers. */
  passage(span: Span): string;
}

export function makeCiter(documents: CleanDocument[]): Citer {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const labels = shortLabels(documents);
  const label = (docId: string) => labels.get(docId) ?? docId;
  const name = (docId: string) => {
    const doc = docs.get(docId);
    return doc ? outletLabel(doc) : docId;
  };
  const button = (cls: string, span: Span, text: string) => {
    const where = `${name(span.doc)}, characters ${span.start}–${span.end}`;
    // Hovering a chip previews its passage; the label for screen readers stays short.
    const preview = `${where}: “${excerpt(passage(span))}”`;
    return `<button type="button" class="${cls}" data-doc="${escapeHtml(span.doc)}" data-start="${span.start}" data-end="${span.end}" title="${escapeHtml(preview)}" aria-label="${escapeHtml(`${text}: source ${where}`)}">${escapeHtml(text)}</button>`;
  };
  const cite = (span: Span, text?: string) => button('cite', span, text ?? label(span.doc));
  const link = (span: Span, text: string) => button('cite cite-text', span, text);
  const cites = (spans: Span[]) => {
    const seen = new Set<string>();
    const unique = spans.filter((s) => {
      const key = `${s.doc}:${s.start}:${s.end}`;
      return !seen.has(key) && seen.add(key);
    });
    return unique.length ? `<span class="cites">${unique.map((s) => cite(s)).join('')}</span>` : '';
  };
  const passage = (span: Span) => docs.get(span.doc)?.original.slice(span.start, span.end) ?? '';
  return { cite, link, cites, label, name, passage };
}

/** Characters of a passage a chip's preview shows. */
const PREVIEW_CHARS = 160;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= PREVIEW_CHARS ? flat : `${flat.slice(0, PREVIEW_CHARS - 1).replace(/\s\S*$/, '')}…`;
}

/** "Cedar Coast Dispatch" → "CCD", "NPR" → "NPR", no outlet → "Doc 4"; repeats get a number. */
function shortLabels(documents: CleanDocument[]): Map<string, string> {
  const labels = new Map<string, string>();
  const used = new Map<string, number>();
  documents.forEach((doc, index) => {
    let label = shortLabel(doc.outlet?.trim() ?? '', index);
    const count = (used.get(label) ?? 0) + 1;
    used.set(label, count);
    if (count > 1) label = `${label} ${count}`;
    labels.set(doc.id, label);
  });
  return labels;
}

/** A one-word name (a handle, a domain) this long is still shown whole: cutting it loses the name. */
const MAX_WHOLE_WORD = 18;

function shortLabel(printed: string, index: number): string {
  // A social handle is the outlet's name: "@nationalherald" reads as "nationalherald".
  const outlet = printed.replace(/^@(?=\S+$)/, '');
  if (!outlet) return `Doc ${index + 1}`;
  if (outlet.length <= MAX_WHOLE_LABEL) return outlet;
  const words = outlet.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && !MINOR_WORDS.has(w.toLowerCase()));
  if (words.length >= 2)
    return words
      .map((w) => w[0]!.toUpperCase())
      .join('')
      .slice(0, 6);
  if (!/\s/.test(outlet) && outlet.length <= MAX_WHOLE_WORD) return outlet;
  return `${[...outlet].slice(0, MAX_WHOLE_LABEL - 2).join('')}…`;
}
