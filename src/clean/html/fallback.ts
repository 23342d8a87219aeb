// Main content without Readability: the densest run of prose lines in `original`. Used when
// Readability finds nothing or much less text than the page visibly carries.
import { Hint } from './hints.ts';
import type { TextSegment } from './visible-text.ts';

/** A line needs this many words and a sentence end to count as prose. */
const PROSE_MIN_WORDS = 8;
/** Lines mostly made of link text are navigation, not prose. */
const PROSE_MAX_LINK_SHARE = 0.5;
/** Characters of non-prose inside the region cost this much per character of prose. */
const GAP_PENALTY = 0.6;
/** Text inside these elements never counts as prose. */
const FURNITURE = Hint.NAV | Hint.FOOTER | Hint.ASIDE | Hint.COMMENTS | Hint.TEASER | Hint.SHARE | Hint.CONTROL | Hint.HEADER;

interface Line {
  segs: number[];
  chars: number;
  prose: boolean;
  furniture: boolean;
}

function linesOf(original: string, segments: TextSegment[], flags: Uint32Array): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastEnd = 0;
  segments.forEach((seg, i) => {
    const nl = original.indexOf('\n', lastEnd);
    if (!current || (nl !== -1 && nl < seg.start)) {
      current = { segs: [], chars: 0, prose: false, furniture: true };
      lines.push(current);
    }
    current.segs.push(i);
    current.chars += seg.end - seg.start;
    lastEnd = seg.end;
  });
  for (const line of lines) {
    const first = segments[line.segs[0]!]!;
    const last = segments[line.segs[line.segs.length - 1]!]!;
    const text = original.slice(first.start, last.end);
    let linkChars = 0;
    let furniture = true;
    for (const i of line.segs) {
      const f = flags[i]!;
      if (f & Hint.LINK) linkChars += segments[i]!.end - segments[i]!.start;
      if (!(f & FURNITURE)) furniture = false;
    }
    line.furniture = furniture;
    const words = text.split(/\s+/).filter(Boolean).length;
    line.prose = !furniture && words >= PROSE_MIN_WORDS && /[.!?:;。！？]["”’)»]?\s*$/.test(text) && linkChars / line.chars <= PROSE_MAX_LINK_SHARE;
  }
  return lines;
}

/**
 * Segment indices of the densest prose region: the run of lines that maximises prose
 * characters minus GAP_PENALTY × other characters (a maximum-sum subarray). Inside the run,
 * lines that are not page furniture are kept, so headings between paragraphs stay.
 */
export function densestProse(original: string, segments: TextSegment[], flags: Uint32Array): number[] {
  const lines = linesOf(original, segments, flags);
  let best = 0;
  let bestFrom = -1;
  let bestTo = -1;
  let sum = 0;
  let from = 0;
  lines.forEach((line, i) => {
    const gain = line.prose ? line.chars : -GAP_PENALTY * line.chars;
    if (sum <= 0) {
      sum = 0;
      from = i;
    }
    sum += gain;
    if (sum > best) {
      best = sum;
      bestFrom = from;
      bestTo = i;
    }
  });
  if (bestFrom < 0) return [];
  const kept: number[] = [];
  for (let i = bestFrom; i <= bestTo; i++) if (!lines[i]!.furniture) kept.push(...lines[i]!.segs);
  return kept;
}
