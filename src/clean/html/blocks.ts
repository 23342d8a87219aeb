// Groups kept text segments into blocks: runs of kept segments on the same line of
// `original`. Lines come from the page's own block elements, so a paragraph is one block.
import { trimRange, type OffsetRange } from '../../text/ranges.ts';
import type { TextSegment } from './visible-text.ts';

export interface Block extends OffsetRange {
  /** Indices into the segment list, ascending. */
  segs: number[];
}

/** Blocks from ascending segment indices; a newline between two segments splits them. */
export function groupIntoBlocks(original: string, segments: TextSegment[], kept: number[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const idx of kept) {
    const seg = segments[idx]!;
    if (current) {
      const nl = original.indexOf('\n', current.end);
      if (nl === -1 || nl >= seg.start) {
        current.end = seg.end;
        current.segs.push(idx);
        continue;
      }
      blocks.push(current);
    }
    current = { start: seg.start, end: seg.end, segs: [idx] };
  }
  if (current) blocks.push(current);
  // No-break spaces survive whitespace collapsing; a block should not start or end with one.
  return blocks.map((b) => trimBlock(original, b)).filter((b) => b.end > b.start);
}

function trimBlock(original: string, b: Block): Block {
  return { ...b, ...trimRange(original, b.start, b.end) };
}

/** Block text as it is cited: the slice of `original`. */
export function blockText(original: string, b: OffsetRange): string {
  return original.slice(b.start, b.end);
}
