// Property/fuzz tests over the whole pipeline with fast-check: random, hostile and mutated inputs
// (bytes through the decoder, text with controls, NUL and lone surrogates, the example and
// benchmark pages mutated, feeds with odd content) must never throw past the library's entry
// points, must keep every span valid, and must finish in bounded time and memory.
//
//   npm test                                   fixed seed, small run counts (a few seconds)
//   FUZZ_RUNS=2000 node --import tsx --test test/fuzz-*.test.ts     a long run (npm run fuzz)
//   FUZZ_SEED=123 …                            another seed; a failure prints seed and path to replay
//
// test/fuzz-support.ts has the generators and invariants; test/fuzz-scale.test.ts the fixed
// large inputs (1 MB lines, 100k lines, deep HTML); test/fuzz-regex.test.ts the slow regexes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeBytes } from '../src/ingest/decode.ts';
import { inputsFromBytes } from '../src/ingest/inputs-from-bytes.ts';
import { feedItems, isFeed } from '../src/ingest/feeds.ts';
import { parseJsonLines } from '../src/ingest/jsonl.ts';
import { InputError, type RawInput } from '../src/ingest/raw-input.ts';
import { cleanDocument } from '../src/clean/index.ts';
import { analyseSafely, brief, briefDocuments } from '../src/pipeline/run.ts';
import { analyseDocument } from '../src/analyse/index.ts';
import { findQuotations } from '../src/analyse/quotes/quotation-marks.ts';
import { findValues } from '../src/compare/values/index.ts';
import { renderHtml } from '../src/brief/html.ts';
import { renderMarkdown } from '../src/brief/markdown.ts';
import type { CleanDocument } from '../src/schema.ts';
import {
  anyText,
  assertHeapBounded,
  checkAnalysis,
  checkBrief,
  edits,
  FEED_CORPUS,
  fuzzParams,
  HOSTILE_CHARS,
  HTML_CORPUS,
  mutate,
  mutated,
  newsText,
  TEXT_CORPUS,
  withinTime,
} from './fuzz-support.ts';
import { assertSpansValid } from './support.ts';

/** Per-input time bounds: generous for a loaded 2-core machine, far below what backtracking costs. */
const SMALL_INPUT_MS = 4_000;
const PAGE_MS = 15_000;

/** One input through clean and analyse, with every invariant checked. */
function cleanAndAnalyse(input: RawInput, boundMs = SMALL_INPUT_MS): CleanDocument {
  return withinTime(`${input.format} input of ${input.content.length} chars`, boundMs, () => {
    const doc = cleanDocument(input);
    assertSpansValid(doc);
    // The library entry itself (analyseSafely would hide a throw in a message).
    checkAnalysis(doc, analyseDocument(doc));
    return doc;
  });
}

const raw = (content: string, format: 'text' | 'html', source = 'fuzz'): RawInput => ({ source, format, content, hints: {} });

test('decodeBytes: any bytes (BOMs, UTF-16, mixed encodings, NUL) decode or are refused with a one-line reason', () => {
  const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff], [0x2b, 0x2f, 0x76]);
  const piece = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    anyText.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
    anyText.map((t) => new Uint8Array(Buffer.from(t, 'utf16le'))),
    anyText.map((t) => new Uint8Array(Buffer.from(t, 'latin1'))),
  );
  const charset = fc.option(fc.constantFrom('utf-8', 'UTF-8', 'latin1', 'iso-8859-1', 'windows-1252', 'utf-16le', 'utf-16be', 'shift_jis', 'gbk', 'iso-2022-kr', 'bogus', '"utf-8"', ''), {
    nil: undefined,
  });
  fc.assert(
    fc.property(bom, fc.array(piece, { maxLength: 4 }), charset, (b, pieces, cs) => {
      const bytes = new Uint8Array(Buffer.concat([Buffer.from(b), ...pieces.map((p) => Buffer.from(p))]));
      const decoded = decodeBytes(bytes, { charset: cs, maxBytes: 1 << 20 });
      if (decoded.ok) {
        assert.equal(typeof decoded.text, 'string');
        assert.ok(decoded.text.trim().length > 0, 'empty text is refused, not returned');
      } else assert.ok(decoded.reason && !decoded.reason.includes('\n'), `reason: ${decoded.reason}`);
    }),
    fuzzParams(300),
  );
});

test('inputsFromBytes → cleanDocument → analyseDocument: any file content under any extension', () => {
  const name = fc.constantFrom('a.txt', 'a.html', 'a.md', 'a.jsonl', 'a.json', 'a.rss', 'a.xml', 'a.atom', undefined);
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    anyText.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
    fc
      .array(
        fc.record({
          text: fc.option(anyText, { nil: undefined }),
          html: fc.option(anyText, { nil: undefined }),
          outlet: fc.option(anyText, { nil: undefined }),
          published: fc.option(anyText, { nil: undefined }),
        }),
        { maxLength: 3 },
      )
      .map((records) => new Uint8Array(Buffer.from(records.map((r) => JSON.stringify(r)).join('\n')))),
  );
  fc.assert(
    fc.property(bytes, name, (content, file) => {
      const items = inputsFromBytes(content, 'fuzz', file, 1 << 20);
      assert.ok(items.length >= 1);
      for (const item of items) {
        if (item instanceof InputError) assert.ok(!item.reason.includes('\n'), item.reason);
        else cleanAndAnalyse(item);
      }
    }),
    fuzzParams(200),
  );
});

test('text inputs: hostile characters, controls, NUL, lone surrogates, unbalanced quotes', () => {
  fc.assert(
    fc.property(anyText, fc.boolean(), (text, html) => {
      cleanAndAnalyse(raw(text, html ? 'html' : 'text'));
    }),
    fuzzParams(300),
  );
});

test('real reports (examples, seeds) mutated: spans stay valid, quotes and names slice to their text', () => {
  fc.assert(
    fc.property(mutated(TEXT_CORPUS), ({ name, text }) => {
      cleanAndAnalyse(raw(text, 'text', name));
    }),
    fuzzParams(100, 0.2),
  );
  assertHeapBounded();
});

test('real pages (example page, extraction benchmark) mutated: broken tags, cut-off pages, stray quotes', () => {
  const tagSoup = fc.constantFrom(
    '<div>',
    '</div>',
    '<p>',
    '</p>',
    '<script>',
    '</script>',
    '<!--',
    '-->',
    '<![CDATA[',
    '<a href="',
    '"',
    "'",
    '<br>',
    '<table><tr><td>',
    '&',
    '&#',
    '<title>',
    '</body>',
    '<html>',
    '<style>',
    '<svg><foreignObject>',
    '<template>',
    '<noscript>',
    '<iframe srcdoc="<p>x</p>">',
  );
  const pageEdits = fc.tuple(edits, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), tagSoup), { maxLength: 8 }));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: HTML_CORPUS.length - 1 }), pageEdits, (i, [list, tags]) => {
      const page = HTML_CORPUS[i]!;
      const text = mutate(page.text, [...list, ...tags.map(([at, t]) => ({ op: 'insert' as const, at, text: t }))]);
      cleanAndAnalyse(raw(text, 'html', page.name), PAGE_MS);
    }),
    fuzzParams(40, 0.25),
  );
  assertHeapBounded();
});

test('RSS / Atom with odd content: feedItems never throws, every item cleans', () => {
  const field = fc.oneof(anyText, fc.constantFrom('<![CDATA[<p>Hi</p>]]>', '<![CDATA[', ']]>', '&amp;lt;p&amp;gt;', '&#0;', '&#x110000;', '&bogus;', '<b>x</b>', '', '   '));
  const item = fc.record({ title: field, description: field, link: field, pubDate: field, author: field });
  const feed = fc.tuple(fc.constantFrom('rss', 'atom', 'rdf'), field, fc.array(item, { maxLength: 4 })).map(([kind, title, items]) => {
    if (kind === 'atom')
      return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>${items.map((i) => `<entry><title>${i.title}</title><link href="${i.link}"/><summary type="html">${i.description}</summary><published>${i.pubDate}</published><author><name>${i.author}</name></author></entry>`).join('')}</feed>`;
    if (kind === 'rdf')
      return `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel><title>${title}</title></channel>${items.map((i) => `<item><title>${i.title}</title><description>${i.description}</description><dc:date>${i.pubDate}</dc:date></item>`).join('')}</rdf:RDF>`;
    return `<rss version="2.0"><channel><title>${title}</title>${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><description>${i.description}</description><content:encoded>${i.description}</content:encoded><pubDate>${i.pubDate}</pubDate><dc:creator>${i.author}</dc:creator></item>`).join('')}</channel></rss>`;
  });
  const anyFeed = fc.oneof({ weight: 3, arbitrary: feed }, { weight: 1, arbitrary: mutated(FEED_CORPUS).map((f) => f.text) });
  fc.assert(
    fc.property(anyFeed, (xml) => {
      withinTime('feed', SMALL_INPUT_MS, () => {
        isFeed(xml);
        for (const entry of feedItems(xml, 'feed.rss')) {
          if (entry instanceof InputError) assert.ok(!entry.reason.includes('\n'), entry.reason);
          else {
            assert.ok(!entry.hints.published || !Number.isNaN(Date.parse(entry.hints.published)));
            cleanAndAnalyse(entry);
          }
        }
      });
    }),
    fuzzParams(150),
  );
});

test('JSON Lines with odd records never throw', () => {
  const line = fc.oneof(
    anyText,
    fc.json(),
    fc.constantFrom('{"text": 5}', '{"html": null}', '{"text": "x", "published": {"a": 1}}', '[]', 'null', '{"text": "\\ud800"}', '{"outlet": ["a"], "text": "y"}'),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
      for (const item of parseJsonLines(lines.join('\n'), 'fuzz.jsonl')) {
        if (item instanceof InputError) assert.ok(!item.reason.includes('\n'), item.reason);
        else cleanAndAnalyse(item);
      }
    }),
    fuzzParams(150),
  );
});

test('briefs over several hostile and mutated reports: every span valid, every cited sentence in its citation, renderers never throw', () => {
  const doc = fc.oneof(
    { weight: 3, arbitrary: mutated(TEXT_CORPUS).map((f) => raw(f.text, 'text', f.name)) },
    { weight: 1, arbitrary: newsText.map((t) => raw(t, 'text')) },
    { weight: 1, arbitrary: anyText.map((t) => raw(t, 'text')) },
    { weight: 1, arbitrary: mutated(HTML_CORPUS).map((f) => raw(f.text, 'html', f.name)) },
  );
  const hint = fc.record({
    outlet: fc.option(anyText, { nil: undefined }),
    title: fc.option(anyText, { nil: undefined }),
    published: fc.option(
      fc.oneof(
        anyText,
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
      { nil: undefined },
    ),
  });
  fc.assert(
    fc.property(fc.array(fc.tuple(doc, hint), { minLength: 1, maxLength: 4 }), (inputs) => {
      withinTime(`brief over ${inputs.length} reports`, PAGE_MS, () => {
        const docs = new Map<string, CleanDocument>();
        for (const [input, hints] of inputs) {
          const cleaned = cleanDocument({ ...input, hints: Object.fromEntries(Object.entries(hints).filter(([, v]) => v !== undefined)) });
          docs.set(cleaned.id, cleaned); // the pipeline drops repeats the same way
        }
        const documents = [...docs.values()];
        const result = briefDocuments(documents, documents.map(analyseSafely));
        checkBrief(result);
        const html = renderHtml(result);
        const md = renderMarkdown(result);
        assert.ok(html.startsWith('<!doctype html>') || html.startsWith('<!DOCTYPE html>'), 'an HTML page');
        assert.equal(typeof md, 'string');
        // Source text is escaped: no source can open a script or close the page's JSON.
        assert.equal((html.match(/<script/gi) ?? []).length, (html.match(/<\/script>/gi) ?? []).length);
      });
    }),
    fuzzParams(30, 0.25),
  );
  assertHeapBounded();
});

test('findValues: huge numbers, odd value phrases, qualifiers and units give valid, ordered, non-NaN intervals', () => {
  const number = fc.oneof(
    fc.integer().map(String),
    fc.double({ noNaN: false }).map(String),
    fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
    fc.bigInt({ min: 0n, max: 10n ** 30n }).map((n) => n.toLocaleString('en-US')),
    fc.constantFrom('1e309', '-0', '0', '.5', '5.', '1.5.6', '1,,000', '١٢٣', '１２', '½', '1 1/2', '10^400', 'Infinity', 'NaN', '0x1F', '007', '12:30', '25:99', '3 p.m.', '12.05.2024', '2024-02-30'),
    fc.constantFrom(
      'one',
      'seven and a half',
      'a dozen',
      'dozens',
      'hundreds of thousands',
      'nine hundred trillion trillion',
      'a half',
      'three-quarters',
      'zero',
      'a couple of',
      'several',
      'Fifty',
      'twenty-one',
      'a million billion',
    ),
  );
  const phrase = fc
    .tuple(
      fc.constantFrom('', 'about ', 'nearly ', 'more than ', 'at least ', 'up to ', 'over ', 'almost ', 'roughly ', 'some ', '$', '€', 'US$', 'between ', 'from '),
      number,
      fc.constantFrom(
        '',
        ' hours',
        ' minutes',
        '-minute',
        ' days',
        ' percent',
        '%',
        ' billion',
        ' people',
        ' requests',
        ' hours before',
        ' minutes after',
        ' years ago',
        ' collective hours',
        ' dollars',
        ' and ',
        ' to ',
        '-',
        ' on Monday',
        ' in February',
        ' since 2021',
      ),
    )
    .map(([q, n, u]) => q + n + u);
  const text = fc.array(fc.oneof({ weight: 3, arbitrary: phrase }, { weight: 1, arbitrary: newsText }), { maxLength: 12 }).map((parts) => parts.join(' '));
  const reference = fc.option(
    fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2024-02-30', 'yesterday', '', '99999-01-01'),
    ),
    { nil: null },
  );
  fc.assert(
    fc.property(text, reference, (t, ref) => {
      const values = withinTime('findValues', SMALL_INPUT_MS, () => findValues(t, { reference: ref }));
      let last = 0;
      for (const v of values) {
        assert.ok(Number.isInteger(v.start) && Number.isInteger(v.end) && last <= v.start && v.start < v.end && v.end <= t.length, `[${v.start}, ${v.end}) after ${last} in ${t.length}`);
        assert.equal(t.slice(v.start, v.end), v.text);
        assert.ok(!Number.isNaN(v.low) && !Number.isNaN(v.high) && v.low <= v.high, `${v.text}: [${v.low}, ${v.high}]`);
        if (v.date) assert.ok(v.date.from <= v.date.to, `${v.text}: ${v.date.from} > ${v.date.to}`);
        last = v.end;
      }
    }),
    fuzzParams(300),
  );
});

test('quotation marks: unbalanced, nested and mixed marks give quotations inside their passage, marks outside the words', () => {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('"', '“', '”', '„', '«', '»', "'", '‘', '’', ' "', '" ', ',"', '."', '?"', '“‘', '’”', '""', '"\n') },
    { weight: 4, arbitrary: newsText },
  );
  const passageText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.array(passageText, { minLength: 1, maxLength: 5 }), (texts) => {
      const original = texts.join('\n\n');
      const passages: { start: number; end: number }[] = [];
      let at = 0;
      for (const t of texts) {
        if (t.length) passages.push({ start: at, end: at + t.length });
        at += t.length + 2;
      }
      const quotations = withinTime('findQuotations', SMALL_INPUT_MS, () => findQuotations(original, passages));
      for (const q of quotations) {
        const passage = passages[q.passage]!;
        assert.ok(passage.start <= q.open && q.open < q.start && q.start < q.end && q.end <= passage.end, JSON.stringify(q));
        if (q.close !== null) assert.ok(q.end <= q.close && q.close < passage.end, JSON.stringify(q));
        assert.equal(original.slice(q.start, q.end), original.slice(q.start, q.end).trim());
      }
    }),
    fuzzParams(300),
  );
});

test('brief() over a directory of hostile files: never throws; what it cannot use is rejected in one line', async () => {
  const file = fc.record({
    ext: fc.constantFrom('.txt', '.html', '.md', '.jsonl', '.json', '.rss', '.xml', '.atom', '.htm', '.text'),
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      anyText.map((t) => Buffer.from(t, 'utf8')),
      anyText.map((t) => Buffer.from(t, 'utf16le')),
      mutated(TEXT_CORPUS).map((f) => Buffer.from(f.text, 'latin1')),
      mutated(FEED_CORPUS).map((f) => Buffer.from(f.text)),
    ),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 4 }), async (files) => {
      const dir = mkdtempSync(join(tmpdir(), 'corroborate-fuzz-'));
      try {
        files.forEach((f, i) => writeFileSync(join(dir, `f${i}${f.ext}`), f.bytes));
        const result = await brief([dir], { maxBytes: 1 << 20 });
        for (const r of result.rejected) assert.ok(!r.reason.includes('\n'), r.reason);
        checkBrief(result);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
    fuzzParams(25, 0.1),
  );
});

test('hostile characters one at a time between real sentences', () => {
  const base = TEXT_CORPUS[0]!.text.slice(0, 3000);
  for (const c of HOSTILE_CHARS) {
    const text = base.replace(/\. /g, `.${c} `).replace(/"/g, `"${c}`);
    cleanAndAnalyse(raw(text, 'text'));
    cleanAndAnalyse(raw(`<p>${text.replace(/\n\n/g, `</p>${c}<p>`)}</p>`, 'html'));
  }
});
