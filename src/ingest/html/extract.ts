// CONTRACT (implementation pending): HTML page → visible text + main-content spans + metadata.
import type { DocumentMeta, RemovedKind } from '../../schema.ts';

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
}

export function extractHtml(_html: string, _opts: { url?: string } = {}): HtmlExtraction {
  throw new Error('not implemented');
}
