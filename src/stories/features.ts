// Cheap features of one article for story clustering: its terms (what it is about) and its names
// (who and where). One hand-written scan over the characters, no NLP model: the clusterer sees
// every article of a stream, so this must cost a fraction of a millisecond.
import { classOf, LETTER, NUMBER } from '../text/chars.ts';
import { fnv1a, hashStep, mix, WordMemo } from '../text/word-memo.ts';
import { grown } from '../util/grown.ts';
import { JsonBytes } from '../util/json-bytes.ts';
import type { ArticleFeatures } from './article-features.ts';
import { keyHash } from './hashed-features.ts';
import { sketchOfWords, type Sketch } from './near-copy.ts';
import { lightStem } from '../text/stem.ts';
import { NOT_NAMES, STOPWORDS } from '../text/stopwords.ts';

export type { ArticleFeatures } from './article-features.ts';

/** A title is read as the article's first line. */
export function articleFeatures(text: string, title?: string | null): ArticleFeatures {
  const scanned = scanFeatures(text, title);
  return { terms: recordOf(scanned.terms), names: recordOf(scanned.names) };
}

/** Keys with their counts and hashes (`keyHash`), in the order Object.keys gives the record they make (so JSON keeps it). */
export interface CountedKeys {
  keys: string[];
  counts: number[];
  hashes: number[];
}

/** The features as lists: what ingest stores (as JSON, `featuresJson`) and hashes, without building records; and the text's near-copy sketch. */
export interface ScannedFeatures {
  terms: CountedKeys;
  names: CountedKeys;
  /** Of the text's words (the title's left out), as the scan read them. */
  sketch: Sketch;
}

export function scanFeatures(text: string, title?: string | null): ScannedFeatures {
  const scan = scanTitled(text, title);
  const { termIds, termCounts } = scan;
  const terms: CountedKeys = { keys: [], counts: [], hashes: [] };
  for (let k = 0; k < termIds.length; k++) {
    terms.keys.push(termNames[termIds[k]!]!);
    terms.counts.push(termCounts[k]!);
    terms.hashes.push(termInfo[termIds[k]! * TERM]!);
  }
  return { terms, ...namesAndSketch(scan) };
}

/** What ingest keeps of an article's features: hashed for the clusterer, and as the store's JSON. */
export interface StoredScan {
  /** The terms by `keyHash`, with their counts. */
  terms: { hashes: Int32Array<ArrayBuffer>; counts: Int32Array<ArrayBuffer> };
  names: CountedKeys;
  sketch: Sketch;
  /** What JSON.stringify({ terms, names, sketch }) of the records gives. */
  json: string;
}

/**
 * The features as `scanFeatures` gives them, in the form ingest keeps: the JSON is written from the
 * scan's term ids while they still hold, and no term's string is touched.
 */
export function scanFeaturesForStore(text: string, title?: string | null): StoredScan {
  const scan = scanTitled(text, title);
  const { termIds, termCounts } = scan;
  const { names, sketch } = namesAndSketch(scan);
  const hashes = new Int32Array(termIds.length);
  const json = out.reset();
  json.ascii('{"terms":{');
  for (let k = 0; k < termIds.length; k++) {
    if (k) json.byte(44 /* , */);
    const at = termIds[k]! * TERM;
    hashes[k] = termInfo[at]!;
    const shape = termInfo[at + 2]!;
    json.copy(termJson, termInfo[at + 1]!, shape & KEY_LENGTH, (shape & WIDE) !== 0);
    json.uint(termCounts[k]!);
  }
  json.ascii('},"names":');
  writeCounted(json, names);
  json.ascii(',"sketch":');
  writeSketch(json, sketch);
  json.byte(125 /* } */);
  return { terms: { hashes, counts: termCounts }, names, sketch, json: json.text() };
}

/**
 * The scan of the title (when there is one) and the text as one: joined, not concatenated, since a
 * join makes one flat string, where `+` makes a pair that every character read goes through.
 */
function scanTitled(text: string, title?: string | null): Scan {
  return title ? scanWords([title, text].join('\n'), title.length + 1) : scanWords(text, 0);
}

function namesAndSketch(scan: Scan): { names: CountedKeys; sketch: Sketch } {
  const sketch = sketchOfWords(wordKeys, titleWords, wordCount);
  const names = countNames(scan);
  const nameKeys = [...names.keys()];
  // A name starts with a letter, so none is an array index: the Map's order is the record's.
  return { names: { keys: nameKeys, counts: [...names.values()], hashes: nameKeys.map(keyHash) }, sketch };
}

/** The near-copy sketch of a text: what `scanFeatures` gives with it. */
export function sketchOf(text: string): Sketch {
  return scanFeatures(text).sketch;
}

export function recordOf(counted: CountedKeys): Record<string, number> {
  const record: Record<string, number> = {};
  for (let k = 0; k < counted.keys.length; k++) record[counted.keys[k]!] = counted.counts[k]!;
  return record;
}

/** `{"k":n,…}` as JSON.stringify writes the record of these keys (they are in its order already). */
export function countedJson(counted: CountedKeys): string {
  const json = out.reset();
  writeCounted(json, counted);
  return json.text();
}

/** Where the features JSON is written (one scan at a time). */
const out = new JsonBytes();

function writeCounted(json: JsonBytes, counted: CountedKeys): void {
  json.byte(123 /* { */);
  for (let k = 0; k < counted.keys.length; k++) {
    if (k) json.byte(44 /* , */);
    json.string(counted.keys[k]!);
    json.byte(58 /* : */);
    json.uint(counted.counts[k]!);
  }
  json.byte(125 /* } */);
}

/** JSON.stringify(sketch), its properties in the order `sketchOfWords` gives them. */
function writeSketch(json: JsonBytes, sketch: Sketch): void {
  json.ascii('{"hashes":[');
  for (let k = 0; k < sketch.hashes.length; k++) {
    if (k) json.byte(44 /* , */);
    json.uint(sketch.hashes[k]!);
  }
  json.ascii('],"size":');
  json.uint(sketch.size);
  if (sketch.v !== undefined) {
    json.ascii(',"v":');
    json.uint(sketch.v);
  }
  json.byte(125 /* } */);
}

/** A capitalised word, kept for the second look that decides whether it is a name. */
interface Capital {
  name: string;
  sentence: number;
  /** First word of its sentence (capitalised by grammar, not by being a name). */
  initial: boolean;
  /** Only spaces between it and the word before, which was a capital too: a run of names goes on. */
  continues: boolean;
}

interface Scan {
  /** The terms' ids (valid until the next scan), in the order a record of them lists its keys, and their counts. */
  termIds: number[];
  termCounts: Int32Array<ArrayBuffer>;
  capitals: Capital[];
  /** Sentences in title case (headlines), whose capitals prove nothing. */
  headlines: Set<number>;
}

/**
 * Words of the lead (the title and the first sentences) count this many times more: news puts
 * who, what and where first, and background (earlier events of the same kind) further down.
 */
const LEAD_SENTENCES = 3;
const LEAD_BOOST = 1;

/**
 * A sentence with at least this many content words (not stopwords, not numbers), none of them
 * lowercase, is a headline in title case ("Warren Jeffs Found Guilty on Sexual Assault Charges").
 * A sentence of prose has a lowercase verb or noun, however many names it carries.
 */
const HEADLINE_MIN_WORDS = 3;

/**
 * One pass over the characters. Words are runs of letters and digits; a period or comma between
 * digits stays inside ("6.1", "1,000"). A sentence ends at . ! ? or a line break (an
 * abbreviation's period ends one too; names survive it, being confirmed by other mentions).
 */
function scanWords(text: string, bodyFrom: number): Scan {
  if (words.full) forgetWords();
  wordCount = 0;
  titleWords = 0;
  const seen: number[] = [];
  const capitals: Capital[] = [];
  const headlines = new Set<number>();
  const n = text.length;
  let sentence = 0;
  let contentWords = 0;
  let lowercaseWords = 0;
  let atStart = true;
  let spaceOnly = false;
  let previousCapital = false;
  const endSentence = () => {
    if (contentWords >= HEADLINE_MIN_WORDS && lowercaseWords === 0) headlines.add(sentence);
    sentence++;
    contentWords = 0;
    lowercaseWords = 0;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c, text, i)) {
      if (c === 46 || c === 33 || c === 63 || c === 10) {
        if (!atStart) endSentence();
        atStart = true;
      }
      if (c !== 32) spaceOnly = false;
      i++;
      continue;
    }
    let hash = c;
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isWordChar(d, text, j)) j++;
      else if ((d === 46 || d === 44) && isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1))) j += 2;
      else break;
      hash = hashStep(hash, d);
    }
    const at = words.lookup(text, i, j, hash, readWord);
    if (wordCount === wordKeys.length) wordKeys = grown(wordKeys, wordCount + 1);
    wordKeys[wordCount++] = memo[at + 1]!;
    // A line break ends a word, so the title's words are those that start before the body.
    if (i < bodyFrom) titleWords = wordCount;
    const termId = memo[at]!;
    if (termId >= 0) {
      const count = termId * TERM + 3;
      if (termInfo[count] === 0) seen.push(termId);
      termInfo[count]! += sentence < LEAD_SENTENCES ? 1 + LEAD_BOOST : 1;
      if (!isDigit(c)) {
        contentWords++;
        if (!isCapital(c, text, i)) lowercaseWords++;
      }
    }
    const nameAt = memo[at + 2]!;
    if (nameAt >= 0) capitals.push({ name: entryNames[nameAt]!, sentence, initial: atStart, continues: spaceOnly && previousCapital });
    previousCapital = nameAt >= 0;
    atStart = false;
    spaceOnly = true;
    i = j;
  }
  if (!atStart) endSentence();
  // Counted by term id in a reused array, then listed once per distinct term: in order of
  // appearance, but numbers that are array indices ("10", "2023") first and in ascending order,
  // as a record of them enumerates its keys.
  const isIndex = (id: number) => (termInfo[id * TERM + 2]! & ARRAY_INDEX) !== 0;
  const indices = seen.filter(isIndex);
  const ordered = indices.length ? [...indices.sort((a, b) => termIndex.get(a)! - termIndex.get(b)!), ...seen.filter((id) => !isIndex(id))] : seen;
  const termCounts = new Int32Array(ordered.length);
  for (let k = 0; k < ordered.length; k++) {
    const count = ordered[k]! * TERM + 3;
    termCounts[k] = termInfo[count]!;
    termInfo[count] = 0;
  }
  return { termIds: ordered, termCounts, capitals, headlines };
}

/**
 * Capitalised words that are names. A word capitalised inside a sentence is a name; one that
 * only starts sentences or sits in a title-case headline counts when the article also
 * capitalises it elsewhere ("Police said…" is no name, "Lohan said…" is once "Lindsay Lohan"
 * appears), or when a name follows it in one run ("Elsa Brandt opened…" once "Brandt" is
 * confirmed). Runs of names also count whole, so "betty ford" says more than "ford".
 */
function countNames(scan: Scan): Map<string, number> {
  const { capitals, headlines } = scan;
  const confirmed = new Set<string>();
  for (const c of capitals) if (!c.initial && !headlines.has(c.sentence)) confirmed.add(c.name);
  const names = new Map<string, number>();
  const add = (name: string, sentence: number) => names.set(name, (names.get(name) ?? 0) + (sentence < LEAD_SENTENCES ? 1 + LEAD_BOOST : 1));
  let run: string[] = [];
  let runSentence = 0;
  for (let k = 0; k < capitals.length; k++) {
    const c = capitals[k]!;
    const next = capitals[k + 1];
    const isName = confirmed.has(c.name) || (c.initial && next?.continues && confirmed.has(next.name));
    if (!isName || !c.continues) {
      if (run.length > 1) add(run.join(' '), runSentence);
      run = [];
    }
    if (isName) {
      add(c.name, c.sentence);
      runSentence = c.sentence;
      run.push(c.name);
    }
  }
  if (run.length > 1) add(run.join(' '), runSentence);
  return names;
}

/**
 * Printed form → what the scan needs of it: its term id (-1: none), its lower-cased form's hash
 * (`foldedHash`, what near-copy shingles are made of), and where its name form is in
 * `entryNames` (-1: not a name). Memoised by a hash taken during the scan, so a word seen before
 * costs no string slice and no lowercasing or stemming. Emptied between articles once half full
 * (term ids must hold for the whole scan), so a long stream's memory stays bounded.
 */
const words = new WordMemo(18);
const memo = words.slots;
const entryNames: string[] = [];
/** The last scan's words as their folded hashes, in order. */
let wordKeys = new Int32Array(4096);
let wordCount = 0;
/** Of those, the title's (the scan reads title and body as one text). */
let titleWords = 0;
const termIds = new Map<string, number>();
const termNames: string[] = [];
/**
 * Per term id, side by side in one typed array (an article reads all of it for each of its few
 * hundred terms, spread over the whole table): its keyHash; where its key is in termJson, as JSON
 * writes it (`"key":`, UTF-8); that key's length with the WIDE and ARRAY_INDEX flags; and its count
 * in the article being scanned (all zero between scans).
 */
const TERM = 4;
const KEY_LENGTH = (1 << 24) - 1;
/** The key has a character beyond ASCII. */
const WIDE = 1 << 24;
/** The key is an array index ("10", "2023"): a record lists it first (its value is in termIndex). */
const ARRAY_INDEX = 1 << 25;
let termInfo = new Int32Array(TERM << 12);
let termJson = new Uint8Array(1 << 16);
let termJsonUsed = 0;
const termIndex = new Map<number, number>();

function forgetWords(): void {
  words.clear();
  entryNames.length = 0;
  termIds.clear();
  termNames.length = 0;
  termJsonUsed = 0;
  termIndex.clear();
}

/** Works out a printed word's term, folded hash and name form into values[at, at + 3). */
function readWord(surface: string, values: Int32Array, at: number): void {
  const lower = surface.toLowerCase();
  let termId = -1;
  let nameAt = -1;
  if (isDigit(lower.charCodeAt(0))) termId = lower.length >= 2 ? termIdOf(lower) : -1;
  else if (lower.length >= 2 && !STOPWORDS.has(lower)) {
    termId = termIdOf(lightStem(lower));
    if (isCapital(surface.charCodeAt(0), surface, 0) && !NOT_NAMES.has(lower)) nameAt = entryNames.push(lower) - 1;
  }
  values[at] = termId;
  values[at + 1] = foldedHash(lower);
  values[at + 2] = nameAt;
}

function termIdOf(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termNames.length;
    termIds.set(term, id);
    termNames.push(term);
    if ((id + 1) * TERM > termInfo.length) termInfo = grown(termInfo, (id + 1) * TERM);
    const bytes = keyBytes.reset();
    bytes.string(term);
    bytes.byte(58 /* : */);
    const written = bytes.bytes();
    if (termJsonUsed + written.length > termJson.length) termJson = grown(termJson, termJsonUsed + written.length);
    termJson.set(written, termJsonUsed);
    const index = arrayIndex(term);
    if (index >= 0) termIndex.set(id, index);
    const at = id * TERM;
    termInfo[at] = keyHash(term);
    termInfo[at + 1] = termJsonUsed;
    termInfo[at + 2] = written.length | (bytes.wide ? WIDE : 0) | (index >= 0 ? ARRAY_INDEX : 0);
    termInfo[at + 3] = 0;
    termJsonUsed += written.length;
  }
  return id;
}

const keyBytes = new JsonBytes();

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII letters and digits, looked up rather than compared. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;

function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  // \p{L} or \p{N}; a surrogate half is tested with its pair (the low half then goes on the word).
  return (classOf(text.codePointAt(i) ?? c) & (LETTER | NUMBER)) !== 0 || (c >= 0xdc00 && c <= 0xdfff);
}

function isCapital(c: number, text: string, i: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const first = String.fromCodePoint(text.codePointAt(i) ?? c);
  return first !== first.toLowerCase();
}

/** The number a key is when it is an array index ("0", "17"; not "017", not 2³² − 1 or more), else -1. */
function arrayIndex(key: string): number {
  if (!/^(?:0|[1-9]\d{0,9})$/.test(key)) return -1;
  const n = Number(key);
  return n < 2 ** 32 - 1 ? n : -1;
}

/** A lower-cased word's hash: FNV-1a over its code units, mixed. */
function foldedHash(lower: string): number {
  return mix(fnv1a(lower));
}
