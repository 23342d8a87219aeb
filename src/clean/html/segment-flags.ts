// Spreads the hint flags of flagged elements onto the text segments they contain.
import { firstStartingAt } from '../../text/ranges.ts';
import type { HintRegion, TextSegment } from './visible-text.ts';

/**
 * Per segment, the union of flags of enclosing regions no longer than `maxChars` of text.
 * Limiting the size keeps a page-wide wrapper (say <div class="post-meta-layout">) from
 * labelling everything inside it.
 */
export function segmentFlags(segments: TextSegment[], regions: HintRegion[], maxChars = Infinity): Uint32Array {
  const flags = new Uint32Array(segments.length);
  for (const r of regions) {
    if (r.end - r.start > maxChars) continue;
    for (let i = firstStartingAt(segments, r.start); i < segments.length && segments[i]!.end <= r.end; i++) {
      flags[i]! |= r.flags;
    }
  }
  return flags;
}
