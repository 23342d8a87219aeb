// HTML page → visible text + main-content spans + metadata.
import type { DocumentMeta } from '../../schema.ts';
import { groupIntoBlocks, type Block } from './blocks.ts';
import { judgeBlock, type BlockView } from './content-filters.ts';
import { Hint } from './hints.ts';
import { parseDocument } from './dom.ts';
import { extractMetadata } from './metadata.ts';
import { bylineLine } from './byline.ts';
import { chooseContent, type ContentMethod } from './choose-content.ts';
import { runReadability } from './readability-run.ts';
import { removedSpans } from './removed.ts';
import type { OffsetRange, RemovedRange } from '../../text/ranges.ts';
import { segmentFlags } from './segment-flags.ts';
import { visibleText, type TextSegment } from './visible-text.ts';

export type { OffsetRange } from '../../text/ranges.ts';

export interface HtmlExtraction {
  /** The page's visible text in document order; block elements end with "\n". */
  original: string;
  /** Main-content blocks (paragraphs, headings, list items) as offsets into `original`. */
  blocks: OffsetRange[];
  /** Visible text outside the main content, with why it was left out. */
  removed: RemovedRange[];
  /** Metadata from JSON-LD NewsArticle, Open Graph, <meta> tags and <title>. */
  meta: Partial<DocumentMeta>;
  /** How the main content was found: Readability, or a fallback and why. */
  method?: ContentMethod;
  /** Notes a person may want when the result looks wrong (fallbacks taken, failures). */
  notes?: string[];
}

/** Hint regions longer than this share of the article's text are too broad to judge a block by. */
const LOCAL_REGION_SHARE = 0.5;
/** …but a region this small always counts (short articles). */
const LOCAL_REGION_MIN_CHARS = 600;

export interface ExtractOptions {
  url?: string;
  /** Content-filter rules to switch off, by name (for evaluation and debugging). */
  disableRules?: string[];
}

function normaliseForCompare(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Features of each block that the content filters judge it by. */
function blockViews(original: string, segments: TextSegment[], blocks: Block[], local: Uint32Array, all: Uint32Array, title: string | null): BlockView[] {
  const titleKey = title ? normaliseForCompare(title) : null;
  return blocks.map((b) => {
    let flags = ~0;
    let chars = 0;
    let linkChars = 0;
    for (const i of b.segs) {
      const seg = segments[i]!;
      flags &= local[i]!;
      chars += seg.end - seg.start;
      if (all[i]! & Hint.LINK) linkChars += seg.end - seg.start;
    }
    const text = original.slice(b.start, b.end).trim();
    return {
      text,
      words: text.split(/\s+/).filter(Boolean).length,
      flags: b.segs.length ? flags >>> 0 : 0,
      linkShare: chars ? linkChars / chars : 0,
      isTitle: titleKey !== null && normaliseForCompare(text) === titleKey,
    };
  });
}

export function extractHtml(html: string, opts: ExtractOptions = {}): HtmlExtraction {
  const notes: string[] = [];
  const doc = parseDocument(html);
  const meta = extractMetadata(doc, opts.url);
  const root = doc.documentElement;
  const vt = visibleText(root ?? doc.createElement('html'));
  const { original, segments } = vt;
  // No author in the metadata or the markup: a "By …" line the page prints.
  meta.byline ??= bylineLine(original);
  const allFlags = segmentFlags(segments, vt.regions);

  const result = runReadability(doc, vt);
  const { segs: keptSegs, method, note } = chooseContent(vt, allFlags, result);
  if (note) notes.push(note);
  const candidates = groupIntoBlocks(original, segments, keptSegs);
  const keptChars = candidates.reduce((n, b) => n + b.end - b.start, 0);
  const localFlags = segmentFlags(segments, vt.regions, Math.max(LOCAL_REGION_MIN_CHARS, keptChars * LOCAL_REGION_SHARE));
  const views = blockViews(original, segments, candidates, localFlags, allFlags, meta.title ?? null);
  const skip = new Set(opts.disableRules ?? []);

  const kept: OffsetRange[] = [];
  const dropped: RemovedRange[] = [];
  candidates.forEach((b, i) => {
    const verdict = judgeBlock(views[i]!, skip);
    if (verdict) dropped.push({ start: b.start, end: b.end, kind: verdict.kind, reason: verdict.reason });
    else kept.push({ start: b.start, end: b.end });
  });
  if (kept.length === 0) {
    notes.push(candidates.length ? 'every candidate block was filtered out as page furniture' : 'no main content found');
  }
  const removed = removedSpans(original, segments, allFlags, kept, dropped);
  return { original, blocks: kept, removed, meta, method, notes };
}
