// The cleaner's and ingest's hand-written scanners (one pass over the characters, no string per word) against
// the regular expressions they replace, kept here as the definition: on every line of the real
// reports and pages and on generated hostile text, both must give exactly the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineFeatures } from '../src/clean/line-features.ts';
import { centrality, STOPWORDS as TOPIC_STOPWORDS, termVectors } from '../src/clean/topic.ts';
import { splitLines } from '../src/text/lines.ts';
import { lightStem } from '../src/text/stem.ts';
import { containment, SKETCH_VERSION } from '../src/stories/near-copy.ts';
import { APP_PROMPT, CONTRIBUTOR_LINE, COOKIE_NOTICE, CREDIT_SENTENCE, CREDIT_WORDS, PHOTO_CREDIT, SUBSCRIBE_PROMPT } from '../src/clean/cues.ts';
import { CUE_GATES } from '../src/clean/classify-lines.ts';
import { prepareArticle } from '../src/collect/prepare.ts';
import { cleanParts } from '../src/clean/index.ts';
import { articleFeatures, countedJson, recordOf, scanFeatures, sketchOf } from '../src/stories/features.ts';
import { JsonBytes } from '../src/util/json-bytes.ts';
import { hashFeatures } from '../src/stories/hashed-features.ts';
import { anyText, fuzzParams, HOSTILE_CHARS, HTML_CORPUS, newsText, TEXT_CORPUS } from './fuzz-support.ts';

const MINOR = new Set('a an and as at but by for from in into is of on or over per the to up via vs with amid after than that'.split(' '));

/** What lineFeatures computed with regexes: its words and their classes, the sentence end, the repeat key. */
function referenceLineFeatures(text: string) {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  let major = 0;
  let capitals = 0;
  let lowerWords = 0;
  for (const w of words) {
    const capital = /^[\p{Lu}\p{N}]/u.test(w);
    if (!capital && /^\p{Ll}/u.test(w)) lowerWords++;
    if (MINOR.has(w.toLowerCase())) continue;
    major++;
    if (capital) capitals++;
  }
  const endsSentence = /[.!?…](?:["'”’)\]]+)?$/u.test(text) || /[.!?…]["'”’]$/u.test(text);
  return {
    words: words.length,
    endsSentence,
    prose: endsSentence && words.length >= 6 && lowerWords / Math.max(1, words.length) >= 0.35,
    capitalShare: major ? capitals / major : 0,
    key: text.toLowerCase().replace(/\s+/g, ' ').trim(),
  };
}

/** The topic terms of a text as a regex and string slices gave them. */
function referenceTermVector(text: string): Map<string, number> {
  const vector = new Map<string, number>();
  for (const found of text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) {
    let word = found.replace(/['’]s$/, '');
    if (word.length < 3 || TOPIC_STOPWORDS.has(word)) continue;
    word = lightStem(word);
    if (word.length >= 3) vector.set(word, (vector.get(word) ?? 0) + 1);
  }
  return vector;
}

/** termVectors numbers the reference's terms one to one, in the same order with the same counts, and centrality gives what it gave over the reference's Maps. */
function sameTermVectors(texts: string[]): void {
  const got = termVectors(texts.map((text) => text.toLowerCase()));
  const want = texts.map(referenceTermVector);
  const idOf = new Map<string, number>();
  const termOf = new Map<number, string>();
  got.forEach((vector, t) => {
    const b = [...want[t]!];
    assert.equal(vector.ids.length, b.length, `terms of ${JSON.stringify(texts[t])}`);
    vector.ids.forEach((id, k) => {
      const [term, expected] = b[k]!;
      assert.equal(vector.counts[k], expected, `count of ${term} in ${JSON.stringify(texts[t])}`);
      assert.equal(idOf.get(term) ?? id, id, `${term} has two ids`);
      assert.equal(termOf.get(id) ?? term, term, `id ${id} is two terms`);
      idOf.set(term, id);
      termOf.set(id, term);
    });
  });
  const reference = texts.map((_, i) => i % 3 !== 2);
  assert.deepEqual(centrality(got, reference), referenceCentrality(want, reference));
}

/** Centrality as it was computed over Maps of terms. */
function referenceCentrality(blocks: Map<string, number>[], isReference: boolean[]): number[] {
  const centroid = new Map<string, number>();
  blocks.forEach((vector, i) => {
    if (isReference[i]) for (const [term, count] of vector) centroid.set(term, (centroid.get(term) ?? 0) + count);
  });
  let centroidNorm2 = 0;
  for (const total of centroid.values()) centroidNorm2 += Math.log1p(total) ** 2;
  return blocks.map((vector, i) => {
    let dot = 0;
    let normBlock = 0;
    let normRest2 = centroidNorm2;
    for (const [term, count] of vector) {
      const total = centroid.get(term) ?? 0;
      const own = isReference[i] ? count : 0;
      const rest = Math.log1p(total - own);
      if (own) normRest2 += rest * rest - Math.log1p(total) ** 2;
      const weight = Math.log1p(count);
      dot += weight * rest;
      normBlock += weight * weight;
    }
    return normBlock > 0 && normRest2 > 1e-12 ? dot / Math.sqrt(normBlock * normRest2) : 0;
  });
}

function sameLineFeatures(text: string): void {
  const got = lineFeatures({ start: 0, end: text.length, text, index: 0, blankBefore: 0 });
  const want = referenceLineFeatures(text);
  assert.deepEqual({ words: got.words, endsSentence: got.endsSentence, prose: got.prose, capitalShare: got.capitalShare, key: got.key }, want, JSON.stringify(text));
}

/** Every line of the example reports, the seeds and a spread of the extraction benchmark's pages (markup and all). */
const REAL_LINES = [...TEXT_CORPUS, ...HTML_CORPUS].flatMap((file) => splitLines(file.text).map((line) => line.text));

/** Text made of what the scanners treat specially: apostrophes, periods, hyphens, minor words in any case, odd letters and spaces. */
const trickyText = fc
  .array(
    fc.constantFrom(
      ...HOSTILE_CHARS,
      'A',
      'a',
      'THE',
      'The',
      'of',
      'Of',
      'aMiD',
      'after',
      'afters',
      'that’s',
      "it's",
      'U.S.',
      'x-ray',
      '2.5',
      '10',
      '2023',
      '007',
      '0',
      '4294967294',
      '4294967295',
      '12345678901',
      'K',
      'Copyright',
      '©',
      '(C)',
      'All Rights Reserved',
      'transcript provided by',
      'Audio  produced by',
      'prepared by',
      '\u212a',
      'ǅ',
      'ʰ',
      '𝐀',
      '𝟙',
      '𐐨',
      '  ',
      ' ',
      ' ',
      '\u3000',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

test('lineFeatures: words, capitals, sentence end and repeat key as the regexes gave them, on every real line', () => {
  assert.ok(REAL_LINES.length > 1000, `only ${REAL_LINES.length} lines read`);
  for (const line of REAL_LINES) sameLineFeatures(line);
});

test('lineFeatures: the same as the regexes on generated text', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, newsText, trickyText), (text) => sameLineFeatures(text)),
    fuzzParams(3000),
  );
});

test('termVectors: the topic terms the regex gave, one id per term, on every real document', () => {
  for (const file of [...TEXT_CORPUS, ...HTML_CORPUS]) sameTermVectors(splitLines(file.text).map((line) => line.text));
});

test('termVectors: the same as the regex on generated text', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(anyText, newsText, trickyText), { maxLength: 8 }), (texts) => sameTermVectors(texts)),
    fuzzParams(1500),
  );
});

/**
 * The words the feature scan reads, from a regex: a code unit is a letter or digit when the code
 * point there is \p{L} or \p{N}, or when it is the low half of a surrogate pair (so a pair's
 * halves stay together; an emoji's low half counts too, as the scan has it); words are runs of
 * them, a . or , between two ASCII digits inside one.
 */
function referenceWords(text: string): string[] {
  let marks = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const word = /[\p{L}\p{N}]/u.test(String.fromCodePoint(text.codePointAt(i)!)) || (unit >= 0xdc00 && unit <= 0xdfff);
    marks += unit >= 48 && unit <= 57 ? 'd' : word ? 'w' : unit === 46 || unit === 44 ? text[i] : ' ';
  }
  return [...marks.matchAll(/[wd](?:[wd]|(?<=d)[.,](?=d))*/g)].map((m) => text.slice(m.index, m.index + m[0].length));
}

/** A near-copy sketch as the regex's words and a Set of shingle hashes give it (the hashes as `sketchOfWords` defines them). */
function referenceSketch(text: string): { hashes: number[]; size: number; v: number } {
  const mixed = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
  const keys = referenceWords(text).map((word) => {
    let h = 0x811c9dc5;
    for (const unit of word.toLowerCase().split('')) h = Math.imul(h ^ unit.charCodeAt(0), 0x01000193);
    return mixed(h);
  });
  const seen = new Set<number>();
  for (let i = 0; i + 5 <= keys.length; i++) {
    let h = keys[i]!;
    for (let k = 1; k < 5; k++) h = Math.imul(((h << 5) | (h >>> 27)) ^ keys[i + k]!, 0x9e3779b1);
    seen.add(mixed(h) >>> 0);
  }
  const all = [...seen].sort((a, b) => a - b);
  return { hashes: all.slice(0, 64), size: all.length, v: SKETCH_VERSION };
}

test('sketchOf: the shingle sketch of the words the regex finds, on every real document and on generated text', () => {
  for (const file of [...TEXT_CORPUS, ...HTML_CORPUS]) assert.deepEqual(sketchOf(file.text), referenceSketch(file.text), file.name);
  fc.assert(
    fc.property(fc.oneof(anyText, newsText, trickyText), (text) => assert.deepEqual(sketchOf(text), referenceSketch(text))),
    fuzzParams(2000),
  );
});

test('sketchOf: a title before the text leaves the sketch as it is; a sketch stored under the first definition is never compared', () => {
  const body = TEXT_CORPUS[0]!.text;
  for (const title of ['Ferry Terminal Closed: 3,000 Stranded, 2.5 Hours', 'x', '  …  ', 'Über 1.5']) assert.deepEqual(scanFeatures(body, title).sketch, sketchOf(body), title);
  const alone = sketchOf(body);
  assert.ok(alone.size > 100);
  assert.equal(containment(alone, sketchOf(`${body}\n\nOne more paragraph at the end.`)) >= 0.9, true);
  const stored = { hashes: alone.hashes, size: alone.size };
  assert.equal(containment(alone, stored), 0, 'a sketch without a version is of the first definition');
  assert.equal(containment(stored, { ...stored }), 1);
});

test('CREDIT_WORDS: every line CREDIT_SENTENCE matches holds one of them (so the cleaner may skip the rest)', () => {
  const implied = (text: string) => assert.ok(!CREDIT_SENTENCE.test(text) || CREDIT_WORDS.test(text), JSON.stringify(text));
  let credits = 0;
  for (const line of REAL_LINES) {
    implied(line);
    if (CREDIT_SENTENCE.test(line)) credits++;
  }
  assert.ok(credits > 3, `only ${credits} credit lines among the real lines`);
  fc.assert(fc.property(fc.oneof(anyText, newsText, trickyText), implied), fuzzParams(3000));
});

test('CUE_GATES: every line a cue regex matches passes its gate (so the cleaner may skip the regex on the rest)', () => {
  const cues: [keyof typeof CUE_GATES, RegExp][] = [
    ['cookie', COOKIE_NOTICE],
    ['subscribe', SUBSCRIBE_PROMPT],
    ['app', APP_PROMPT],
    ['contributor', CONTRIBUTOR_LINE],
    ['photoCredit', PHOTO_CREDIT],
  ];
  const key = (text: string) => lineFeatures({ start: 0, end: text.length, text, index: 0, blankBefore: 0 }).key;
  const implied = (text: string) => {
    for (const [gate, cue] of cues) assert.ok(!cue.test(text) || CUE_GATES[gate](key(text)), `${gate}: ${JSON.stringify(text)}`);
  };
  const matched = new Set<string>();
  const written = [
    'We use cookies to improve your experience. By continuing you agree to our privacy policy.',
    'SIGN UP for our Morning Briefing newsletter, delivered to your inbox daily.',
    'Download  the  app: get our free App for breaking news.',
    'Jane Roe contributed to this report.',
    'Reporting by John Doe;\tEditing by Jan Roe',
    'A firefighter at the scene on Sunday. (Photo: Jane Roe/Getty Images)',
    'PHOTOCREDIT: A. Person',
  ];
  for (const text of [...REAL_LINES, ...written]) {
    implied(text);
    for (const [gate, cue] of cues) if (cue.test(text)) matched.add(gate);
  }
  assert.deepEqual([...matched].sort(), cues.map(([gate]) => gate).sort(), 'every cue matched some line');
  fc.assert(fc.property(fc.oneof(anyText, newsText, trickyText), implied), fuzzParams(3000));
});

/** A prepared article's features JSON and hashes, written from lists, against the records they stand for. */
function samePrepared(content: string): void {
  const input = { source: 'x.txt', format: 'text' as const, content, hints: {} };
  const prepared = prepareArticle(input);
  const { original, cleaning } = cleanParts(input);
  const body = cleaning.paragraphs.map((p) => original.slice(p.start, p.end)).join('\n\n');
  const features = articleFeatures(body, cleaning.meta.title);
  assert.equal(prepared.featuresJson, JSON.stringify({ ...features, sketch: sketchOf(body) }), JSON.stringify(content.slice(0, 200)));
  assert.deepEqual(prepared.filing.hashed, hashFeatures(features));
  assert.deepEqual(prepared.filing.names(), features.names);
}

test('prepareArticle: the features JSON and hashes it writes from lists are those of the records, numbers first as records order them', () => {
  for (const file of TEXT_CORPUS) samePrepared(file.text);
  samePrepared('Vote 2023 Set\n\nIn 2023 the 10 towns and 007 agents met 4294967295 and 4294967294 people, 1,000 of them on day 0 in Marlow. Marlow voted.');
  fc.assert(
    fc.property(fc.oneof(newsText, trickyText), (text) => samePrepared(text)),
    fuzzParams(300),
  );
});

test('countedJson: JSON.stringify of the record, whatever the keys hold (quotes, backslashes, controls, non-ASCII, lone surrogates)', () => {
  const keys = ['plain', 'two words', 'say "no"', 'back\\slash', 'tab\there', 'line\nbreak', 'del\u007f', 'café', 'münchen', '\ud800', 'x\udfffy', '😀', '', "o'brien", '1,000'];
  const counted = { keys, counts: keys.map((_, k) => k + 1), hashes: keys.map(() => 0) };
  assert.equal(countedJson(counted), JSON.stringify(recordOf(counted)));
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 20 }), (raw) => {
      // Keys that are not array indices, distinct, as the scanner lists them.
      const unique = [...new Set(raw.map((k) => `k${k}`))];
      const list = { keys: unique, counts: unique.map((_, k) => k), hashes: unique.map(() => 0) };
      assert.equal(countedJson(list), JSON.stringify(recordOf(list)));
    }),
    fuzzParams(300),
  );
});

test('JsonBytes: numbers and strings as JSON.stringify writes them, read back as one string (ASCII or not)', () => {
  const json = new JsonBytes();
  const same = (value: number | string) => {
    json.reset();
    if (typeof value === 'number') json.uint(value);
    else json.string(value);
    assert.equal(json.text(), JSON.stringify(value), String(value));
  };
  for (const n of [0, 1, 9, 10, 99, 100, 999_999_999, 1_000_000_000, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53, 1.5, -1, 1e21]) same(n);
  for (const s of ['', 'plain', 'café', '😀', '\ud800', 'a"b', 'back\\slash', 'tab\t', '\u007f', 'x\udfffy', 'Zürich "Ost"']) same(s);
  fc.assert(fc.property(fc.nat({ max: 2 ** 32 - 1 }), same), fuzzParams(2000));
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), same), fuzzParams(2000));
  // A long text after a short one: the buffer grows and nothing written before is lost.
  json.reset();
  json.ascii('[');
  const long = 'ü'.repeat(40_000);
  json.string(long);
  json.ascii(']');
  assert.equal(json.text(), JSON.stringify([long]));
});

test("a story title made from an untitled article's opening words is cut at a word, with an ellipsis", async () => {
  const { openingWords } = await import('../src/collect/prepare.ts');
  const long = 'Officials reopened the mountain pass on Sunday after a week of snow, the transport ministry said, adding that chains remain mandatory for trucks until further notice.';
  const title = openingWords(long)!;
  assert.ok(title.endsWith('…') && title.length <= 121, title);
  assert.ok(long.startsWith(title.slice(0, -1)) && /\w…$/.test(title), 'ends on a whole word');
  assert.equal(openingWords('Short line.'), 'Short line.');
  assert.equal(openingWords('   '), null);
  assert.equal(openingWords('x'.repeat(300)), `${'x'.repeat(120)}…`);
});
