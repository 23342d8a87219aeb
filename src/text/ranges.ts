// Offsets into a document's `original`, before they are tied to a document id as a Span.
import type { RemovedKind } from '../schema.ts';
import { lowerBound } from '../util/search.ts';

export interface OffsetRange {
  start: number;
  end: number;
}

/** A region of the original that is not article text, with why it was left out. */
export interface RemovedRange extends OffsetRange {
  kind: RemovedKind;
  reason: string;
}

/** Trim whitespace off both ends of a range of `text`. */
export function trimRange(text: string, start: number, end: number): OffsetRange {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Index of the first item starting at or after `offset`, in items sorted by start. */
export function firstStartingAt(items: readonly { start: number }[], offset: number): number {
  return lowerBound(items.length, (i) => items[i]!.start < offset);
}
