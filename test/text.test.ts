// Sentences, transcript turns and metadata on small invented texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LENGTH, VALUES, WordMemo } from '../src/text/word-memo.ts';
import { sentencesIn } from '../src/text/sentences.ts';
import { readPassage, type HeldReadings } from '../src/text/nlp.ts';
import { cleanDocument } from '../src/clean/index.ts';
import { escapeMarkdown } from '../src/brief/escape.ts';
import { assertSpansValid } from './support.ts';

const sentences = (text: string) => sentencesIn(text, 0, text.length).map((r) => text.slice(r.start, r.end));

test('abbreviations and initials do not end a sentence', () => {
  assert.deepEqual(sentences('U.S. Trade Representative Ada L. Moreno met Gov. Reyes at 10 a.m. Monday. Talks resume in Sino-U. S. format.'), [
    'U.S. Trade Representative Ada L. Moreno met Gov. Reyes at 10 a.m. Monday.',
    'Talks resume in Sino-U. S. format.',
  ]);
});

test('a quotation running over several sentences stays in one unit, mixed quote marks included', () => {
  assert.deepEqual(sentences('“The dam held. That is what matters,” the engineer said. Crews left at noon.'), ['“The dam held. That is what matters,” the engineer said.', 'Crews left at noon.']);
  assert.deepEqual(sentences('“Repairs are slow,” she said. "They take time, they take money.” Then she left.'), [
    '“Repairs are slow,” she said.',
    '"They take time, they take money.”',
    'Then she left.',
  ]);
});

const transcript = [
  'Morning Report',
  '',
  'The host introduces a story about a dam inspection on the Vell River this week.',
  '',
  'RUTH ABARA, HOST: Good morning. What did the inspectors find?',
  '',
  'TOMAS IDRIS, BYLINE: Seepage near the spillway, Ruth. Nothing alarming, they say.',
  '',
  'ABARA: And the town?',
  '',
  'IDRIS: Calm. People are watching the water level. Copyright 2031 Vell Valley Radio.',
].join('\n');

test('transcript turns carry the speaker label, role and spoken words; a glued credit is cut', () => {
  const doc = cleanDocument({ source: 'radio.txt', format: 'text', content: transcript, hints: {} });
  assertSpansValid(doc);
  const turns = doc.turns!.map((t) => [t.speaker, t.role, doc.original.slice(t.span.start, t.span.end)]);
  assert.deepEqual(turns, [
    ['RUTH ABARA', 'HOST', 'Good morning. What did the inspectors find?'],
    ['TOMAS IDRIS', 'BYLINE', 'Seepage near the spillway, Ruth. Nothing alarming, they say.'],
    ['ABARA', null, 'And the town?'],
    ['IDRIS', null, 'Calm. People are watching the water level.'],
  ]);
  assert.equal(doc.outlet, 'Vell Valley Radio');
  assert.equal(doc.byline, 'Tomas Idris');
  assert.equal(doc.title, 'Morning Report');
  // Sentences of a turn start after its label.
  assert.ok(doc.sentences.some((s) => doc.original.slice(s.start, s.end) === 'Good morning.'));
  assert.ok(!doc.text.includes('Copyright'));
});

test('metadata with no evidence stays null', () => {
  const doc = cleanDocument({ source: 'x.txt', format: 'text', content: 'Officials reopened the mountain pass on Sunday after a week of snow, the transport ministry said.\n', hints: {} });
  assert.equal(doc.outlet, null);
  assert.equal(doc.byline, null);
  assert.equal(doc.published, null);
  assert.equal(doc.body.length, 1);
});

test('supplied metadata wins over clues in the text', () => {
  const doc = cleanDocument({ source: 'x.txt', format: 'text', content: transcript, hints: { outlet: 'Given Outlet', published: '2031-04-02' } });
  assert.equal(doc.outlet, 'Given Outlet');
  assert.equal(doc.published, '2031-04-02');
});

test('Markdown escaping neutralises HTML and Markdown syntax from source text', () => {
  const escaped = escapeMarkdown('<script>alert(1)</script> [click](javascript:x) *bold* # not a heading');
  assert.ok(!escaped.includes('<script>'));
  assert.ok(!/\[click\]\(/.test(escaped));
  assert.match(escaped, /\\\*bold\\\*/);
});

test('WordMemo: each form gets its own values, worked out once, even when forms share a hash; long forms are not kept; clear forgets', () => {
  const memo = new WordMemo(4);
  const made: string[] = [];
  const valuesOf = (surface: string) => [surface.length * 1000 + surface.charCodeAt(0), surface.charCodeAt(surface.length - 1), -surface.length];
  const make = (surface: string, values: Int32Array, at: number) => {
    made.push(surface);
    valuesOf(surface).forEach((v, k) => (values[at + k] = v));
  };
  const look = (text: string, start: number, end: number, hash: number) => {
    const at = memo.lookup(text, start, end, hash, make);
    return Array.from(memo.slots.subarray(at, at + VALUES));
  };
  // Forms of odd and even lengths, up to the longest kept and one past it, some alike but for their last unit.
  const text = `cat dog cot dog cat ca cab ${'y'.repeat(MAX_LENGTH)} ${'y'.repeat(MAX_LENGTH - 1)}z ${'x'.repeat(MAX_LENGTH + 1)} ü€😀 ü€😀`;
  const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  // One hash for every form: only the characters tell them apart.
  const values = words.map(([start, end]) => look(text, start, end, 42));
  assert.deepEqual(
    values,
    words.map(([start, end]) => valuesOf(text.slice(start, end))),
  );
  made.length = 0;
  for (const [start, end] of words) look(text, start, end, 42);
  assert.deepEqual(made, ['x'.repeat(MAX_LENGTH + 1)], 'forms up to MAX_LENGTH remembered; the longer one worked out again');
  assert.equal(memo.size, 8);
  assert.ok(memo.full, 'more than half of the 16 slots');
  memo.clear();
  assert.equal(memo.size, 0);
  made.length = 0;
  assert.deepEqual(look(text, 0, 3, 42), valuesOf('cat'));
  assert.deepEqual(made, ['cat'], 'forgotten after clear');
  // A table filled to the last slot still answers, without keeping more.
  for (let k = 0; k < 40; k++) assert.deepEqual(look(`v${k}`, 0, k < 10 ? 2 : 3, k), valuesOf(`v${k}`.slice(0, k < 10 ? 2 : 3)));
  assert.equal(memo.size, 15);
});

test('a sentence-cased headline with a title or an initial in it is the title; a wire dateline or a source named in a sentence is no photo credit', () => {
  const content =
    'Former Calder Gov. Ilse M. Marchetti joins the race for the U.S. Senate.\n\n' +
    'HARLOW (Reuters) - Former Calder governor Ilse Marchetti said on Monday she would run for the Senate, ending months of speculation, two aides told Reuters.\n';
  const doc = cleanDocument({ source: 'x.txt', format: 'text', content, hints: {} });
  assertSpansValid(doc);
  assert.equal(doc.title, 'Former Calder Gov. Ilse M. Marchetti joins the race for the U.S. Senate.');
  assert.equal(doc.body.length, 1, 'the wire paragraph is the article');
  assert.ok(doc.text.startsWith('HARLOW (Reuters) - Former Calder governor'));
  // Two sentences on the first line are no headline, and a credit where credits stand is still one.
  const two = cleanDocument({
    source: 'y.txt',
    format: 'text',
    content: 'The vote failed. Senators left.\n\n' + content.split('\n\n')[1]! + '\nA crowd outside the hall on Monday. REUTERS/Jon Pell\n',
    hints: {},
  });
  assert.notEqual(two.title, 'The vote failed. Senators left.');
  assert.ok(!two.text.includes('REUTERS/Jon Pell'));
  assert.ok(two.text.includes('two aides told Reuters.'));
});

test('a supplied publication date that is no date is left out, and the document says so', () => {
  const content = 'Officials reopened the mountain pass on Sunday after a week of snow, the transport ministry said.\n';
  for (const published of ['"><script>alert(1)</script>', 'soon', 'n/a']) {
    const doc = cleanDocument({ source: 'feed.jsonl#1', format: 'text', content, hints: { published } });
    assert.equal(doc.published, null, published);
    assert.ok(
      doc.messages.some((m) => /is not a date: left out/.test(m.reason)),
      published,
    );
  }
  assert.equal(cleanDocument({ source: 'feed.jsonl#2', format: 'text', content, hints: { published: '2031-04-02' } }).published, '2031-04-02');
});

test('a reading the shared cache lets go is held for its document: read once, tags and all', () => {
  const passage = 'Officials in Dunmore said the harbour wall would be mended by Friday.';
  const held: HeldReadings = new Map();
  const first = readPassage(passage, held);
  const tags = [...first.tags()];
  // Over a million characters read after it push it out of the shared cache.
  readPassage('Crews worked late. '.repeat(60_000));
  assert.equal(held.size, 1);
  const again = readPassage(passage, held);
  assert.equal(again.values, first.values, 'the same reading, not a second one');
  assert.deepEqual(again.tags(), tags);
  assert.deepEqual(again.offsets()[0], { start: 0, end: 'Officials'.length });
  assert.equal(held.size, 0, 'handed over once');
  assert.notEqual(readPassage(passage).values, first.values, 'asked for again, it is read again');
});
