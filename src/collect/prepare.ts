// One input → what the store keeps about it and what clustering needs: content hash, document id,
// title/outlet/date, and the features of the cleaned article (page chrome left out).
import { createHash } from 'node:crypto';
import type { RawInput } from '../ingest/raw-input.ts';
import { siteName } from '../clean/site-name.ts';
import { cleanParts, documentId, documentIdOfHash } from '../clean/index.ts';
import { recordOf, scanFeaturesForStore, type CountedKeys } from '../stories/features.ts';
import type { KeyCounts } from '../stories/hashed-features.ts';
import type { FilingFeatures } from './story-index.ts';

export interface PreparedArticle {
  input: RawInput;
  hash: string;
  docId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** The features as the store keeps them. */
  featuresJson: string;
  /** The same, as filing reads them (hashed for the clusterer: no JSON to parse where it runs). */
  filing: FilingFeatures;
}

export function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * What preparing takes from where an input came from: with no page address among its hints, the
 * site of a web address it was read from names the outlet when nothing else does (cleanParts).
 * Preparing depends on the content, the format, the hints and this alone.
 */
export function addressSite(input: RawInput): string | null {
  return input.hints.url || !/^https?:\/\//i.test(input.source) ? null : siteName(input.source);
}

const TITLE_FALLBACK_CHARS = 120;

/** The first line's opening words for a title: cut at a word, with an ellipsis when cut. */
export function openingWords(line: string): string | null {
  const text = line.trim();
  if (!text) return null;
  if (text.length <= TITLE_FALLBACK_CHARS) return text;
  const head = text.slice(0, TITLE_FALLBACK_CHARS + 1);
  // One word longer than the limit is cut where the limit falls.
  const cut = /\s/.test(head) ? head.replace(/\s+\S*$/, '').replace(/[\s,;:–—-]+$/, '') : text.slice(0, TITLE_FALLBACK_CHARS);
  return `${cut}…`;
}

export function prepareArticle(input: RawInput, hash = contentHash(input.content)): PreparedArticle {
  const { original, cleaning } = cleanParts(input);
  const body = cleaning.paragraphs.map((p) => original.slice(p.start, p.end)).join('\n\n');
  const meta = cleaning.meta;
  // Without a title line, the story list shows the article's opening words.
  const title = meta.title ?? openingWords(body.split('\n', 1)[0]!);
  const { terms, names, sketch, json } = scanFeaturesForStore(body, meta.title);
  return {
    input,
    hash,
    // A text input's original is its content, whose hash is the content hash: no second SHA-256.
    docId: original === input.content ? documentIdOfHash(hash) : documentId(original),
    title,
    outlet: meta.outlet,
    published: meta.published,
    featuresJson: json,
    filing: { hashed: { terms, names: keyCounts(names) }, sketch, names: () => recordOf(names) },
  };
}

function keyCounts(counted: CountedKeys): KeyCounts {
  return { hashes: new Int32Array(counted.hashes), counts: new Int32Array(counted.counts) };
}
