// Shared pieces of the fuzz suites (test/fuzz-*.test.ts): run counts and seed, the corpus inputs
// are mutated from, generators of hostile text, and the invariants every output must keep.
//
//   FUZZ_RUNS=N   runs per property: N for the cheap ones, fewer (N/4, N/5) for those over whole
//                 pages, reports and briefs (default: small counts, so `npm test` stays fast)
//   FUZZ_SEED=S   the seed (default fixed, so `npm test` is reproducible); a failure prints the
//                 seed and path that reproduce it
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { Brief, CleanDocument, Span } from '../src/schema.ts';
import type { DocumentAnalysis } from '../src/analyse/index.ts';
import { assertSpansValid, SEEDS, SHARED } from './support.ts';

export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_501;
const FUZZ_RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;

/**
 * fast-check parameters: `defaultRuns` in `npm test`, FUZZ_RUNS × `weight` in a long run. A failure
 * reports the shrunk counterexample, the seed and path that replay it, and the assertion that failed.
 */
export function fuzzParams(defaultRuns: number, weight = 1): fc.Parameters<unknown> {
  const numRuns = FUZZ_RUNS === undefined ? defaultRuns : Math.max(1, Math.round(FUZZ_RUNS * weight));
  return {
    seed: FUZZ_SEED,
    numRuns,
    reporter: (details) => {
      if (details.failed) throw new Error(`${fc.defaultReportMessage(details)}\nFailed with: ${String(details.errorInstance).slice(0, 2000)}`);
    },
  };
}

/** Heap bound for the whole suite: far above the ~300 MB a 1 MB input needs, far below a leak. */
export const HEAP_LIMIT_BYTES = 1.5 * 1024 ** 3;

export function assertHeapBounded(): void {
  const used = process.memoryUsage().heapUsed;
  assert.ok(used < HEAP_LIMIT_BYTES, `heap ${Math.round(used / 2 ** 20)} MB over the ${HEAP_LIMIT_BYTES / 2 ** 20} MB bound`);
}

/** Runs `work` and fails when it takes longer than `boundMs` (no catastrophic backtracking). */
export function withinTime<T>(what: string, boundMs: number, work: () => T): T {
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  assert.ok(ms < boundMs, `${what} took ${Math.round(ms)} ms (bound ${boundMs} ms)`);
  return result;
}

/** Times below this are too short to compare: a ratio of two of them is noise. */
const MIN_COMPARABLE_MS = 5;
/** Work four times as large may take at most this many times as long: linear work takes about 4×, quadratic 16×. */
const MAX_GROWTH = 8;

/** Milliseconds of the fastest of three runs of `work`. */
export function fastestOfThree(work: () => unknown): number {
  let fastest = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/**
 * Fails when work grows faster than linearly: `make(scale)` builds the input of one size (not
 * timed) and returns the work; the best of three runs at `base` and at four times `base` are
 * compared. A ratio, not a wall-clock bound, so a slow or busy machine does not fail it.
 * `maxGrowth` for work meant to grow faster (pairs of n items: 16×).
 */
export function assertGrowsLinearly(what: string, base: number, make: (scale: number) => () => unknown, maxGrowth = MAX_GROWTH): void {
  const best = (scale: number) => fastestOfThree(make(scale));
  best(base); // the first runs compile the code
  const small = best(base);
  const large = best(base * 4);
  assert.ok(large < maxGrowth * Math.max(small, MIN_COMPARABLE_MS), `${what}: ${small.toFixed(1)} ms at ${base}, ${large.toFixed(1)} ms at ${base * 4} (more than ${maxGrowth}×)`);
}

// ---- corpus ----

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AEB = join(SHARED, 'eval', 'html-extraction-aeb', 'html');

export interface CorpusFile {
  name: string;
  text: string;
}

function read(dir: string, filter: (name: string) => boolean): CorpusFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(filter)
    .sort()
    .map((name) => ({ name, text: name.endsWith('.gz') ? gunzipSync(readFileSync(join(dir, name))).toString('utf8') : readFileSync(join(dir, name), 'utf8') }));
}

/** Plain-text reports: the examples and the seeds (when ../shared is there). */
export const TEXT_CORPUS: CorpusFile[] = [...read(join(ROOT, 'examples'), (n) => n.endsWith('.txt')), ...read(SEEDS, (n) => n.endsWith('.txt'))];

/** Pages: the example page and, when ../shared is there, every 12th page of the extraction benchmark (a spread of sites, at a bounded cost). */
export const HTML_CORPUS: CorpusFile[] = [...read(join(ROOT, 'examples'), (n) => n.endsWith('.html')), ...read(AEB, (n) => n.endsWith('.html.gz')).filter((_, i) => i % 12 === 0)];

export const FEED_CORPUS: CorpusFile[] = read(join(ROOT, 'test', 'fixtures', 'feeds'), () => true);

// ---- generators ----

/** Characters that have broken text tools before: quotes of every kind, controls, NUL, lone surrogates, odd spaces and breaks. */
export const HOSTILE_CHARS = [
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  "'",
  '‘',
  '’',
  '`',
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u200e',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '\r',
  '\r\n',
  '\n',
  '\n\n',
  '\t',
  '\f',
  '\v',
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  ';',
  ':',
  '—',
  '–',
  '-',
  '.',
  '…',
  '?',
  '!',
  '(',
  ')',
  '[',
  ']',
  '/',
  '\\',
  '$',
  '€',
  '%',
  '#',
  '*',
  '_',
  '|',
  'é',
  'e\u0301',
  'ß',
  'İ',
  'ﬁ',
  '中',
  'ع',
  '\u0301\u0301\u0301',
];

/** Words and phrases the stages look for, so random text exercises them rather than nothing. */
export const CUE_WORDS = [
  'said',
  'told reporters',
  'according to',
  'Mr.',
  'Dr.',
  'Foreign Minister',
  'the ministry',
  'he',
  'she',
  'they',
  'The',
  'A',
  'Antony Blinken',
  'Wang Yi',
  'Paris',
  'Monday',
  'June 19',
  'yesterday',
  'about',
  'nearly',
  'more than',
  'at least',
  'hours',
  'minutes',
  'an hour before',
  '3 p.m.',
  '$700 billion',
  '50 percent',
  'seven and a half',
  'a dozen',
  '1,200',
  '2024',
  'BY',
  'Updated',
  'Share',
  'Follow us',
  'Photo:',
  'ANTONY BLINKEN:',
  'REPORTER, BYLINE:',
  'Copyright',
  'Read more',
];

const hostileChar = fc.constantFrom(...HOSTILE_CHARS);
const cueWord = fc.constantFrom(...CUE_WORDS);
const word = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z]{1,12}$/) },
  { weight: 2, arbitrary: cueWord },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e9 }).map(String) },
  { weight: 1, arbitrary: hostileChar },
);
const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', '\n\n', ' "', '" ', ': ', '; ', ' — ', '\t', '');

/** News-like text built from words, cues, numbers and hostile characters. */
export const newsText: fc.Arbitrary<string> = fc.array(fc.tuple(word, separator), { maxLength: 120 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

/** Any UTF-16 string, lone surrogates and controls included. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: hostileChar, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'ab "\'\n.:A1<>'), maxLength: 400 }),
  newsText,
);

type Edit = { op: 'insert'; at: number; text: string } | { op: 'delete'; at: number; length: number } | { op: 'duplicate'; at: number; length: number } | { op: 'truncate'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(hostileChar, newsText, fc.string({ unit: 'binary', maxLength: 20 })) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 2000 }) }) },
  // Cut off, but keeping at least half: a page that ends mid-tag, a report that stops mid-sentence.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0.5, max: 1, noNaN: true }) }) },
);

export const edits: fc.Arbitrary<Edit[]> = fc.array(edit, { minLength: 1, maxLength: 12 });

/** `base` with the edits applied (positions are fractions of the current length). */
export function mutate(base: string, list: readonly Edit[]): string {
  let text = base;
  for (const e of list) {
    const at = Math.floor(e.at * text.length);
    if (e.op === 'insert') text = text.slice(0, at) + e.text + text.slice(at);
    else if (e.op === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
    else if (e.op === 'duplicate') text = text.slice(0, at + e.length) + text.slice(at, at + e.length) + text.slice(at + e.length);
    else text = text.slice(0, at);
  }
  return text;
}

/** A corpus file mutated by random edits. */
export function mutated(corpus: CorpusFile[]): fc.Arbitrary<{ name: string; text: string }> {
  assert.ok(corpus.length, 'empty corpus');
  return fc.tuple(fc.integer({ min: 0, max: corpus.length - 1 }), edits).map(([i, list]) => ({ name: corpus[i]!.name, text: mutate(corpus[i]!.text, list) }));
}

// ---- invariants ----

/** A span inside its document: integers, 0 ≤ start < end ≤ length. */
export function checkSpan(span: Span, docs: Map<string, string>, what: string): string {
  const original = docs.get(span.doc);
  assert.ok(original !== undefined, `${what}: span of an unknown document ${span.doc}`);
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets are not integers`);
  assert.ok(0 <= span.start && span.start < span.end && span.end <= original.length, `${what}: [${span.start}, ${span.end}) outside 0..${original.length}`);
  return original.slice(span.start, span.end);
}

/** Entities' mentions and quotes of one document's analysis slice to what they say they are. */
export function checkAnalysis(doc: CleanDocument, analysis: DocumentAnalysis): void {
  const docs = new Map([[doc.id, doc.original]]);
  for (const e of [...analysis.entities, ...analysis.unconfirmed]) {
    for (const m of e.mentions) assert.equal(checkSpan(m, docs, `mention of ${e.id}`), m.text);
    for (const r of e.roles) for (const s of r.spans) checkSpan(s, docs, `role of ${e.id}`);
  }
  for (const q of analysis.quotes) {
    assert.equal(checkSpan(q.span, docs, `quote ${q.id}`), q.text);
    if (q.speakerSpan) checkSpan(q.speakerSpan, docs, `speaker of ${q.id}`);
    if (q.cue) checkSpan(q.cue, docs, `cue of ${q.id}`);
  }
}

const isSpan = (v: Record<string, unknown>): v is Span & Record<string, unknown> => typeof v['doc'] === 'string' && typeof v['start'] === 'number' && typeof v['end'] === 'number';

/**
 * Every span anywhere in the brief is valid; a span printed with its text ({doc, start, end, text}
 * or {text, span}) slices to that text; a cited sentence lies inside one of its citations.
 */
export function checkBrief(brief: Brief): void {
  const docs = new Map(brief.documents.map((d) => [d.id, d.original]));
  for (const d of brief.documents) assertSpansValid(d);
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'number') assert.ok(!Number.isNaN(value), `${path} is NaN`);
      return;
    }
    const o = value as Record<string, unknown>;
    if (path.startsWith('$.documents')) return; // checked above
    if (isSpan(o)) {
      const text = checkSpan(o, docs, path);
      if (typeof o['text'] === 'string') assert.equal(text, o['text'], `${path}: text is not its span`);
    }
    if (typeof o['text'] === 'string' && o['span'] && isSpan(o['span'] as Record<string, unknown>)) {
      assert.equal(checkSpan(o['span'] as Span, docs, `${path}.span`), o['text'], `${path}: text is not its span`);
    }
    if (typeof o['text'] === 'string' && Array.isArray(o['citations'])) {
      const cited = (o['citations'] as Span[]).map((c, i) => checkSpan(c, docs, `${path}.citations[${i}]`));
      assert.ok(
        cited.some((c) => c.includes(o['text'] as string)),
        `${path}: "${String(o['text']).slice(0, 60)}" is in none of its citations`,
      );
    }
    for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
  };
  walk(brief, '$');
}
