// Decides where the main content comes from: Readability's article, or the densest prose
// region when Readability failed or under-delivered.
import { densestProse } from './fallback.ts';
import type { ReadabilityResult } from './readability-run.ts';
import type { TextSegment, VisibleText } from './visible-text.ts';

export type ContentMethod = 'readability' | 'fallback' | 'none';

/** An article shorter than this (characters) is suspect enough to compare with the fallback. */
const MIN_ARTICLE_CHARS = 500;
/** The fallback replaces a suspect article only when it finds this many times more text. */
const FALLBACK_GAIN = 2;

function segChars(segments: TextSegment[], idx: number[]): number {
  return idx.reduce((n, i) => n + segments[i]!.end - segments[i]!.start, 0);
}

/** Readability's article unless it failed or is much smaller than the page's densest prose. */
export function chooseContent(vt: VisibleText, flags: Uint32Array, result: ReadabilityResult): { segs: number[]; method: ContentMethod; note?: string } {
  const fallback = densestProse(vt.original, vt.segments, flags);
  const fbChars = segChars(vt.segments, fallback);
  const rdChars = segChars(vt.segments, result.kept);
  if (result.failure) {
    if (fallback.length === 0) return { segs: [], method: 'none', note: `${result.failure}; no prose region found either` };
    return { segs: fallback, method: 'fallback', note: `${result.failure}; used the densest prose region instead` };
  }
  if (rdChars < MIN_ARTICLE_CHARS && fbChars > rdChars * FALLBACK_GAIN) {
    return {
      segs: fallback,
      method: 'fallback',
      note: `Readability kept only ${rdChars} characters; the densest prose region has ${fbChars}, used that instead`,
    };
  }
  return { segs: result.kept, method: 'readability' };
}
