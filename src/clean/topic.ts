// How close a block is to what the rest of the article is about. Teaser stories appended to a
// page are well-formed prose, so only their distance from the article's topic gives them away.
import { classOf, LETTER, unitsOf } from '../text/chars.ts';
import { HASH_START, hashStep, WordMemo } from '../text/word-memo.ts';
import { grown } from '../util/grown.ts';
import { lightStem } from '../text/stem.ts';
import { STOPWORDS as STORY_STOPWORDS } from '../text/stopwords.ts';

/**
 * Words that say nothing of a topic: story matching's stopwords, and calendar and counting words
 * (every page has a day and a year). Exported for the scanner's tests, which check it against a regex.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...STORY_STOPWORDS,
  ...'already back day days first time two week well year years monday tuesday wednesday thursday friday saturday sunday'.split(' '),
]);

/**
 * A content word's stem: lower-cased, a final 's dropped, stopwords dropped, plural/verb endings
 * trimmed; null for none. `word` is a lower-cased match of /\p{L}[\p{L}'’-]*\/u.
 */
function contentTerm(word: string): string | null {
  if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
  if (word.length < 3 || STOPWORDS.has(word)) return null;
  word = lightStem(word);
  return word.length >= 3 ? word : null;
}

/**
 * Content terms of a text: distinct term ids (one per stem, for as long as the memo holds) in
 * order of first appearance, and how often each occurs.
 */
export interface TermVector {
  ids: number[];
  counts: number[];
}

/** ASCII characters that go on a word once it has started: letters, the apostrophe and the hyphen. */
const ASCII_WORD_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD_PART[c] = c === 39 || c === 45 || (classOf(c) & LETTER) !== 0 ? 1 : 0;

/** Per term id, scratch shared by the passes below and left all zero: a vector's position + 1, or the centroid's total. */
let scratch = new Float64Array(1 << 12);

function scratchFor(id: number): Float64Array {
  if (id >= scratch.length) scratch = grown(scratch, id + 1);
  return scratch;
}

/** Each printed (lower-cased) word → its term's id, or -1 for none; ids are numbered by stem. */
const words = new WordMemo(17);
const memo = words.slots;
const termIds = new Map<string, number>();

function readWord(word: string, values: Int32Array, at: number): void {
  values[at] = termIdOf(word);
}

function termIdOf(word: string): number {
  const term = contentTerm(word);
  if (term === null) return -1;
  let id = termIds.get(term);
  if (id === undefined) termIds.set(term, (id = termIds.size));
  return id;
}

/**
 * The content terms of each text, counted. Term ids hold across the texts of one call (they are
 * compared with each other), so the memo is emptied only before a call. One pass over each text,
 * which must be lower-cased already: words are the matches of /\p{L}[\p{L}'’-]*\/gu.
 */
export function termVectors(lowerCased: readonly string[]): TermVector[] {
  if (words.full) {
    words.clear();
    termIds.clear();
  }
  return lowerCased.map(termVectorOf);
}

function termVectorOf(text: string): TermVector {
  const vector: TermVector = { ids: [], counts: [] };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cp = c < 128 ? c : text.codePointAt(i)!;
    if (!(classOf(cp) & LETTER)) {
      i += unitsOf(cp);
      continue;
    }
    let hash = HASH_START;
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 128) {
        // Most words are ASCII: one table look-up per character, no code point work.
        if (ASCII_WORD_PART[d] !== 1) break;
        hash = hashStep(hash, d);
        j++;
        continue;
      }
      let units = 1;
      if (d !== 0x2019) {
        const point = text.codePointAt(j)!;
        if (!(classOf(point) & LETTER)) break;
        units = unitsOf(point);
      }
      for (let k = j; k < j + units; k++) hash = hashStep(hash, text.charCodeAt(k));
      j += units;
    }
    const id = memo[words.lookup(text, i, j, hash, readWord)]!;
    if (id >= 0) {
      const at = scratchFor(id)[id]!;
      if (at === 0) {
        scratch[id] = vector.ids.push(id);
        vector.counts.push(1);
      } else vector.counts[at - 1]!++;
    }
    i = j;
  }
  for (const id of vector.ids) scratch[id] = 0;
  return vector;
}

/**
 * Cosine similarity of each block to the sum of the *other* reference blocks, with terms
 * weighted by log-damped frequency so one repeated name cannot dominate.
 */
export function centrality(blocks: TermVector[], isReference: boolean[]): number[] {
  // The centroid's totals by term id in the scratch array; its terms in order of first appearance.
  const centroid: number[] = [];
  blocks.forEach((vector, i) => {
    if (!isReference[i]) return;
    for (let k = 0; k < vector.ids.length; k++) {
      const id = vector.ids[k]!;
      if (scratchFor(id)[id] === 0) centroid.push(id);
      scratch[id]! += vector.counts[k]!;
    }
  });
  // The centroid's norm is computed once and corrected for each block's own terms, so the
  // whole pass stays linear in the number of terms (a page of 100k tiny lines must not stall).
  let centroidNorm2 = 0;
  for (const id of centroid) centroidNorm2 += Math.log1p(scratch[id]!) ** 2;
  const scores = blocks.map((vector, i) => {
    let dot = 0;
    let normBlock = 0;
    let normRest2 = centroidNorm2;
    for (let k = 0; k < vector.ids.length; k++) {
      const id = vector.ids[k]!;
      const count = vector.counts[k]!;
      const total = id < scratch.length ? scratch[id]! : 0;
      const own = isReference[i] ? count : 0;
      const rest = Math.log1p(total - own);
      if (own) normRest2 += rest * rest - Math.log1p(total) ** 2;
      const weight = Math.log1p(count);
      dot += weight * rest;
      normBlock += weight * weight;
    }
    return normBlock > 0 && normRest2 > 1e-12 ? dot / Math.sqrt(normBlock * normRest2) : 0;
  });
  for (const id of centroid) scratch[id] = 0;
  return scores;
}
