// Everything visible that is not in a kept block, as spans labelled with why it was left out.
import type { RemovedKind } from '../../schema.ts';
import { trimRange, type OffsetRange, type RemovedRange } from '../../text/ranges.ts';
import { Hint } from './hints.ts';
import type { TextSegment } from './visible-text.ts';

/** Kind and reason of a segment outside the article, from the hints of its enclosing elements. */
export function classifyOutside(flags: number): { kind: RemovedKind; reason: string } {
  if (flags & Hint.CAPTION) return { kind: 'caption', reason: 'photo caption or credit outside the article text' };
  if (flags & Hint.SHARE) return { kind: 'share', reason: 'share/follow/newsletter element' };
  if (flags & Hint.TEASER) return { kind: 'teaser', reason: 'related or recommended stories' };
  if (flags & Hint.TITLE) return { kind: 'metadata', reason: 'headline, kept in meta.title' };
  if (flags & Hint.BYLINE) return { kind: 'metadata', reason: 'byline or date line' };
  if (flags & Hint.NAV) return { kind: 'boilerplate', reason: 'navigation' };
  if (flags & Hint.FOOTER) return { kind: 'boilerplate', reason: 'page footer' };
  if (flags & Hint.HEADER) return { kind: 'boilerplate', reason: 'page header' };
  if (flags & Hint.ASIDE) return { kind: 'boilerplate', reason: 'sidebar' };
  if (flags & Hint.AD) return { kind: 'boilerplate', reason: 'advertisement' };
  if (flags & Hint.COMMENTS) return { kind: 'boilerplate', reason: 'comments' };
  if (flags & Hint.CONTROL) return { kind: 'boilerplate', reason: 'form, button or dialog' };
  return { kind: 'boilerplate', reason: 'outside the main content' };
}

/**
 * Spans for segments not covered by `kept` blocks. `dropped` carries the blocks the content
 * filters took out, with their own reasons; everything else is classified by its hints.
 */
export function removedSpans(original: string, segments: TextSegment[], flags: Uint32Array, kept: OffsetRange[], dropped: RemovedRange[]): RemovedRange[] {
  const out: RemovedRange[] = [];
  const covered = [...kept.map((b) => ({ ...b, drop: null as RemovedRange | null })), ...dropped.map((d) => ({ start: d.start, end: d.end, drop: d }))].sort((a, b) => a.start - b.start);
  let c = 0;
  const push = (r: RemovedRange): void => {
    const last = out[out.length - 1];
    // Merge with the previous span when nothing but whitespace separates two of the same kind.
    if (last && last.kind === r.kind && last.reason === r.reason && !original.slice(last.end, r.start).trim()) {
      last.end = Math.max(last.end, r.end);
    } else {
      out.push({ ...r });
    }
  };
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    while (c < covered.length && covered[c]!.end <= seg.start) c++;
    const cov = covered[c];
    // Segments are atomic: one that overlaps a block at all belongs to it (blocks are only
    // trimmed of edge whitespace).
    if (cov && cov.start < seg.end && seg.start < cov.end) {
      if (cov.drop) push(cov.drop);
      continue;
    }
    push({ start: seg.start, end: seg.end, ...classifyOutside(flags[i] ?? 0) });
  }
  // Collapsing leaves characters CSS does not collapse but a span must not start or end with
  // (no-break spaces, vertical tabs, U+2028): trimmed off, and a span of nothing but them dropped.
  return out.map((r) => ({ ...r, ...trimRange(original, r.start, r.end) })).filter((r) => r.end > r.start);
}
