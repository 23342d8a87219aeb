// The quote-attribution scorer on small invented cases, and the PolNeAR offsets it relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  attributionsOf,
  codePointOffsets,
  hasPolnear,
  isDirectQuote,
  loadPolnear,
  mismatchedSpans,
  parseBrat,
  POLNEAR_DIR,
  predictedQuotes,
  readPolnear,
  scoreAttribution,
  type GoldDoc,
  type PredictedQuote,
  type Range,
} from './quality/attribution-scorer.ts';

/** The range of the `n`th occurrence (from 0) of `part` in `text`. */
function find(text: string, part: string, n = 0): Range {
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(part, start + 1);
  assert.ok(start >= 0, `"${part}" not in the text`);
  return { start, end: start + part.length };
}

/** Brat standoff for attributions given as [source | null, cue, content...] parts of `text`. */
function brat(text: string, attributions: [string | null, string, ...string[]][]): string {
  const lines: string[] = [];
  let t = 0;
  attributions.forEach(([source, cue, ...contents], i) => {
    const span = (type: string, part: string) => {
      const r = find(text, part);
      lines.push(`T${++t}\t${type} ${r.start} ${r.end}\t${part}`);
      return `T${t}`;
    };
    const args = [`Cue:${span('Cue', cue)}`, ...contents.map((c, k) => `Content${k ? k + 1 : ''}:${span('Content', c)}`)];
    if (source) args.push(`Source:${span('Source', source)}`);
    lines.push(`E${i + 1}\t${source ? 'Attribution' : 'Attribution-no-source'}:T${t} ${args.join(' ')}`);
  });
  return lines.join('\n') + '\n';
}

function goldDoc(name: string, text: string, attributions: [string | null, string, ...string[]][]): GoldDoc {
  return { name, annotation: `${name}_test.ann`, text, attributions: attributionsOf(text, parseBrat(brat(text, attributions))) };
}

const direct = (text: string, ...parts: string[]) =>
  isDirectQuote(
    text,
    parts.map((p) => find(text, p)),
  );

test('brat: discontinuous ranges, texts running over several lines, relations and missing Source', () => {
  const ann = [
    'T1\tSource 0 5\tMaria',
    'T2\tCue 6 10\tsaid',
    'T3\tContent 11 16;21 26\thello world',
    'T4\tContent 31 49\tfirst line',
    '',
    'second',
    'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1',
    'E2\tAttribution-no-source:T2 Cue:T2 Content:T3 Content2:T4',
    'T5\tSource 0 5\tMario',
    '#1\tAnnotatorNotes T3\ta note',
    '',
  ].join('\n');
  const b = parseBrat(ann);
  assert.deepEqual(b.spans.get('T3')?.ranges, [
    { start: 11, end: 16 },
    { start: 21, end: 26 },
  ]);
  assert.equal(b.spans.get('T4')?.text, 'first line\n\nsecond');
  assert.deepEqual(
    b.relations.map((r) => r.type),
    ['Attribution', 'Attribution-no-source'],
  );
  const text = 'Maria said hello and world and first line\n\nsecond';
  assert.deepEqual(
    mismatchedSpans(text, b).map((t) => t.id),
    ['T5'],
  );
  const [withSource, withoutSource] = attributionsOf(text, b);
  assert.deepEqual(withSource?.source, [{ start: 0, end: 5 }]);
  assert.deepEqual(withSource?.content, [
    { start: 11, end: 16 },
    { start: 21, end: 26 },
  ]);
  assert.deepEqual(withoutSource?.source, []);
  assert.equal(withoutSource?.content.length, 3, 'Content2 adds to the content');
});

test('brat offsets count code points; astral characters are converted to string offsets', () => {
  const text = 'Ok 👍 “Fine,” Ana said.';
  const toUtf16 = codePointOffsets(text);
  // In code points “Fine,” starts at 5; in UTF-16 the emoji takes two units.
  assert.equal(text.slice(toUtf16(5), toUtf16(12)), '“Fine,”');
  assert.equal(codePointOffsets('plain “text”')(7), 7);
  const b = parseBrat('T1\tContent 5 12\t“Fine,”\nT2\tSource 13 16\tAna\nE1\tAttribution:T1 Content:T1 Source:T2\n');
  assert.deepEqual(mismatchedSpans(text, b), []);
  const [a] = attributionsOf(text, b);
  assert.equal(text.slice(a!.source[0]!.start, a!.source[0]!.end), 'Ana');
});

test('direct: a whole quotation, marks inside or just outside the span, punctuation either side', () => {
  const text = '“We will rebuild the bridge,” the mayor said. She added: "It will take a year." Then: “Soon”.';
  assert.ok(direct(text, '“We will rebuild the bridge,”'));
  assert.ok(direct(text, 'We will rebuild the bridge'));
  assert.ok(direct(text, 'We will rebuild the bridge,'));
  assert.ok(direct(text, '"It will take a year."'));
  assert.ok(direct(text, '“Soon”.'));
  assert.ok(!direct(text, 'the mayor said'));
});

test('direct: several quotations in one content, the "he said" between them left out', () => {
  const text = '“I would,” Melanie said to the TV. “I would, Donald.”';
  assert.ok(direct(text, '“I would,”', '“I would, Donald.”'));
});

test('not direct: a paraphrase carrying quoted phrases', () => {
  const text = 'She said that Machado was “disgusting” and “a con” and that the tweets were “lies.”';
  assert.ok(!direct(text, 'that Machado was “disgusting” and “a con”'));
  assert.ok(!direct(text, '“disgusting” and “a con”'), 'the words between two quotations are not quoted');
  assert.ok(!direct(text, 'the tweets were “lies.”'));
});

test('not direct: a quoted phrase worked into running text; a quoted sentence after a verb is direct', () => {
  const text = 'A doctor had typed “homicidal ideation.” Trump declared “I think NATO may be obsolete.” He attacked “the hateful ideology.”';
  assert.ok(!direct(text, '“homicidal ideation.”'));
  assert.ok(direct(text, '“I think NATO may be obsolete.”'));
  assert.ok(!direct(text, '“the hateful ideology.”'));
});

test("not direct: words inside somebody else's quotation", () => {
  // A reporter's passage quoted at length, with an attribution inside it.
  const text = 'The paper reports:\n\n"She was hospitalized after what she called a “rant,” a series of posts."';
  assert.ok(!direct(text, 'what she called a “rant,”'));
});

test('quotation marks: wrong-way and straight marks, nesting, quotes over several paragraphs', () => {
  const text = [
    '“As a woman, I’d rather live in what he calls “hell” than live in his world.” ― A reader',
    'It was rated “Mostly False.“ Nobody was surprised.',
    '"I have been insulted with the term \'outreach,\' " he told the group, adding that it was unfair.',
    '“The first paragraph of a long quote.',
    '“And the second one, which closes.”',
    'Ana said "fine" and left "early.',
    'Unquoted words on the next paragraph.',
  ].join('\n\n');
  assert.ok(direct(text, '“As a woman, I’d rather live in what he calls “hell” than live in his world.”'));
  assert.ok(direct(text, 'Mostly False.'), 'a wrong-way closing mark still closes');
  assert.ok(!direct(text, 'Nobody was surprised'));
  assert.ok(direct(text, '"I have been insulted with the term \'outreach,\' "'));
  assert.ok(!direct(text, 'adding that it was unfair'), 'a straight mark after a space can close');
  assert.ok(direct(text, '“The first paragraph of a long quote.', '“And the second one, which closes.”'));
  assert.ok(!direct(text, 'Unquoted words on the next paragraph'), 'an unclosed quote ends with its paragraph');
});

// Scoring ---------------------------------------------------------------------------------------

const TEXT = [
  '“The bridge will reopen in May,” Mayor Ana Ruiz said on Monday.',
  'Engineer Tom Kell disagreed. “It needs a year,” he said.',
  'Ruiz said the repairs were “on schedule.”',
  '“Funding is secured,” said a city spokesman.',
].join('\n\n');

const GOLD = goldDoc('bridge', TEXT, [
  ['Mayor Ana Ruiz', 'said', '“The bridge will reopen in May,”'],
  ['he', 'said', '“It needs a year,”'],
  ['Ruiz', 'said', 'the repairs were “on schedule.”'],
  ['a city spokesman', 'said', '“Funding is secured,”'],
]);

function quote(part: string, ...speaker: string[]): PredictedQuote {
  const r = find(TEXT, part);
  return { start: r.start, end: r.end, speakerMentions: speaker.map((s) => find(TEXT, s)) };
}

const score = (...quotes: PredictedQuote[]) => scoreAttribution([GOLD], new Map([['bridge', quotes]]));

const PERFECT = [quote('The bridge will reopen in May', 'Mayor Ana Ruiz', 'Ruiz'), quote('It needs a year', 'Tom Kell', 'he'), quote('Funding is secured', 'a city spokesman')];

test('the gold of the scoring example: three direct attributions, the paraphrase is not one', () => {
  assert.deepEqual(
    GOLD.attributions.map((a) => a.direct),
    [true, true, false, true],
  );
});

test('a perfect prediction scores 1 everywhere', () => {
  const s = score(...PERFECT);
  for (const key of ['quotePrecision', 'quoteRecall', 'quoteF1', 'speakerPrecision', 'speakerRecall', 'speakerF1'] as const) {
    assert.equal(s[key], 1, key);
  }
  assert.deepEqual(s.counts, {
    predicted: 3,
    predictedMatched: 3,
    goldDirect: 3,
    goldDirectMatched: 3,
    goldDirectWithSource: 3,
    speakerPredicted: 3,
    speakerCorrect: 3,
  });
});

test('a missed quote lowers recall only', () => {
  const s = score(PERFECT[0]!, PERFECT[1]!);
  assert.equal(s.quotePrecision, 1);
  assert.equal(s.quoteRecall, 2 / 3);
  assert.equal(s.speakerPrecision, 1);
  assert.equal(s.speakerRecall, 2 / 3);
  assert.deepEqual(
    s.missed.map((m) => TEXT.slice(m.gold.content[0]!.start, m.gold.content[0]!.end)),
    ['“Funding is secured,”'],
  );
});

test('a wrong speaker lowers speaker precision and recall; no speaker lowers recall only', () => {
  const wrong = score(PERFECT[0]!, quote('It needs a year', 'Mayor Ana Ruiz', 'Ruiz'), PERFECT[2]!);
  assert.equal(wrong.quotePrecision, 1);
  assert.equal(wrong.speakerPrecision, 2 / 3);
  assert.equal(wrong.speakerRecall, 2 / 3);
  assert.equal(wrong.wrongSpeaker.length, 1);
  const none = score(PERFECT[0]!, quote('It needs a year'), PERFECT[2]!);
  assert.equal(none.speakerPrecision, 1);
  assert.equal(none.speakerRecall, 2 / 3);
});

test('a quote inside an indirect attribution counts as found; one matching no attribution does not', () => {
  const s = score(...PERFECT, quote('on schedule', 'Ruiz'), quote('Engineer Tom Kell disagreed'));
  assert.equal(s.quotePrecision, 4 / 5);
  assert.equal(s.quoteRecall, 1);
  assert.equal(s.speakerPrecision, 1, 'speakers are judged on direct attributions only');
  assert.equal(s.spurious.length, 1);
});

test('overlap: at least half of the shorter range; a quote split in two matches twice', () => {
  const text = '“We are ready. We have the money. We have the crews,” the mayor said.';
  const doc = goldDoc('split', text, [['the mayor', 'said', '“We are ready. We have the money. We have the crews,”']]);
  const at = (part: string): PredictedQuote => ({ ...find(text, part), speakerMentions: [find(text, 'mayor')] });
  const run = (...quotes: PredictedQuote[]) => scoreAttribution([doc], new Map([['split', quotes]]));
  // Covering a quarter of the gold content and most of itself: the shorter is the prediction.
  assert.equal(run(at('We are ready.')).quoteRecall, 1);
  // A prediction covering the whole gold content matches however long it is.
  assert.equal(run({ start: 0, end: text.length, speakerMentions: [] }).quoteRecall, 1);
  // Sharing 7 characters with the gold is under half of either.
  assert.equal(run(at('crews,” the mayor said.')).quoteRecall, 0);
  const both = run(at('We are ready. We have'), at('the money. We have the crews'));
  assert.equal(both.quotePrecision, 1);
  assert.equal(both.speakerRecall, 1);
});

test('predictions from an analysis: direct quotes and turns, every mention of the speaker plus the attributing one', () => {
  const span = (start: number, end: number) => ({ doc: 'd', start, end });
  // Shaped like src/analyse's DocumentAnalysis, of which the scorer needs only these fields.
  const analysis = {
    entities: [
      {
        id: 'e1',
        mentions: [
          { ...span(0, 4), text: 'Ruiz' },
          { ...span(50, 54), text: 'Ruiz' },
        ],
      },
    ],
    quotes: [
      { span: span(10, 20), kind: 'direct', speaker: 'e1', speakerSpan: span(60, 63) },
      { span: span(25, 30), kind: 'partial', speaker: 'e1', speakerSpan: null },
      { span: span(31, 40), kind: 'turn', speaker: null, speakerSpan: span(30, 31) },
      { span: span(41, 45), kind: 'direct', speaker: null, speakerSpan: null },
    ],
  };
  const quotes = predictedQuotes(analysis);
  assert.deepEqual(quotes, [
    {
      start: 10,
      end: 20,
      speakerMentions: [
        { start: 0, end: 4 },
        { start: 50, end: 54 },
        { start: 60, end: 63 },
      ],
    },
    { start: 31, end: 40, speakerMentions: [{ start: 30, end: 31 }] },
    { start: 41, end: 45, speakerMentions: [] },
  ]);
});

// The real data -----------------------------------------------------------------------------------

test('PolNeAR dev: every annotation slices its text to what it records', { skip: hasPolnear('dev') ? false : `PolNeAR not found at ${POLNEAR_DIR}; skipping the offset check` }, () => {
  const files = readPolnear('dev');
  assert.equal(files.length, 84);
  const mismatches = files.flatMap((f) => mismatchedSpans(f.text, parseBrat(f.ann)).map((t) => `${f.annotation} ${t.id}`));
  assert.deepEqual(mismatches, []);
  const docs = loadPolnear('dev');
  const attributions = docs.flatMap((d) => d.attributions);
  assert.ok(attributions.length > 2000);
  const directCount = attributions.filter((a) => a.direct).length;
  assert.ok(directCount > 300 && directCount < 420, `${directCount} direct attributions`);
  for (const d of docs) for (const a of d.attributions) for (const r of [...a.source, ...a.cue, ...a.content]) assert.ok(0 <= r.start && r.start < r.end && r.end <= d.text.length);
});
