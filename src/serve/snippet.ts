// The words of an article around the first place a search matched, for a result line. Made from
// the stored input without cleaning it again (a result page shows many): an HTML page loses its
// scripts, styles and tags; the text is then only ever shown escaped.
import type { RawInput } from '../ingest/raw-input.ts';
import { decodeLeftoverEntities } from '../clean/html/entities.ts';
import { articleFeatures } from '../stories/features.ts';

/** Characters shown on either side of the first match. */
const RADIUS = 110;
/** How much of a long article is looked through for a match. */
const MAX_SCAN_CHARS = 200_000;

export interface Snippet {
  text: string;
  /** [start, end) of each matching word in `text`. */
  marks: [number, number][];
}

export function plainText(input: Pick<RawInput, 'format' | 'content'>): string {
  let text = input.content.slice(0, MAX_SCAN_CHARS);
  if (input.format === 'html') {
    text = text
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|noscript|template|head|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' ');
    text = decodeLeftoverEntities(text);
  }
  // Web addresses (a source-URL line, links pasted into the text) say nothing a reader looks for.
  return text
    .replace(/(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a printed word has one of these terms (as the index made them). */
function matcher(terms: string[]): (word: string) => boolean {
  const wanted = new Set(terms);
  // A word can only stem to a term that shares its first letters: a cheap test before the real one.
  const starts = new Set(terms.map((t) => t.slice(0, 3)));
  return (word) => {
    const lower = word.toLowerCase();
    if (!starts.has(lower.slice(0, 3))) return false;
    return Object.keys(articleFeatures(word).terms).some((t) => wanted.has(t));
  };
}

const WORD = /[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu;

export function snippet(text: string, terms: string[]): Snippet | null {
  if (!terms.length) return null;
  const matches = matcher(terms);
  let first = -1;
  for (const m of text.matchAll(WORD)) {
    if (matches(m[0])) {
      first = m.index;
      break;
    }
  }
  if (first < 0) return null;
  // Whole words at both ends: start after a space, end before one.
  let start = Math.max(0, first - RADIUS);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, first + RADIUS);
  if (end < text.length) end = text.lastIndexOf(' ', end) > first ? text.lastIndexOf(' ', end) : end;
  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end);
  const marks: [number, number][] = [];
  for (const m of body.matchAll(WORD)) if (matches(m[0])) marks.push([lead.length + m.index, lead.length + m.index + m[0].length]);
  return { text: `${lead}${body}${end < text.length ? '…' : ''}`, marks };
}
