// One raw input → one cleaned document with spans: the `corroborate clean` stage.
import { createHash } from 'node:crypto';
import { cleanText, type TextCleaning } from './clean-text.ts';
import { applyHints, emptyMeta } from './metadata.ts';
import { siteName } from './site-name.ts';
import { extractHtml } from './html/extract.ts';
import { toIsoDate } from './html/metadata.ts';
import type { RawInput } from '../ingest/raw-input.ts';
import type { CleanDocument, Message, Span } from '../schema.ts';
import type { OffsetRange as Range } from '../text/ranges.ts';
import { holdReadings, type HeldReadings } from '../text/nlp.ts';
import { sentencesIn } from '../text/sentences.ts';

/** A stable id from the content, so the same report gets the same id in every run. */
export function documentId(original: string): string {
  return documentIdOfHash(createHash('sha256').update(original).digest('hex'));
}

/** The same id from the text's SHA-256 in hex, for a caller that has hashed it already. */
export function documentIdOfHash(sha256Hex: string): string {
  return 'doc-' + sha256Hex.slice(0, 10);
}

/** What the spans index into and which of it is the article, without the sentence split (cheap). */
export function cleanParts(input: RawInput): { original: string; cleaning: TextCleaning } {
  const parts = input.format === 'html' ? cleanHtmlInput(input) : { original: input.content, cleaning: cleanText(input.content, input.hints) };
  const { meta, notes } = parts.cleaning;
  // A supplied date that is no date ("\"><script>", "soon") is dropped, and said so.
  if (meta.published && toIsoDate(meta.published) === null) {
    notes.push(`published ${JSON.stringify(meta.published.slice(0, 60))} is not a date: left out`);
    meta.published = null;
  }
  // Nothing names the outlet: the page's address still tells its site.
  if (!meta.outlet) {
    const url = meta.url ?? (/^https?:\/\//i.test(input.source) ? input.source : null);
    const site = siteName(url);
    if (site) {
      meta.outlet = site;
      notes.push(`outlet from the address ${url}`);
    }
  }
  return parts;
}

/** `forAnalysis: false`: nothing will analyse the document; wink's readings are not held for it. */
export function cleanDocument(input: RawInput, { forAnalysis = true } = {}): CleanDocument {
  const { original, cleaning } = cleanParts(input);
  const id = documentId(original);
  const span = (r: Range): Span => ({ doc: id, start: r.start, end: r.end });

  const turnByStart = new Map(cleaning.turns.map((t) => [t.label.start, t]));
  const sentences: Span[] = [];
  // wink's readings of the paragraphs, for the analysis of this document (see HeldReadings).
  const held: HeldReadings | undefined = forAnalysis ? new Map() : undefined;
  for (const p of cleaning.paragraphs) {
    // A transcript turn's sentences start after its "NAME:" label.
    const turn = turnByStart.get(p.start);
    const from = turn ? turn.span.start : p.start;
    for (const s of sentencesIn(original, from, p.end, held)) sentences.push(span(s));
  }
  const body = cleaning.paragraphs.map(span);
  const messages: Message[] = cleaning.notes.map((reason) => ({ rule: 'metadata-source', reason, severity: 'info' }));
  // Bytes that were not what they claimed: the reader should know the text may differ from the file.
  if (input.encoding && /replaced|not valid|declared/.test(input.encoding)) messages.push({ rule: 'encoding', reason: `decoded as ${input.encoding}`, severity: 'warning' });
  if (cleaning.removed.length) messages.push({ rule: 'chrome-removed', reason: `${cleaning.removed.length} region(s) of page chrome removed`, severity: 'info' });
  if (!body.length) messages.push({ rule: 'no-article-text', reason: 'no article text found after cleaning', severity: 'warning' });

  const meta = cleaning.meta;
  const doc: CleanDocument = {
    id,
    source: input.source,
    format: input.format,
    outlet: meta.outlet,
    title: meta.title,
    byline: meta.byline,
    published: meta.published,
    meta,
    original,
    text: cleaning.paragraphs.map((p) => original.slice(p.start, p.end)).join('\n\n'),
    body,
    removed: cleaning.removed.map((r) => ({ ...span(r), kind: r.kind, reason: r.reason })),
    sentences,
    ...(cleaning.turns.length ? { turns: cleaning.turns.map((t) => ({ speaker: t.speaker, role: t.role, label: span(t.label), span: span(t.span) })) } : {}),
    messages,
  };
  if (held) holdReadings(doc, held);
  return doc;
}

function cleanHtmlInput(input: RawInput): { original: string; cleaning: TextCleaning } {
  const page = extractHtml(input.content, input.hints.url ? { url: input.hints.url } : {});
  const meta = applyHints(applyHints(emptyMeta(), page.meta), input.hints);
  return {
    original: page.original,
    cleaning: { paragraphs: page.blocks, removed: page.removed, turns: [], meta, notes: [] },
  };
}
