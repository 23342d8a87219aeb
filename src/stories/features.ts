// Cheap features of one article for story clustering: its terms (what it is about) and its names
// (who and where). One hand-written scan over the characters, no NLP model: the clusterer sees
// every article of a stream, so this must cost a fraction of a millisecond.
import { lightStem } from './stem.ts';
import { NOT_NAMES, STOPWORDS } from './stopwords.ts';

export interface ArticleFeatures {
  /**
   * Term → count: lowercase words less stopwords, lightly stemmed; numbers of two or more
   * characters. Words of the lead (title and first sentences) count twice.
   */
  terms: Record<string, number>;
  /** Name → count: capitalised words and runs of them ("lindsay lohan", "lohan"), lowercase; the lead counts twice. */
  names: Record<string, number>;
}

/** A title is read as the article's first line. */
export function articleFeatures(text: string, title?: string | null): ArticleFeatures {
  const source = title ? `${title}\n${text}` : text;
  const scan = scanWords(source);
  return { terms: scan.terms, names: countNames(scan) };
}

/** What a printed word is for matching: its term ('' = none) and, when it could be a name, its name form. */
interface Word {
  /** Index of the term in `termNames`; -1 for none. */
  termId: number;
  /** Lowercase form when capitalised and not a stopword or calendar word; '' otherwise. */
  name: string;
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
  terms: Record<string, number>;
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
function scanWords(text: string): Scan {
  if (surfaces.length >= MAX_WORDS) forgetWords();
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
      hash = Math.imul(hash ^ d, 0x01000193);
    }
    const word = wordAt(text, i, j, hash);
    if (word.termId >= 0) {
      if (word.termId >= counts.length) counts = grown(counts, word.termId);
      if (counts[word.termId] === 0) seen.push(word.termId);
      counts[word.termId]! += sentence < LEAD_SENTENCES ? 1 + LEAD_BOOST : 1;
    }
    if (word.termId >= 0 && !isDigit(c)) {
      contentWords++;
      if (!isCapital(c, text, i)) lowercaseWords++;
    }
    if (word.name) capitals.push({ name: word.name, sentence, initial: atStart, continues: spaceOnly && previousCapital });
    previousCapital = word.name !== '';
    atStart = false;
    spaceOnly = true;
    i = j;
  }
  if (!atStart) endSentence();
  // Counted by term id in a reused array, then written once per distinct term in order of appearance.
  const terms: Record<string, number> = {};
  for (const id of seen) {
    terms[termNames[id]!] = counts[id]!;
    counts[id] = 0;
  }
  return { terms, capitals, headlines };
}

/**
 * Capitalised words that are names. A word capitalised inside a sentence is a name; one that
 * only starts sentences or sits in a title-case headline counts when the article also
 * capitalises it elsewhere ("Police said…" is no name, "Lohan said…" is once "Lindsay Lohan"
 * appears), or when a name follows it in one run ("Elsa Brandt opened…" once "Brandt" is
 * confirmed). Runs of names also count whole, so "betty ford" says more than "ford".
 */
function countNames(scan: Scan): Record<string, number> {
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
    const isName = confirmed.has(c.name) || (c.initial && next !== undefined && next.continues && confirmed.has(next.name));
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
  return Object.fromEntries(names);
}

/**
 * Printed form → word, memoised in an open-addressing table keyed by a hash taken during the
 * scan, so a word seen before costs no string slice and no lowercasing or stemming. Cleared
 * when full, so a long stream's memory stays bounded.
 */
const TABLE_BITS = 18;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** Emptied before an article when it holds this many forms (half full keeps probes short). */
const MAX_WORDS = 1 << (TABLE_BITS - 1);
const slots = new Int32Array(1 << TABLE_BITS);
const surfaces: string[] = [];
const known: Word[] = [];
const termIds = new Map<string, number>();
const termNames: string[] = [];
/** Per term id, its count in the article being scanned; all zero between calls. */
let counts: Int32Array<ArrayBuffer> = new Int32Array(1024);

function wordAt(text: string, start: number, end: number, hash: number): Word {
  const length = end - start;
  let slot = (hash ^ (hash >>> 15)) & TABLE_MASK;
  for (;;) {
    const entry = slots[slot]!;
    if (entry === 0) break;
    const surface = surfaces[entry - 1]!;
    if (surface.length === length && text.startsWith(surface, start)) return known[entry - 1]!;
    slot = (slot + 1) & TABLE_MASK;
  }
  const surface = text.slice(start, end);
  const word = readWord(surface);
  // The table is emptied between articles only (term ids must hold for the whole scan); one huge
  // article that fills it goes on uncached.
  if (surfaces.length >= TABLE_MASK) return word;
  surfaces.push(surface);
  known.push(word);
  slots[slot] = surfaces.length;
  return word;
}

function forgetWords(): void {
  slots.fill(0);
  surfaces.length = 0;
  known.length = 0;
  termIds.clear();
  termNames.length = 0;
}

function grown(array: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(2 * array.length, index + 1));
  bigger.set(array);
  return bigger;
}

function readWord(surface: string): Word {
  const lower = surface.toLowerCase();
  if (isDigit(lower.charCodeAt(0))) return { termId: lower.length >= 2 ? termIdOf(lower) : -1, name: '' };
  if (lower.length < 2 || STOPWORDS.has(lower)) return { termId: -1, name: '' };
  const capitalised = isCapital(surface.charCodeAt(0), surface, 0);
  return { termId: termIdOf(lightStem(lower)), name: capitalised && !NOT_NAMES.has(lower) ? lower : '' };
}

function termIdOf(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termNames.length;
    termIds.set(term, id);
    termNames.push(term);
  }
  return id;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LETTER = /\p{L}|\p{N}/u;

/** ASCII letters and digits, looked up rather than compared. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;

function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  // Rare outside ASCII in English news; a lone surrogate half is tested with its pair.
  return LETTER.test(String.fromCodePoint(text.codePointAt(i) ?? c)) || (c >= 0xdc00 && c <= 0xdfff);
}

function isCapital(c: number, text: string, i: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const first = String.fromCodePoint(text.codePointAt(i) ?? c);
  return first !== first.toLowerCase();
}
