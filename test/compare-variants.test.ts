// Two kinds of disagreement between outlets: one quote worded differently, one name spelt
// differently. Invented reports of a ferry strike (test/fixtures/variants), then the real seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brief } from '../src/pipeline/run.ts';
import { foldWord, wordDiff, type WordDiff } from '../src/compare/word-diff.ts';
import { expandContraction, quoteVariants } from '../src/compare/quote-variants.ts';
import { nameVariants } from '../src/compare/name-variants.ts';
import { FoundDisagreementSchema, type Brief, type CleanDocument, type Entity, type FoundDisagreement, type Quote } from '../src/schema.ts';
import { hasSeeds, SEEDS } from './support.ts';
import { assertGrowsLinearly } from './fuzz-support.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/variants', import.meta.url));
const fixture = brief([FIXTURES]);

const asB = (diff: WordDiff[]) =>
  diff
    .filter((d) => d.op !== 'removed')
    .map((d) => d.text)
    .join('');
const asA = (diff: WordDiff[]) =>
  diff
    .filter((d) => d.op !== 'added')
    .map((d) => d.text)
    .join('');
const slice = (b: Brief, span: { doc: string; start: number; end: number }) => b.documents.find((d) => d.id === span.doc)!.original.slice(span.start, span.end);
const words = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).flatMap((w) => expandContraction(foldWord(w))).join(' ');

function quotesOf(b: Brief, name: string): Quote[] {
  const person = b.entities.find((e) => e.name === name);
  assert.ok(person, `${name} found`);
  return b.quotes.filter((q) => q.speaker === person.id);
}

/** Every cited span slices to what it stands for, and the disagreement keeps to the schema. */
function assertWellFormed(b: Brief, d: FoundDisagreement): void {
  FoundDisagreementSchema.parse(d);
  for (const v of d.variants) {
    assert.equal(slice(b, v.support[0]!), v.value, `${d.id}: the value is what its first source prints`);
    assert.equal(new Set(v.support.map((s) => `${s.doc}:${s.start}`)).size, v.support.length, `${d.id}: a span cited twice`);
  }
  assert.equal(new Set(d.variants.map((v) => words(v.value))).size, d.variants.length, `${d.id}: two variants read the same once folded`);
}

function inAny(ds: FoundDisagreement[], quote: Quote): boolean {
  return ds.some((d) => [...d.context, ...d.variants.flatMap((v) => v.support)].some((s) => s.doc === quote.span.doc && s.start < quote.span.end && quote.span.start < s.end));
}

test('word diff: shared words kept, changed words removed and added, whitespace as printed', () => {
  const a = 'the two sides reached agreement on some issues. That’s very good';
  const b = 'the two sides reached agreement on some issues, and this is very good.';
  const diff = wordDiff(a, b);
  assert.equal(asB(diff), b);
  assert.equal(asA(diff), 'the two sides reached agreement on some issues, That’s very good.');
  assert.deepEqual(diff, [
    { op: 'same', text: 'the two sides reached agreement on some issues,' },
    { op: 'removed', text: ' That’s' },
    { op: 'added', text: ' and this is' },
    { op: 'same', text: ' very good.' },
  ]);
  // Case, punctuation and quotation marks are not differences.
  assert.deepEqual(wordDiff('“It’s over,” she said', '"it\'s over" She said.'), [{ op: 'same', text: '"it\'s over" She said.' }]);
  // A word changed at either end still reads naturally both ways.
  for (const [x, y] of [
    ['Well we agreed', 'we agreed'],
    ['we agreed', 'Yes, we agreed'],
    ['we agreed today', 'we agreed'],
    ['', 'new words'],
    ['old words', ''],
  ]) {
    const d = wordDiff(x!, y!);
    assert.equal(asB(d), y);
    assert.equal(asA(d), x);
    for (let i = 1; i < d.length; i++) assert.notEqual(d[i]!.op, d[i - 1]!.op, 'adjacent operations are merged');
  }
});

test('word diff: a transcript-length pair is aligned in time that grows with its length, and still exact', () => {
  // Talk: mostly words said once or twice, with "the" and "we" everywhere.
  const talk = (length: number) => {
    const a = Array.from({ length }, (_, i) => (i % 4 === 0 ? 'the' : i % 7 === 0 ? 'we' : `w${i % 4100}`));
    return { a, b: a.map((w, i) => (i % 500 === 250 ? 'changed' : w)) };
  };
  const { a, b } = talk(6000);
  const diff = wordDiff(a.join(' '), b.join(' '));
  assertGrowsLinearly('a word diff', 1500, (n) => {
    const pair = talk(n);
    const [x, y] = [pair.a.join(' '), pair.b.join(' ')];
    return () => wordDiff(x, y);
  });
  assert.equal(asB(diff), b.join(' '));
  assert.equal(diff.filter((d) => d.op === 'added').length, 12, 'one added word per change');
  assert.ok(diff.filter((d) => d.op === 'added').every((d) => d.text === ' changed'));
});

test('one quote worded differently by outlets: both wordings, their outlets, the word diff and exact spans', async () => {
  const b = await fixture;
  const ds = quoteVariants(b.documents, b.entities, b.quotes);
  ds.forEach((d) => assertWellFormed(b, d));
  const offer = ds.find((d) => d.about === 'words of Dagny Strand');
  assert.ok(offer, `found: ${ds.map((d) => d.about).join(', ')}`);
  assert.equal(offer.kind, 'quote');
  assert.equal(offer.fact, null);
  assert.equal(offer.withinDocument, false);
  const [fair, serious] = offer.variants;
  assert.equal(offer.variants.length, 2);
  assert.equal(fair!.value, 'We will not go back to work until the company puts a fair offer on the table');
  assert.deepEqual(fair!.outlets, ['Calder Gazette', 'Coastwire']);
  assert.equal(serious!.value, "We won't go back to work until the company puts a serious offer on the table");
  // The island paper's partial quote is an excerpt of one wording only: it says which it printed.
  assert.deepEqual(serious!.outlets, ['Harbourline News', 'Tessel Island Post']);
  assert.deepEqual(
    serious!.support.map((s) => slice(b, s)),
    [serious!.value, 'the company puts a serious offer on the table.'],
  );
  assert.deepEqual(fair!.diff, [{ op: 'same', text: fair!.value }]);
  assert.deepEqual(
    serious!.diff!.filter((d) => d.op !== 'same').map((d) => `${d.op}:${d.text.trim()}`),
    ['removed:will not', "added:won't", 'removed:fair', 'added:serious'],
  );
  assert.equal(asB(serious!.diff!), serious!.value);
  for (const v of offer.variants)
    assert.ok(
      v.support.every((s) => offer.context.some((c) => c.doc === s.doc && c.start <= s.start && s.end <= c.end)),
      'context holds the quotes',
    );
});

test('a quote differing only by case, punctuation, curly quotes and contractions is no disagreement; nor is a partial excerpt of it', async () => {
  const b = await fixture;
  const ds = quoteVariants(b.documents, b.entities, b.quotes);
  const longest = quotesOf(b, 'Oriel Fenwick').filter((q) => /longest stoppage/.test(q.text));
  // “It’s the longest …”, "It is the longest …", and the partial "the longest stoppage this harbour has seen".
  assert.equal(longest.length, 3);
  assert.ok(longest.some((q) => q.kind === 'partial'));
  for (const q of longest) assert.ok(!inAny(ds, q), `"${q.text}" reported as a disagreement`);
});

test('two different things one speaker said are not one utterance, even right after a shared quote', async () => {
  const b = await fixture;
  const ds = quoteVariants(b.documents, b.entities, b.quotes);
  const ready = quotesOf(b, 'Dagny Strand').filter((q) => q.text.startsWith('We are ready'));
  assert.equal(ready.length, 2);
  for (const q of ready) assert.ok(!inAny(ds, q), `"${q.text}" grouped`);
});

test('two people sharing a surname: their alike quotes are not grouped, though one speaker saying both would be', async () => {
  const b = await fixture;
  const [ilse] = quotesOf(b, 'Ilse Marchetti');
  const [bruno] = quotesOf(b, 'Bruno Marchetti');
  assert.ok(ilse && bruno);
  const ds = quoteVariants(b.documents, b.entities, b.quotes);
  assert.ok(!inAny(ds, ilse) && !inAny(ds, bruno));
  // The same two wordings from one speaker are one utterance: it is the speaker that keeps them apart.
  const oneSpeaker = b.quotes.map((q) => (q === bruno ? { ...q, speaker: ilse.speaker, speakerName: ilse.speakerName } : q));
  const joined = quoteVariants(b.documents, b.entities, oneSpeaker).find((d) => d.about === 'words of Ilse Marchetti');
  assert.ok(joined, 'one speaker: grouped');
  assert.deepEqual(
    joined.variants.map((v) => v.outlets),
    [['Calder Gazette'], ['Harbourline News']],
  );
});

test('one document quoting one statement two ways contradicts itself', async () => {
  const b = await fixture;
  const ds = quoteVariants(b.documents, b.entities, b.quotes);
  const lost = ds.find((d) => d.variants.some((v) => v.value.includes('lost nearly')));
  assert.ok(lost);
  assert.equal(lost.withinDocument, true);
  assert.equal(lost.about, 'words of Oriel Fenwick');
  assert.deepEqual(
    lost.variants.map((v) => v.outlets),
    [['Calder Gazette', 'Coastwire'], ['Coastwire']],
  );
  assert.deepEqual(
    lost.variants[1]!.diff!.filter((d) => d.op !== 'same').map((d) => `${d.op}:${d.text.trim()}`),
    ['removed:nearly', 'added:close to'],
  );
  assert.equal(ds.length, 2, `only the two real variants: ${ds.map((d) => d.about).join(', ')}`);
  assert.deepEqual(
    ds.map((d) => d.id),
    ['quote-1', 'quote-2'],
  );
});

test('a name misspelt by one outlet is a disagreement with both spellings; a fuller form is not', async () => {
  const b = await fixture;
  const ds = nameVariants(b.documents, b.entities);
  ds.forEach((d) => FoundDisagreementSchema.parse(d));
  // "Oriel J. Fenwick" beside "Oriel Fenwick", and two Marchettis, are no misspellings.
  assert.deepEqual(
    ds.map((d) => d.about),
    ['spelling of Dagny Strand'],
  );
  const [name] = ds;
  assert.equal(name!.kind, 'name');
  assert.equal(name!.id, 'name-1');
  assert.equal(name!.withinDocument, false);
  assert.deepEqual(
    name!.variants.map((v) => [v.value, v.outlets]),
    [
      ['Dagny Strand', ['Calder Gazette', 'Coastwire', 'Tessel Island Post']],
      ['Dagny Strnad', ['Harbourline News']],
    ],
  );
  for (const v of name!.variants) for (const s of v.support) assert.equal(slice(b, s), v.value);
  // Each spelling is read in the sentence that prints it.
  for (const v of name!.variants) for (const s of v.support) assert.ok(name!.context.some((c) => c.doc === s.doc && c.start <= s.start && s.end <= c.end && slice(b, c).length > v.value.length));
});

test('one name romanised two ways is one person and a spelling disagreement; two people with look-alike names stay two', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-romanised-'));
  writeFileSync(
    join(dir, 'gulf-wire.txt'),
    'Minister Qassem Haddadi resigns over port contract\n\nTrade minister Qassem Haddadi resigned on Monday after auditors questioned a port contract, his office said.\n\n' +
      'Haddadi said he had done nothing wrong. His deputy Hassan Farouk will run the ministry until a successor is named.\n',
  );
  writeFileSync(
    join(dir, 'evening-post.txt'),
    'Qassim Hadadi quits as trade minister\n\nQassim Hadadi stepped down as trade minister on Monday after an audit of a port contract.\n\n' +
      'Hadadi denied any wrongdoing. Opposition leader Hussein Farouk called for an inquiry into the contract.\n',
  );
  const b = await brief([dir]);
  const minister = b.entities.filter((e) => /Hadd?adi/.test(e.name));
  assert.equal(minister.length, 1, `one minister: ${b.entities.map((e) => e.name).join(', ')}`);
  const farouks = b.entities.filter((e) => /Farouk/.test(e.name) && e.type === 'person');
  assert.equal(farouks.length, 2, 'Hassan Farouk and Hussein Farouk are two people');
  const spelling = b.disagreements.find((d) => d.kind === 'name');
  assert.ok(spelling, 'the two romanisations are a spelling disagreement');
  assert.equal(spelling.severity, 'spelling');
  assert.deepEqual(spelling.variants.map((v) => [v.value, v.outlets]).sort(), [
    ['Qassem Haddadi', ['gulf-wire.txt']],
    ['Qassim Hadadi', ['evening-post.txt']],
  ]);
});

test('name spellings compare without case or a possessive; accents count; initials and short forms do not', () => {
  const texts = {
    a: 'ANTONIA VELEZ: We open Monday. Antonia Velez’s plan was approved.',
    b: 'The plan of Antonia Vélez was approved.',
    c: 'Antonia M. Velez said so. Velez left.',
  };
  const documents = Object.entries(texts).map(
    ([id, original]) => ({ id, source: `${id}.txt`, outlet: `Outlet ${id.toUpperCase()}`, original, sentences: [] as CleanDocument['sentences'] }) as unknown as CleanDocument,
  );
  const at = (doc: keyof typeof texts, text: string) => ({ doc, start: texts[doc].indexOf(text), end: texts[doc].indexOf(text) + text.length, text });
  const person: Entity = {
    id: 'e1',
    name: 'Antonia Velez',
    type: 'person',
    aliases: [],
    roles: [],
    mentions: [
      at('a', 'ANTONIA VELEZ'),
      at('a', 'Antonia Velez’s'),
      at('b', 'Antonia Vélez'),
      at('c', 'Antonia M. Velez'),
      { ...at('c', 'Velez left'), end: texts.c.indexOf('Velez left') + 5, text: 'Velez' },
    ],
  };
  const [d, ...rest] = nameVariants(documents, [person]);
  assert.ok(d);
  assert.equal(rest.length, 0);
  assert.deepEqual(
    d.variants.map((v) => [v.value, v.outlets]),
    [
      ['Antonia Velez', ['Outlet A']],
      ['Antonia Vélez', ['Outlet B']],
    ],
  );
  assert.deepEqual(
    d.variants[0]!.support.map((s) => texts.a.slice(s.start, s.end)),
    ['ANTONIA VELEZ', 'Antonia Velez'],
  );
});

test('the seeds: quote and name variants found, each cited where the outlets print it', { skip: hasSeeds ? false : 'needs ../shared/seeds' }, async (t) => {
  const b = await brief([SEEDS]);
  const quotes = quoteVariants(b.documents, b.entities, b.quotes);
  const names = nameVariants(b.documents, b.entities);
  for (const d of [...quotes, ...names]) {
    t.diagnostic(`${d.about}${d.withinDocument ? ' (within one document)' : ''}: ${d.variants.map((v) => `“${v.value}” [${v.outlets.join(', ')}]`).join(' | ')}`);
  }

  // One leader's name is spelt two ways: the outlets' majority spelling, and one other that a
  // single outlet prints beside the majority one.
  assert.equal(names.length, 1);
  const [name] = names;
  const person = b.entities.find((e) => name!.about === `spelling of ${e.name}`);
  assert.ok(person && person.type === 'person');
  assert.equal(name!.variants.length, 2);
  const [major, minor] = name!.variants;
  assert.ok(major!.outlets.length >= 4 && minor!.outlets.length === 1);
  assert.equal(name!.withinDocument, true);
  assert.ok(major!.outlets.includes(minor!.outlets[0]!));
  for (const v of name!.variants) {
    assert.ok([person.name, ...person.aliases].includes(v.value));
    for (const s of v.support) assert.equal(slice(b, s).toLowerCase(), v.value.toLowerCase());
  }

  // Quotes: several reworded by different outlets, each variant a stretch of a quote as printed.
  quotes.forEach((d) => assertWellFormed(b, d));
  // (Two more wordings differ only by an article or a tense: "an obligation and (a)
  // responsibility", "we both agree(d)"; those are one variant, checked on invented text below.)
  assert.ok(quotes.length >= 4, `${quotes.length} quote variants`);
  const quoted = b.quotes.map((q) => q.span);
  for (const d of quotes) {
    for (const v of d.variants)
      for (const s of v.support)
        assert.ok(
          quoted.some((q) => q.doc === s.doc && q.start <= s.start && s.end <= q.end),
          'a variant outside every quote',
        );
    assert.ok(new Set(d.variants.flatMap((v) => v.outlets)).size >= 2, 'a reworded quote is printed by two outlets');
    for (const v of d.variants.slice(1)) assert.ok(v.diff!.some((x) => x.op !== 'same'));
  }
  // Quotes of one speaker printed differently but alike once folded (the seeds have one spelt
  // out by one outlet and contracted by another) are never two variants.
  const twins = b.quotes.flatMap((x, i) =>
    b.quotes
      .slice(i + 1)
      .filter((y) => y.speaker === x.speaker && y.span.doc !== x.span.doc && y.text !== x.text && words(y.text) === words(x.text))
      .map((y) => [x, y] as const),
  );
  assert.ok(twins.length >= 1);
  const variantOf = (d: FoundDisagreement, q: Quote) => d.variants.findIndex((v) => v.support.some((s) => s.doc === q.span.doc && s.start < q.span.end && q.span.start < s.end));
  for (const [x, y] of twins)
    for (const d of quotes) assert.ok(variantOf(d, x) < 0 || variantOf(d, y) < 0 || variantOf(d, x) === variantOf(d, y), `"${x.text}" and "${y.text}" reported as two wordings`);
  // A short quote printed word for word inside one wording (an excerpt) counts for that wording.
  assert.ok(quotes.some((d) => d.variants.some((v) => v.support.some((s) => slice(b, s).length < v.value.length))));
});

test('wordings that differ only by an article or an inflection are one variant; other words are not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-variants-'));
  const report = (outlet: string, first: string, second: string) =>
    `${outlet} report on the Tolvan talks\n\nMinister Ilse Varga met her counterpart in Tolvan on Monday. ` +
    `"${first}," Varga told reporters after the meeting.\n\nThe talks lasted four hours. "${second}," Varga said later.\n`;
  writeFileSync(join(dir, 'harbour-post.txt'), report('Harbour Post', 'We both agree on the need to calm the border', 'Our countries have an obligation and a responsibility to keep talking'));
  writeFileSync(join(dir, 'coast-wire.txt'), report('Coast Wire', 'We both agreed on the need to calm the border', 'Our countries have an obligation and responsibility to keep talking'));
  writeFileSync(join(dir, 'island-radio.txt'), report('Island Radio', 'We both agree on the need to calm the frontier', 'Our countries have an obligation and responsibility to keep talking'));
  const b = await brief([dir]);
  const quotes = b.disagreements.filter((d) => d.kind === 'quote');
  // "border" against "frontier" is a wording; "agree" against "agreed" is not, nor the dropped "a".
  assert.equal(quotes.length, 1, quotes.map((d) => d.variants.map((v) => v.value).join(' | ')).join('; '));
  assert.deepEqual(
    quotes[0]!.variants.map((v) => v.value.endsWith('frontier')),
    [false, true],
  );
  assert.equal(quotes[0]!.variants[0]!.support.length, 2, 'the agree and agreed printings are one variant');
});
