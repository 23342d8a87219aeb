// Fixed hostile inputs at scale through the whole pipeline: clean, analyse, brief, both renderers.
// Each shape once made a stage quadratic (or ran out of memory); each must now finish well inside
// its time bound with every span valid. test/FUZZING.md has what each one did before its fix.
// FUZZ_SCALE=N multiplies the sizes (FUZZ_SCALE=2 npm run fuzz: 1 MB lines, 200,000 lines, …).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from '../src/clean/index.ts';
import { analyseSafely, briefDocuments } from '../src/pipeline/run.ts';
import { renderHtml } from '../src/brief/html.ts';
import { renderMarkdown } from '../src/brief/markdown.ts';
import { assertHeapBounded, checkBrief, TEXT_CORPUS } from './fuzz-support.ts';
import { assertSpansValid } from './support.ts';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** Linear work at these sizes takes well under a second each; the quadratic versions took 5 s to minutes. */
const BOUND_MS = 20_000;
/** Resident memory after each input; a 1 MB text peaks near 400 MB. */
const RSS_LIMIT_BYTES = 2.5 * 1024 ** 3;

const n = (count: number) => Math.round(count * SCALE);
const prose = (chars: number): string => {
  const base = TEXT_CORPUS[0]!.text.replace(/\s+/g, ' ');
  return base.repeat(Math.ceil(chars / base.length)).slice(0, chars);
};

const CASES: { name: string; format: 'text' | 'html'; content: () => string }[] = [
  { name: '500 KB single line of prose', format: 'text', content: () => prose(n(500_000)) },
  { name: '100,000 tiny lines', format: 'text', content: () => Array.from({ length: n(100_000) }, (_, i) => ['Bridge', 'said', '7', '"Yes"', 'Mr.'][i % 5]).join('\n') },
  { name: '500,000 spaces between two words (one line)', format: 'text', content: () => `Officials said${' '.repeat(n(500_000))}the bridge closed.` },
  { name: '40,000 capitalised words in one run', format: 'text', content: () => 'Foo '.repeat(n(40_000)) + 'said.' },
  { name: '200,000 hyphens', format: 'text', content: () => '-'.repeat(n(200_000)) },
  { name: '200,000 digits then a letter', format: 'text', content: () => '1'.repeat(n(200_000)) + 'a' },
  { name: '100,000 slashes', format: 'text', content: () => '/'.repeat(n(100_000)) + '1' },
  { name: '100,000 apostrophes', format: 'text', content: () => "'".repeat(n(100_000)) + 'a' },
  { name: '1,000,000 letters, no space', format: 'text', content: () => 'x'.repeat(n(1_000_000)) },
  { name: '50,000 unclosed curly quotes', format: 'text', content: () => 'He said “yes '.repeat(n(50_000)) },
  { name: '30,000 transcript labels', format: 'text', content: () => 'NAME: Hello there. '.repeat(n(30_000)) },
  {
    name: '10,000 repeats of one sentence with values and a quote',
    format: 'text',
    content: () => 'The minister said "we will talk" for about 7.5 hours on Monday; 12 percent of $700 billion. '.repeat(n(10_000)),
  },
  { name: '10,000 nested divs', format: 'html', content: () => '<div>'.repeat(n(10_000)) + '<p>Hello there, said the man.</p>' + '</div>'.repeat(n(10_000)) },
  { name: '300,000 nested divs, never closed', format: 'html', content: () => '<div>'.repeat(n(300_000)) + '<p>Hello there, said the man.</p>' },
  { name: '999 divs then 300,000 end tags that close nothing', format: 'html', content: () => '<div>'.repeat(999) + '</span>'.repeat(n(300_000)) + '<p>Hi there.</p>' },
  { name: '50,000 lines split by <br>', format: 'html', content: () => `<p>${'a line of text<br>'.repeat(n(50_000))}</p>` },
  { name: '200,000 stray "<"', format: 'html', content: () => '<'.repeat(n(200_000)) },
  { name: '500 KB text in one paragraph', format: 'html', content: () => `<p>${prose(n(500_000))}</p>` },
  { name: '100,000 entities', format: 'html', content: () => `<p>${'&amp;&#0;&#xD800;&bogus;'.repeat(n(25_000))}</p>` },
];

for (const c of CASES) {
  test(`scale: ${c.name}`, () => {
    const content = c.content();
    const start = performance.now();
    const doc = cleanDocument({ source: c.name, format: c.format, content, hints: {} });
    const analysis = analyseSafely(doc);
    const brief = briefDocuments([doc], [analysis]);
    renderHtml(brief);
    renderMarkdown(brief);
    const ms = performance.now() - start;
    assert.ok(ms < BOUND_MS, `${c.name}: ${Math.round(ms)} ms (bound ${BOUND_MS} ms)`);
    assert.ok(!doc.messages.some((m) => m.rule === 'analysis-failed'), JSON.stringify(doc.messages));
    assertSpansValid(doc);
    checkBrief(brief);
    assertHeapBounded();
    assert.ok(process.memoryUsage().rss < RSS_LIMIT_BYTES, `resident memory ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
  });
}

test('a brief that reaches a limit says so: the value-pair cap and the large-bundle alignment', () => {
  const report = (seed: number) =>
    'Pier repairs drag on in Kessing\n\n' +
    Array.from({ length: 780 }, (_, i) => `Crew ${i} of the harbour works team worked ${(i * 7 + seed) % 3 === 0 ? 6 : 5} hours on the north pier on Tuesday, the foreman said.`).join('\n\n') +
    '\n';
  const documents = [1, 2].map((seed) => cleanDocument({ source: `crews-${seed}.txt`, format: 'text', content: report(seed), hints: {} }));
  const brief = briefDocuments(documents);
  const rules = brief.messages.map((m) => m.rule);
  assert.ok(rules.includes('value-pairs-cap'), JSON.stringify(brief.messages));
  assert.ok(rules.includes('alignment-large-bundle'), JSON.stringify(brief.messages));
  assert.match(renderMarkdown(brief), /## How this brief was made\n\n- .*sentences: only pairs sharing words/);
  assert.match(renderHtml(brief), /id="how-made"/);
  // A brief of a few reports reaches no limit and says nothing of the kind.
  assert.deepEqual(briefDocuments(documents.map((d) => cleanDocument({ source: d.source, format: 'text', content: d.original.slice(0, 2000), hints: {} }))).messages, []);
});
