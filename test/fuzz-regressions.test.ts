// One small test per thing the fuzzing broke (test/FUZZING.md has the log): the input shape that
// broke it, checked for the right result and, where the failure was time or memory, a bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cleanDocument } from '../src/clean/index.ts';
import { analyseSafely, briefDocuments } from '../src/pipeline/run.ts';
import { analyseText, mergeAnalyses } from '../src/analyse/index.ts';
import { findStatements, type Statement } from '../src/compare/statements.ts';
import { alignStatements } from '../src/compare/align.ts';
import { parseDocument } from '../src/clean/html/dom.ts';
import { boundNesting, MAX_PARSE_DEPTH } from '../src/clean/html/bound-nesting.ts';
import { extractHtml } from '../src/clean/html/extract.ts';
import { nonPublicAddress } from '../src/ingest/address-ranges.ts';
import { renderMarkdown } from '../src/brief/markdown.ts';
import { assertGrowsLinearly, checkBrief } from './fuzz-support.ts';
import { assertSpansValid, SHARED } from './support.ts';

const text = (content: string, source = 'regression') => cleanDocument({ source, format: 'text', content, hints: {} });
const html = (content: string, source = 'regression') => cleanDocument({ source, format: 'html', content, hints: {} });

test('a page repeating one sentence thousands of times: value comparison stays bounded', () => {
  // Every value was compared with every other, all pairs kept in memory, and each word checked
  // against every quote of the document: 400 KB of this took 14 s and 1.6 GB, 1 MB ran out of memory.
  const page = (repeats: number) => text('The minister said "we will talk" for about 7.5 hours on Monday; 12 percent of $700 billion. '.repeat(repeats));
  const doc = page(4000);
  checkBrief(briefDocuments([doc], [analyseSafely(doc)]));
  assertGrowsLinearly('the brief of a page repeating one sentence', 500, (repeats) => {
    const repeated = page(repeats);
    const analysis = analyseSafely(repeated);
    return () => briefDocuments([repeated], [analysis]);
  });
  // (The disagreements themselves are checked on the port-fire reports: test/compare-disagreements.test.ts.)
});

test('alignment: two groups found apart are not compared again, pair after pair, until one grows', () => {
  // A page repeating its text linked the same two groups through thousands of sentence pairs, each
  // check costing the product of their sizes: 500 KB of repeated prose spent 6 s here, and this
  // case 7 s (40 ms now).
  const p = new Map([
    ['a', 1],
    ['b', 1],
    ['c', 1],
    ['d', 1],
  ]);
  const q = new Map([
    ['a', 1],
    ['b', 1],
    ['c', 1],
    ['e', 1],
  ]);
  const r = new Map([
    ['c', 1],
    ['e', 1],
    ['f', 1],
    ['g', 1],
  ]); // like q, unlike p
  const bundle = (copies: number) => {
    const vectors = [...Array(copies).fill(p), ...Array(copies).fill(q), ...Array(copies).fill(r)];
    return { vectors, statements: vectors.map(() => ({ doc: 'one' })) as unknown as Statement[] };
  };
  const copies = 120; // every term within maxPostings (400), so all pairs are candidates
  const { statements, vectors } = bundle(copies);
  // p and q restate each other and merge; r is apart from p, so it stays a fact of its own.
  assert.deepEqual(
    alignStatements(statements, vectors).groups.map((g) => g.length),
    [2 * copies, copies],
  );
  // All pairs are candidates, so the pairs themselves grow with the square: the checks must not
  // grow faster (cubic, as they did, is 64× for four times the copies; the pairs alone 16×).
  assertGrowsLinearly(
    'aligning copies of three sentences',
    25,
    (n) => {
      const b = bundle(n);
      return () => alignStatements(b.statements, b.vectors);
    },
    32,
  );
});

test('a run of thousands of capitalised words is not one name of thousands of parts', () => {
  // Name matching is quadratic in a name's parts: 64,000 capitalised words took 20 s and 1 GB.
  const analysis = analyseText(`${'Foo '.repeat(20_000)}said on Monday.`);
  assert.ok(analysis.entities.every((e) => e.name.split(' ').length <= 24));
  assertGrowsLinearly('a run of capitalised words', 4_000, (n) => {
    const input = `${'Foo '.repeat(n)}said on Monday.`;
    return () => analyseText(input);
  });
  // Long real names still come through whole.
  const ministry = analyseText('The Ministry of Foreign Affairs said on Monday that Foreign Minister Wang Yi would visit.');
  assert.deepEqual(ministry.entities.map((e) => e.name).sort(), ['Ministry of Foreign Affairs', 'Wang Yi']);
});

test('markdown of a sentence with a 200,000-space gap renders in linear time', () => {
  // escapeMarkdown's /\s*\n\s*/g rescanned the run from every start: 84 s for 500,000 spaces.
  assertGrowsLinearly('markdown of a long gap', 50_000, (n) => {
    const brief = briefDocuments([text(`Officials said${' '.repeat(n)}the bridge would stay closed for two months after inspectors found cracks.`)]);
    return () => renderMarkdown(brief);
  });
});

test('one named line per paragraph, 30,000 times: claim units find their passage and mentions by binary search', () => {
  // Each sentence searched every body passage and copied the rest of the mention list: findStatements took
  // 1.3 s on 20,000 such lines and grew with the square (the new form: 0.26 s).
  const page = (lines: number) => {
    const doc = html(`<p>${'Mayor Ruth Alvarez closed the old river bridge today.<br>'.repeat(lines)}</p>`);
    const analysis = analyseSafely(doc);
    return { doc, analysis, entities: mergeAnalyses([analysis]).entities };
  };
  const { doc, analysis, entities } = page(30_000);
  assert.equal(findStatements([{ doc, analysis, outlet: 'x', reference: null }], entities, []).length, 30_000);
  assertGrowsLinearly('claim units of one-line paragraphs', 2_500, (n) => {
    const p = page(n);
    return () => findStatements([{ doc: p.doc, analysis: p.analysis, outlet: 'x', reference: null }], p.entities, []);
  });
});

test('200,000 stray "<" parse in linear time', () => {
  // The stray nodes beside <head> and <body> were found with Array.includes, once per node: 5.3 s.
  assertGrowsLinearly('stray "<"', 50_000, (n) => {
    const input = '<'.repeat(n);
    return () => parseDocument(input);
  });
});

test('absurdly deep HTML is flattened before parsing; shallow pages are not touched', () => {
  // htmlparser2 grows its element stack at the front: 100,000 nested <div>s took 5.4 s, a million would take minutes.
  const deep = '<div>'.repeat(300_000) + '<p>Hello there.</p>';
  assert.match(extractHtml(deep).original, /Hello there\./);
  assertGrowsLinearly('deeply nested HTML', 25_000, (n) => {
    const input = '<div>'.repeat(n) + '<p>Hello there.</p>';
    return () => extractHtml(input);
  });
  // Tags past the bound are dropped with their end tags; script content is not markup; invisible elements that deep go with their content.
  const bounded = boundNesting(`${'<div>'.repeat(MAX_PARSE_DEPTH + 5)}<script>if (a<b) x("<div>")</script><template>secret</template>text${'</div>'.repeat(MAX_PARSE_DEPTH + 5)}`);
  assert.equal((bounded.match(/<div>/g) ?? []).length, MAX_PARSE_DEPTH);
  assert.equal((bounded.match(/<\/div>/g) ?? []).length, MAX_PARSE_DEPTH);
  assert.ok(bounded.includes('<script>if (a<b) x("<div>")</script>') === false && !bounded.includes('secret') && bounded.includes('text'));
  // Unclosed <p>, <li> and <td> close themselves, as in the parser: a long old-style page stays as written.
  const list = `<ul>${'<li>item '.repeat(5000)}</ul><table>${'<tr><td>a<td>b'.repeat(3000)}</table>${'<p>para '.repeat(3000)}`;
  assert.equal(boundNesting(list), list);
  // End tags that close nothing are dropped (the parser would search its whole stack for each).
  const deepDivs = '<div>'.repeat(500);
  assert.equal(boundNesting(`${deepDivs}${'</span>'.repeat(MAX_PARSE_DEPTH + 1)}x`), `${deepDivs}x`);
});

const AEB = join(SHARED, 'eval', 'html-extraction-aeb', 'html');
test('every page of the extraction benchmark passes through boundNesting unchanged', { skip: !existsSync(AEB) && 'no ../shared/eval' }, () => {
  for (const name of readdirSync(AEB).filter((f) => f.endsWith('.html.gz'))) {
    const page = gunzipSync(readFileSync(join(AEB, name))).toString('utf8');
    assert.ok(boundNesting(page) === page, name);
  }
});

test('HTML text nodes of only no-break spaces, vertical tabs or line separators make no removed span', () => {
  // A removed span of "\u000b" or "\u00a0" alone (whitespace to JS, not to CSS) broke the untrimmed-span rule.
  for (const c of ['\u000b', '\u00a0', '\u2028', '\ufeff', '\u3000']) {
    const doc = html(`<p>The bridge closed on Monday after inspectors found cracks.</p><nav>${c}</nav><div>${c}Home${c}</div><aside>${c}</aside>`);
    assertSpansValid(doc);
  }
});

test('sentences do not start with the tab or line separator wink keeps as a token', () => {
  const doc = text('The bridge opened in 1962.\t The bridge carries cars.\u000b Then more.\u2028 And more. \f Last one.');
  assertSpansValid(doc);
  assert.deepEqual(doc.sentences.map((s) => doc.original.slice(s.start, s.end))[1], 'The bridge carries cars.');
});

test('a hard-wrapped line after a line ending in a glued copyright credit does not take the credit back into the body', () => {
  // Found by the fuzzer (seed 5): the paragraph joined across the credit that had been cut from the line's end.
  const doc = text('The bridge will stay closed for about two months, officials said. Copyright\nshe added on Tuesday that crews would work overnight. A ');
  assertSpansValid(doc);
  assert.ok(!doc.text.includes('Copyright'), doc.text);
});

test('IPv6 zones and odd spellings do not confuse the address check', () => {
  assert.equal(nonPublicAddress('fe80::1%eth0'), 'a link-local address (fe80::1%eth0)');
  assert.equal(nonPublicAddress(' %'.repeat(50_000)), 'an unrecognised address ( %' + ' %'.repeat(49_999) + ')');
  assert.equal(nonPublicAddress('2001:4860:4860::8888'), null);
});
