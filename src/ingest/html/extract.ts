// HTML page → visible text + main-content spans + metadata.
import type { DocumentMeta, RemovedKind } from '../../schema.ts';
import { groupIntoBlocks } from './blocks.ts';
import { parseDocument } from './dom.ts';
import { extractMetadata } from './metadata.ts';
import { runReadability } from './readability-run.ts';
import { removedSpans } from './removed.ts';
import { segmentFlags } from './segment-flags.ts';
import { visibleText } from './visible-text.ts';

export interface OffsetRange {
  start: number;
  end: number;
}

export interface HtmlExtraction {
  /** The page's visible text in document order; block elements end with "\n". */
  original: string;
  /** Main-content blocks (paragraphs, headings, list items) as offsets into `original`. */
  blocks: OffsetRange[];
  /** Visible text outside the main content, with why it was left out. */
  removed: (OffsetRange & { kind: RemovedKind; reason: string })[];
  /** Metadata from JSON-LD NewsArticle, Open Graph, <meta> tags and <title>. */
  meta: Partial<DocumentMeta>;
  /** How the main content was found: Readability, or a fallback and why. */
  method?: 'readability' | 'fallback' | 'none';
  /** Notes a person may want when the result looks wrong (fallbacks taken, failures). */
  notes?: string[];
}

export function extractHtml(html: string, opts: { url?: string } = {}): HtmlExtraction {
  const notes: string[] = [];
  const doc = parseDocument(html);
  const meta = extractMetadata(doc, opts.url);
  const root = doc.documentElement;
  const vt = visibleText(root ?? doc.createElement('html'));
  const { original, segments } = vt;
  const flags = segmentFlags(segments, vt.regions);

  const result = runReadability(doc, vt);
  if (result.failure) notes.push(result.failure);
  const blocks = groupIntoBlocks(original, segments, result.kept);
  const kept = blocks.map(({ start, end }) => ({ start, end }));
  const removed = removedSpans(original, segments, flags, kept, []);
  return { original, blocks: kept, removed, meta, method: result.failure ? 'none' : 'readability', notes };
}
