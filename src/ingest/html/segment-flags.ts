// Spreads the hint flags of flagged elements onto the text segments they contain.
import type { HintRegion, TextSegment } from './visible-text.ts';

/** First segment index whose start is >= offset. */
export function firstSegmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Per segment, the union of flags of enclosing regions no longer than `maxChars` of text.
 * Limiting the size keeps a page-wide wrapper (say <div class="post-meta-layout">) from
 * labelling everything inside it.
 */
export function segmentFlags(segments: TextSegment[], regions: HintRegion[], maxChars = Infinity): Uint32Array {
  const flags = new Uint32Array(segments.length);
  for (const r of regions) {
    if (r.end - r.start > maxChars) continue;
    for (let i = firstSegmentAt(segments, r.start); i < segments.length && segments[i]!.end <= r.end; i++) {
      flags[i]! |= r.flags;
    }
  }
  return flags;
}
