import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from '../src/clean/html/extract.ts';
import { chooseContent } from '../src/clean/html/choose-content.ts';
import { parseDocument } from '../src/clean/html/dom.ts';
import { visibleText } from '../src/clean/html/visible-text.ts';
import { segmentFlags } from '../src/clean/html/segment-flags.ts';
import { toIsoDate } from '../src/clean/html/metadata.ts';

const PARAS = [
  'The city council voted on Tuesday to approve the new budget after a long and heated debate that lasted until midnight.',
  'Council members said the plan would fund road repairs, two new libraries and a pilot program for free public transit.',
  'Opponents argued that the spending was too high, warning that property taxes could rise by as much as four percent next year.',
  'The mayor is expected to sign the budget later this week, according to a statement released by her office on Wednesday.',
];

function articlePage(extraHead = ''): string {
  return `<!DOCTYPE html><html><head><title>Council approves budget | Daily Bugle</title>${extraHead}
  <style>p { color: red }</style><script>var secret = "do not show";</script></head>
  <body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
    <article>
      <h1>Council approves budget</h1>
      <p class="byline">By Jane Reporter</p>
      <figure><img src="x.jpg"><figcaption>The council chamber on Tuesday. Photo: John Doe</figcaption></figure>
      ${PARAS.map((p) => `<p>${p}</p>`).join('\n      ')}
      <div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div>
    </article>
    <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Another story about a different council</a></li></ul></aside>
    <footer><p>© 2024 Daily Bugle. All rights reserved.</p></footer>
  </body></html>`;
}

const body = (x: ReturnType<typeof extractHtml>): string[] => x.blocks.map((b) => x.original.slice(b.start, b.end));

test('blocks are spans whose slice of original is the paragraph text', () => {
  const x = extractHtml(articlePage());
  assert.deepEqual(body(x), PARAS);
  for (const b of x.blocks) {
    assert.ok(0 <= b.start && b.start < b.end && b.end <= x.original.length);
  }
  assert.equal(x.method, 'readability');
});

test('removed spans label captions, navigation and metadata, and never overlap blocks', () => {
  const x = extractHtml(articlePage());
  const kinds = new Map(x.removed.map((r) => [x.original.slice(r.start, r.end), r.kind]));
  const find = (needle: string) => [...kinds].find(([t]) => t.includes(needle))?.[1];
  assert.equal(find('council chamber'), 'caption');
  assert.equal(find('Home'), 'boilerplate');
  assert.equal(find('By Jane Reporter'), 'metadata');
  assert.equal(find('Council approves budget'), 'metadata');
  assert.equal(find('Another story'), 'teaser');
  for (const r of x.removed) {
    assert.ok(r.reason.length > 0);
    for (const b of x.blocks) assert.ok(r.end <= b.start || r.start >= b.end, 'removed overlaps a block');
  }
});

test('scripts, styles, hidden and aria-hidden content are not visible text', () => {
  const html = `<html><head><title>T</title></head><body><p>Shown text here.</p>
    <script>alert("x")</script><style>.a{}</style><noscript>enable js</noscript>
    <template><p>tpl</p></template><div hidden>hidden attr</div><span aria-hidden="true">aria</span>
    <div style="display: none">styled away</div><svg><text>svg text</text></svg></body></html>`;
  const { original } = extractHtml(html);
  assert.match(original, /Shown text here\./);
  for (const gone of ['alert', '.a{}', 'enable js', 'tpl', 'hidden attr', 'aria', 'styled away', 'svg text', 'T\n']) {
    assert.ok(!original.includes(gone), `"${gone}" should be invisible`);
  }
});

test('whitespace collapses inside inline runs and blocks break lines', () => {
  const html = '<body><p>  Hello   <b>big</b>\n\n  world  </p><div>one</div><div>two<br>three</div><ul><li>a</li><li>b</li></ul><pre>x   y\n z</pre></body>';
  const { original } = extractHtml(html);
  assert.equal(original.trim(), 'Hello big world\none\ntwo\nthree\na\nb\nx   y\n z');
});

test('metadata from JSON-LD with @graph, author arrays and a publisher reference', () => {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'Organization', '@id': '#org', name: 'Daily Bugle' },
      {
        '@type': ['NewsArticle'],
        headline: 'Council approves budget',
        description: 'A late-night vote.',
        datePublished: '2024-03-05T22:10:00-05:00',
        author: [{ '@type': 'Person', name: 'Jane Reporter' }, { name: 'Sam Writer' }],
        publisher: { '@id': '#org' },
        mainEntityOfPage: { '@id': 'https://bugle.example/budget' },
      },
    ],
  };
  const x = extractHtml(articlePage(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`), {
    url: 'https://bugle.example/budget?utm=1',
  });
  assert.equal(x.meta.title, 'Council approves budget');
  assert.equal(x.meta.dek, 'A late-night vote.');
  assert.equal(x.meta.byline, 'Jane Reporter, Sam Writer');
  assert.equal(x.meta.published, '2024-03-05T22:10:00-05:00');
  assert.equal(x.meta.outlet, 'Daily Bugle');
  assert.equal(x.meta.url, 'https://bugle.example/budget');
});

test('metadata from Open Graph and <meta> when JSON-LD is malformed', () => {
  const head = `<script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Broken" ,,, </script>
    <meta property="og:title" content="OG title">
    <meta property="og:description" content="OG &amp;quot;dek&amp;quot;">
    <meta name="author" content="Jane Reporter">
    <meta property="article:published_time" content="2024/3/5">
    <meta property="og:site_name" content="Bugle">
    <link rel="canonical" href="/budget">`;
  const x = extractHtml(articlePage(head), { url: 'https://bugle.example/x' });
  assert.equal(x.meta.title, 'OG title');
  assert.equal(x.meta.dek, 'OG "dek"');
  assert.equal(x.meta.byline, 'Jane Reporter');
  assert.equal(x.meta.published, '2024-03-05');
  assert.equal(x.meta.outlet, 'Bugle');
  assert.equal(x.meta.url, 'https://bugle.example/budget');
});

test('unknown metadata stays null; <title> is the last resort for the title', () => {
  const x = extractHtml('<html><head><title> Just a title </title></head><body><p>Text.</p></body></html>');
  assert.equal(x.meta.title, 'Just a title');
  assert.equal(x.meta.byline, null);
  assert.equal(x.meta.published, null);
  assert.equal(x.meta.outlet, null);
  assert.equal(x.meta.dek, null);
  assert.equal(x.meta.url, null);
});

test('dates: ISO kept as stated, other parseable dates converted, nonsense dropped', () => {
  assert.equal(toIsoDate('2019-11-19T11:51:32.556Z'), '2019-11-19T11:51:32.556Z');
  assert.equal(toIsoDate('2019-11-19'), '2019-11-19');
  assert.equal(toIsoDate('Tue, 19 Nov 2019 10:00:00 GMT'), '2019-11-19T10:00:00.000Z');
  assert.equal(toIsoDate('yesterday'), null);
  assert.equal(toIsoDate('2019-13-45'), null);
});

test('malformed HTML and garbage do not throw', () => {
  const inputs = [
    '',
    'plain text, no tags at all',
    '<p>unclosed <b>bold <i>italic <div>block</p></span></table>',
    '<<<>>> </div></p><p <a href=">x</b>&#xZZ; &bogus; <!-- unterminated',
    '<html><body><table><tr><td>cell<td>cell2</table></body>',
    '\u0000\uFFFD<script>never closed',
  ];
  for (const html of inputs) {
    const x = extractHtml(html);
    assert.equal(typeof x.original, 'string');
    for (const b of x.blocks) assert.ok(b.end <= x.original.length);
  }
  assert.match(extractHtml('plain text, no tags at all').original, /plain text/);
});

test('deeply nested HTML neither overflows the stack nor loses its text', () => {
  const depth = 20000;
  const html = `<html><body>${'<div>'.repeat(depth)}<p>${PARAS[0]}</p>${'</div>'.repeat(depth)}</body></html>`;
  const x = extractHtml(html);
  assert.ok(x.original.includes(PARAS[0]!));
});

test('falls back to the densest prose region when Readability returns nothing', () => {
  const doc = parseDocument(articlePage());
  const vt = visibleText(doc.documentElement!);
  const flags = segmentFlags(vt.segments, vt.regions);
  const chosen = chooseContent(vt, flags, { kept: [], failure: 'Readability found no article' });
  assert.equal(chosen.method, 'fallback');
  assert.match(chosen.note ?? '', /Readability found no article/);
  const text = chosen.segs.map((i) => vt.original.slice(vt.segments[i]!.start, vt.segments[i]!.end)).join(' ');
  for (const p of PARAS) assert.ok(text.includes(p));
  assert.ok(!text.includes('Home'));
});

test('a page with no article text yields no blocks and says why', () => {
  const x = extractHtml('<html><body><nav><a href="/">Home</a></nav></body></html>');
  assert.deepEqual(x.blocks, []);
  assert.ok(x.original.includes('Home'));
  assert.ok((x.notes ?? []).length > 0);
});

test('bylines from the markup and the page: rel=author, itemprop=author, a byline element, a "By" line in several languages', () => {
  const page = (head: string, article: string) =>
    `<html><head><title>Council approves budget</title>${head}</head><body><article><h1>Council approves budget</h1>${article}${PARAS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const byline = (html: string) => extractHtml(html).meta.byline;
  assert.equal(byline(page('', '<p class="byline">By Jane Reporter</p>')), 'Jane Reporter');
  assert.equal(byline(page('', '<div class="meta">Posted by <a rel="author" href="/staff/ana">Ana Ruiz</a></div>')), 'Ana Ruiz');
  assert.equal(byline(page('', '<span itemprop="author" itemscope><span itemprop="name">Tom Bell</span></span>')), 'Tom Bell');
  assert.equal(byline(page('', '<p class="article-author">By Ana Ruiz and Tom Bell | Daily Bugle</p>')), 'Ana Ruiz, Tom Bell');
  assert.equal(byline(page('', '<p>Por María José García</p>')), 'María José García');
  assert.equal(byline(page('', '<p>Von Jo Lee-Brandt</p>')), 'Jo Lee-Brandt');
  // Metadata wins; an author bio box, a list of other stories and prose mentioning an author are no byline.
  assert.equal(byline(page('<meta name="author" content="Mia Stone">', '<p class="byline">By Jane Reporter</p>')), 'Mia Stone');
  assert.equal(byline(page('', '<div class="author-bio">Jane Reporter covers city hall and has written for the paper since 2009, after years in radio.</div>')), null);
  assert.equal(byline(page('', '<p>By the end of the meeting, most members had left.</p>')), null);
  assert.equal(byline(page('', '<p class="author">Staff</p>')), null);
});
