// The slowest regular expressions the pipeline had, each timed on an adversarial input of 100,000+
// characters (V8 retries a pattern like /\s+$/ from every start of a long run: quadratic). Each
// fix is also checked to give exactly what the old regex gave, on random strings.
//
// In a long run (FUZZ_RUNS set) every regex literal in the pipeline's directories is also timed
// against inputs pumped from its own characters; see test/FUZZING.md for the before/after timings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { escapeMarkdown } from '../src/brief/escape.ts';
import { quotedShare } from '../src/brief/synthesis.ts';
import { cleanOrg } from '../src/clean/metadata.ts';
import { lineFeatures } from '../src/clean/line-features.ts';
import { foldWord, wordDiff } from '../src/compare/word-diff.ts';
import { breakLongRuns, MAX_RUN_CHARS, readPassage } from '../src/text/nlp.ts';
import { trimChars, trimEndChars, spaceOr } from '../src/text/trim.ts';
import { anyText, assertGrowsLinearly, fuzzParams } from './fuzz-support.ts';

/** The long runs: a linear pass over 100,000 characters takes milliseconds; the old regexes took 2–90 s. */
const N = 100_000;

/** The work at N/4 and at N (`make(n)` gives it for a run of n): it must not grow faster than linearly. */
function linear(what: string, make: (n: number) => () => unknown): void {
  assertGrowsLinearly(what, N / 4, make);
}

// The old forms, as references for the fixed ones.
// The regexes escapeMarkdown replaced, after its first step (control characters shown as escapes).
const oldEscapeMarkdown = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/^([#>+-])/, '\\$1')
    .replace(/\s*\n\s*/g, ' ');
const oldCleanOrg = (name: string) =>
  name
    .replace(/[\s,.;:]+$/, '')
    .replace(/\s+(?:and|of|the|&)$/i, '')
    .trim();
const oldQuotedShare = (text: string) => {
  let inside = 0;
  for (const m of text.matchAll(/[“"]([^”"]*)[”"]/g)) inside += m[1]!.length;
  return text.length ? inside / text.length : 0;
};
const quoteish = fc.string({ unit: fc.constantFrom('"', '“', '”', "'", ' ', '\n', '\t', 'a', 'B', ',', '.', ';', ':', '&', '\u00a0', ')', ']', '’'), maxLength: 60 });
const orgish = fc.tuple(quoteish, fc.constantFrom('', ' and', ' of', ' The', ' &', 'and', ' AND ', ' the.')).map(([a, b]) => a + b);

test('escapeMarkdown: line breaks with the space around them become one space; linear on a long run of spaces', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, quoteish), (s) => assert.equal(escapeMarkdown(s), oldEscapeMarkdown(s))),
    fuzzParams(300),
  );
  fc.assert(
    fc.property(quoteish, (s) => assert.equal(escapeMarkdown(s).includes('\n'), false)),
    fuzzParams(100),
  );
  linear('escapeMarkdown over a run of spaces', (n) => () => escapeMarkdown('a' + ' '.repeat(n) + 'b'));
  linear('escapeMarkdown over space-newline pairs', (n) => () => escapeMarkdown(' \n'.repeat(n) + 'b'));
});

test('cleanOrg (organization names from credits): same as the old regexes, linear on long runs of spaces', () => {
  fc.assert(
    fc.property(orgish, (s) => assert.equal(cleanOrg(s), oldCleanOrg(s))),
    fuzzParams(500),
  );
  linear('cleanOrg over a run of spaces', (n) => () => cleanOrg(' '.repeat(n) + 'A'));
  linear('cleanOrg over a run of ", "', (n) => () => cleanOrg(', '.repeat(n) + 'A and'));
});

test('trim helpers equal the regexes they replace', () => {
  fc.assert(
    fc.property(quoteish, (s) => assert.equal(trimEndChars(s, `"'”’)]`), s.replace(/["'”’)\]]+$/, ''))),
    fuzzParams(300),
  );
  fc.assert(
    fc.property(quoteish, (s) => assert.equal(trimChars(s, "'"), s.replace(/^'+|'+$/g, ''))),
    fuzzParams(300),
  );
  fc.assert(
    fc.property(fc.oneof(quoteish, anyText), (s) => assert.equal(trimEndChars(s, spaceOr(',.;:')), s.replace(/[\s,.;:]+$/, ''))),
    fuzzParams(300),
  );
});

test('foldWord and wordDiff: linear on long runs of apostrophes and trailing spaces', () => {
  const oldFold = (w: string) =>
    w
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .replace(/[^\p{L}\p{N}']+/gu, '')
      .replace(/^'+|'+$/g, '') || w.trim();
  fc.assert(
    fc.property(fc.oneof(quoteish, anyText), (w) => assert.equal(foldWord(w), oldFold(w))),
    fuzzParams(300),
  );
  linear('foldWord over a run of apostrophes', (n) => () => foldWord('a' + "'".repeat(n) + 'a'));
  linear('wordDiff with a run of trailing spaces', (n) => () => wordDiff('we will talk' + ' '.repeat(n), 'we shall talk' + ' '.repeat(n)));
  // Nothing is lost: the diff's same+added parts read as b.
  fc.assert(
    fc.property(quoteish, quoteish, (a, b) => {
      const diff = wordDiff(a, b);
      assert.equal(
        diff
          .filter((d) => d.op !== 'removed')
          .map((d) => d.text)
          .join(''),
        b,
      );
    }),
    fuzzParams(300),
  );
});

test('lineFeatures: a line of 100,000 closing quotes', () => {
  linear('lineFeatures', (n) => {
    const text = '"'.repeat(n) + 'a';
    return () => lineFeatures({ start: 0, end: text.length, text, index: 0, blankBefore: 0 });
  });
});

test('quotedShare: same as the old regex, linear on 50,000 opening marks never closed', () => {
  fc.assert(
    fc.property(quoteish, (s) => assert.equal(quotedShare(s), oldQuotedShare(s))),
    fuzzParams(500),
  );
  linear('quotedShare', (n) => () => quotedShare(' “'.repeat(n / 2)));
});

test('wink-nlp reads runs of 100,000+ non-space characters in pieces (its tokenizer regexes are quadratic in a run)', () => {
  let readings = 0;
  const runs = (n: number) => ['-'.repeat(2 * n), '1'.repeat(n) + 'a', '/'.repeat(n) + '1', "'".repeat(n) + 'a', '.'.repeat(n) + 'x', 'A.'.repeat(n / 2), 'x'.repeat(10 * n), 'http://'.repeat(n / 7)];
  runs(N).forEach((run, r) => {
    // Tokens are still verbatim pieces of the text, in order.
    const reading = readPassage(`Officials said ${run} on Monday.`);
    let at = 0;
    for (const [k, o] of reading.offsets().entries()) {
      assert.ok(o.start >= at);
      at = o.end;
      assert.ok(reading.values[k]!.length <= Math.max(MAX_RUN_CHARS, 20));
    }
    linear(`readPassage over ${JSON.stringify(run.slice(0, 8))}…`, (n) => {
      const text = `Officials said ${runs(n)[r]} on Monday`;
      // A new text each time: readPassage remembers the last readings.
      return () => readPassage(`${text} ${++readings}.`);
    });
  });
  // Runs within the bound are left alone, so ordinary text reads exactly as before.
  fc.assert(
    fc.property(anyText, (s) =>
      assert.equal(
        breakLongRuns(s),
        s.replace(/\S+/g, (r) => (r.length > MAX_RUN_CHARS ? r.match(new RegExp(`[^]{1,${MAX_RUN_CHARS}}`, 'g'))!.join(' ') : r)),
      ),
    ),
    fuzzParams(200),
  );
});

// ---- every regex literal, in a long run ----

const PIPELINE_DIRS = ['src/ingest', 'src/clean', 'src/text', 'src/analyse', 'src/compare', 'src/brief', 'src/pipeline'];
/** Regexes (by source) known to be slow on some long input, and why that input cannot reach them. */
const ALLOWED: Record<string, string> = {
  '\\s*\\S+': 'word-diff tokens: applied to text with its trailing space cut off',
  ',\\s*|\\s+or\\s+': 'places vocabulary: reads the world-countries data, not input',
  // "newsletter … inbox" rescans the rest of the text from each "newsletter": only ever run on short blocks.
  '\\b(?:subscribe (?:to|for) (?:our|the)|sign up (?:to|for) (?:our|the)|our newsletters?|newsletters?\\b.*\\binbox|follow (?:us|him|her|them) on|download (?:our|the) app|get the latest)\\b':
    'content-filters SUBSCRIBE_RE: tested only on blocks of at most SHORT_LINE_WORDS words',
};

/** Regex literals of a TypeScript file (a small tokenizer: strings and comments skipped). */
function regexLiterals(source: string): RegExp[] {
  const out: RegExp[] = [];
  let prev = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 1;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      i = j;
      prev = 'x';
      continue;
    }
    if (c === '/' && /^(?:[(,=:[!&|?{};]|return|)$/.test(prev)) {
      let j = i + 1;
      let inClass = false;
      for (; j < source.length && source[j] !== '\n'; j++) {
        const d = source[j]!;
        if (d === '\\') j++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
      }
      const flags = /^[dgimsuvy]*/.exec(source.slice(j + 1))![0];
      try {
        out.push(new RegExp(source.slice(i + 1, j), flags));
        i = j + flags.length;
        prev = 'x';
        continue;
      } catch {
        /* a division after all */
      }
    }
    if (!/\s/.test(c)) prev = /\w/.test(c) ? (/^\w+$/.test(prev) ? prev + c : c) : c;
  }
  return out;
}

/** Strings that pump a regex: runs of its own characters and words, ending in ways that make it fail. */
function pumps(re: RegExp): string[] {
  const chars = new Set([' ', '\n', 'a', 'A', '1', '.', ',', '-', "'", '"', '“', '”', ':', '(', ')', '<', '>', '/', '\t', '\u00a0']);
  for (const ch of re.source.replace(/\\[pPu]\{?[^}\\]*\}?|\\./g, ' ')) if (ch >= ' ') chars.add(ch);
  const words = new Set(['Abc ', 'A. ', 'ABC ', '1 ', '1,']);
  for (const m of re.source.matchAll(/[A-Za-z]{2,}/g)) words.add(`${m[0]} `).add(`${m[0][0]!.toUpperCase()}${m[0].slice(1)} `);
  return [...chars, ...[...chars].map((c) => c + ' '), ...words];
}

/** Milliseconds for one search (or, global and sticky, every match) of `re` over `s`. */
function execTime(re: RegExp, s: string): number {
  const start = performance.now();
  if (re.global || re.sticky) {
    re.lastIndex = 0;
    for (let k = 0; k < 1e5 && re.exec(s) && re.lastIndex > 0; k++);
    re.lastIndex = 0;
  } else re.exec(s);
  return performance.now() - start;
}

test('every regex literal of the pipeline is linear on pumped inputs (long run only)', { skip: !process.env.FUZZ_RUNS && 'set FUZZ_RUNS (npm run fuzz)' }, () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string) => readdirSync(dir).forEach((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : f.endsWith('.ts') && files.push(join(dir, f))));
  PIPELINE_DIRS.forEach((d) => walk(join(root, d)));
  const slow: string[] = [];
  const size = 20_000;
  for (const file of files) {
    for (const re of regexLiterals(readFileSync(file, 'utf8'))) {
      if (ALLOWED[re.source]) continue;
      for (const pump of pumps(re)) {
        const body = pump.repeat(Math.ceil(size / pump.length));
        for (const s of [body + '!', '!' + body + '\u0000', body]) {
          const ms = execTime(re, s);
          // Linear: well under a millisecond per 20,000 characters; quadratic: tens of milliseconds
          // and four times that for twice the input (the second look keeps a busy machine from failing it).
          if (ms > 40 && execTime(re, s.replace(body, body + body)) > 3 * ms)
            slow.push(`${file.slice(root.length)} ${re} on ${JSON.stringify(pump)}×${Math.round(size / pump.length)}: ${Math.round(ms)} ms`);
        }
      }
    }
  }
  assert.deepEqual(slow, []);
});
