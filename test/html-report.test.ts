// The HTML report without a browser: every hostile source string arrives as text, the page loads
// nothing and runs only its own hashed script, and every citation points at a real span.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { renderHtml } from '../src/brief/html.ts';
import { main } from '../src/cli/main.ts';
import type { Brief, Span } from '../src/schema.ts';
import { ALERT, DOCUMENTS, PAYLOADS, XSS, hostileBrief } from './fixtures/html-report/hostile-brief.ts';

const brief = hostileBrief();
const html = renderHtml(brief);
const { document } = parseHTML(html);

/** Every {doc, start, end} anywhere in the brief. */
function allSpans(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => allSpans(v, out));
  else if (value && typeof value === 'object') {
    const v = value as Partial<Span>;
    if (typeof v.doc === 'string' && typeof v.start === 'number' && typeof v.end === 'number') out.add(`${v.doc}:${v.start}:${v.end}`);
    for (const child of Object.values(value)) allSpans(child, out);
  }
  return out;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

test('no payload appears as markup: each is printed as text, escaped once', () => {
  for (const payload of PAYLOADS.filter((p) => /[<>"]/.test(p))) assert.ok(!html.includes(payload), `raw in the page: ${payload}`);
  assert.ok(!html.includes('&amp;lt;'), 'escaped twice');
  // What the reader sees is the source's own string, character for character.
  const text = document.body.textContent ?? '';
  for (const shown of [
    brief.documents[0]!.outlet!,
    brief.documents[0]!.title!,
    brief.documents[1]!.title!,
    brief.entities[0]!.name,
    brief.disagreements[0]!.about,
    `Sunday ${XSS.img}`,
    brief.rejected[0]!.reason,
  ]) {
    assert.ok(text.includes(shown), `not shown as text: ${shown}`);
  }
});

test('the page is its own two scripts and nothing else that could run or load', () => {
  const scripts = [...document.querySelectorAll('script')];
  assert.equal(scripts.length, 2);
  assert.equal(scripts[0]!.getAttribute('type'), 'application/json');
  assert.equal(scripts[1]!.attributes.length, 0);
  assert.equal(html.match(/<\/script/gi)?.length, 2, 'a source text closed a script');
  for (const tag of ['img', 'iframe', 'object', 'embed', 'base', 'link', 'form', 'input', 'b']) assert.equal(document.querySelectorAll(tag).length, 0, `<${tag}> in the page`);
  // The only SVG is the dot plots' own: hidden from readers, lines and circles with numbers.
  for (const svg of document.querySelectorAll('svg')) {
    assert.equal(svg.getAttribute('class'), 'plot-track');
    assert.equal(svg.getAttribute('aria-hidden'), 'true');
    for (const child of svg.querySelectorAll('*')) {
      assert.ok(['line', 'circle'].includes(child.localName), `<${child.localName}> in a plot`);
      for (const { name, value } of child.attributes) assert.ok(name === 'class' || /^-?[\d.]+%?$/.test(value), `${name}="${value}" in a plot`);
    }
  }
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      assert.ok(!/^on/i.test(name), `event handler ${name} on <${el.tagName}>`);
      assert.ok(!['src', 'style', 'srcdoc', 'action', 'formaction'].includes(name), `${name} on <${el.tagName}>`);
      if (name === 'href') assert.match(value, /^#[a-z0-9-]+$/, 'only links within the page');
      assert.ok(!/javascript:|https?:/i.test(name === 'title' || name === 'aria-label' ? '' : value), `URL in ${name}="${value}"`);
    }
  }
});

test('a strict Content-Security-Policy allows only the inline style and script, by hash', () => {
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  assert.ok(meta, 'no CSP meta');
  const csp = meta.getAttribute('content')!;
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
  assert.ok(csp.includes(`style-src ${sha256(document.querySelector('style')!.textContent!)}`), 'style hash');
  assert.ok(csp.includes(`script-src ${sha256(document.querySelectorAll('script')[1]!.textContent!)}`), 'script hash');
  // The policy must be in force before the style and script it allows.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style>'));
});

test('every citation carries the span of a real passage; the documents travel as exact JSON', () => {
  const spans = allSpans(brief);
  const cites = [...document.querySelectorAll('[data-start]')];
  assert.ok(cites.length >= 30, `only ${cites.length} citations`);
  for (const el of cites) {
    const key = `${el.getAttribute('data-doc')}:${el.getAttribute('data-start')}:${el.getAttribute('data-end')}`;
    assert.ok(spans.has(key), `citation of no span: ${key}`);
    assert.equal(el.tagName, 'BUTTON', 'citations are keyboard-reachable buttons');
  }
  const embedded = JSON.parse(document.getElementById('documents')!.textContent!) as { id: string; original: string }[];
  assert.deepEqual(
    embedded.map((d) => [d.id, d.original]),
    DOCUMENTS.map((d) => [d.id, d.original]),
  );
  assert.ok(embedded[0]!.original.includes('\r\n'), 'line ends kept');
});

test('sections come in order, disagreements side by side with the quote diff marked', () => {
  const headings = [...document.querySelectorAll('h2')].map((h) => h.textContent);
  assert.deepEqual(headings, [
    'Lead',
    'Where the outlets disagree',
    'Key points',
    'Timeline',
    'Reported by only one outlet',
    'Quote sheet',
    "Who's who",
    'Coverage matrix',
    'Coverage by outlet',
    'Inputs not used',
  ]);
  assert.deepEqual(
    [...document.querySelectorAll('.disagreement')].map((d) => d.querySelectorAll('.variant').length),
    [2, 2],
  );
  assert.equal(document.querySelector('.variant del')!.textContent, XSS.close);
  assert.equal(document.querySelector('.variant ins')!.textContent, ALERT.img);
  // Coverage matrix: a ✓ per outlet that reports a point, opening that outlet's supporting passage.
  const rows = [...document.querySelectorAll('table.matrix tbody tr')];
  assert.equal(rows.length, 2);
  const ticks = [...rows[1]!.querySelectorAll('button.cite')];
  assert.deepEqual(
    ticks.map((b) => b.getAttribute('data-doc')),
    ['doc-aaaa', 'doc-bbbb'],
  );
  assert.equal(ticks[1]!.getAttribute('data-start'), String(DOCUMENTS[1]!.original.indexOf('Nearly 1,500')));
});

test('an empty synthesis leaves its sections out; filling it only adds sections', () => {
  const empty: Brief = { ...brief, facts: [], disagreements: [], rejected: [], brief: { ...brief.brief, lead: [], note: null, points: [], onlyOne: [], timeline: [], coverage: {} } };
  const headings = [...parseHTML(renderHtml(empty)).document.querySelectorAll('h2')].map((h) => h.textContent);
  assert.deepEqual(headings, ['Quote sheet', "Who's who", 'Coverage by outlet']);
});

test('brief --format html writes the report of the example bundle', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'corroborate-html-')), 'brief.html');
  assert.equal(await main(['brief', 'examples', '--format', 'html', '--quiet', '--out', out]), 0);
  const page = readFileSync(out, 'utf8');
  assert.match(page, /^<!doctype html>/);
  assert.match(page, /<h1>[^<]*[Bb]ridge[^<]* — 4 reports, 14–15 October 2025<\/h1>/);
  assert.match(page, /<title>[^<]*[Bb]ridge[^<]* — 4 reports, 14–15 October 2025<\/title>/);
  // What is contested first, each count linking to its section.
  const strip = /<p class="summary-strip">(.*?)<\/p>/.exec(page)?.[1] ?? '';
  assert.match(strip, /^<a href="#disagreements">\d+ contradictions?<\/a>/);
  assert.match(strip, /<a href="#key-points">\d+ corroborated points?<\/a>/);
  for (const [, href] of strip.matchAll(/href="#([a-z-]+)"/g)) assert.match(page, new RegExp(`<section id="${href}"`));
});

test('chip labels: a handle reads as its name, a long one-word name stays whole, a long name is abbreviated', async () => {
  const { makeCiter } = await import('../src/brief/html-cite.ts');
  const doc = (id: string, outlet: string | null) => ({ id, outlet, source: `${id}.txt` }) as unknown as Parameters<typeof makeCiter>[0][number];
  const citer = makeCiter([doc('a', '@nationalherald'), doc('b', 'harbourline.org'), doc('c', 'Cedar Coast Dispatch'), doc('d', null), doc('e', 'NPR')]);
  assert.deepEqual(
    ['a', 'b', 'c', 'd', 'e'].map((id) => citer.label(id)),
    ['nationalherald', 'harbourline.org', 'CCD', 'Doc 4', 'NPR'],
  );
});

test('a statement quoted word for word from one passage says "quoted from" on that chip, the others "also in"', async () => {
  const { brief: briefOf } = await import('../src/pipeline/run.ts');
  const b = await briefOf([join(fileURLToPathOf('../examples/'))]);
  const page = parseHTML(renderHtml(b)).document;
  const leads = [...page.querySelectorAll('p.lead')];
  assert.ok(leads.length > 0);
  let quoted = 0;
  for (const [k, p] of leads.entries()) {
    const roles = [...p.querySelectorAll('.cite-role')].map((r) => r.textContent);
    if (!roles.length) continue;
    quoted++;
    assert.equal(roles[0], 'quoted from');
    const chip = p.querySelector('.cite-role + .cite')!;
    const span = { doc: chip.getAttribute('data-doc')!, start: Number(chip.getAttribute('data-start')), end: Number(chip.getAttribute('data-end')) };
    const original = b.documents.find((d) => d.id === span.doc)!.original;
    assert.equal(original.slice(span.start, span.end).replace(/\s+/g, ' ').trim(), b.brief.lead[k]!.text.replace(/\s+/g, ' ').trim());
  }
  assert.ok(quoted > 0, 'some lead sentence is one passage word for word');
});

function fileURLToPathOf(relative: string): string {
  return new URL(relative, import.meta.url).pathname;
}

test("the quote sheet folds fragments of under four words away under each speaker's real quotes", async () => {
  const { brief: briefOf } = await import('../src/pipeline/run.ts');
  const { hasSeeds, SEEDS } = await import('./support.ts');
  const b = await briefOf([hasSeeds ? SEEDS : fileURLToPathOf('../examples/')]);
  const page = parseHTML(renderHtml(b)).document;
  const words = (li: Element) => (li.querySelector('blockquote')!.textContent!.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  const shown = [...page.querySelectorAll('#quotes section.speaker > ul.quotes > li')];
  const folded = [...page.querySelectorAll('#quotes details.fragments li')];
  const listed = b.quotes.filter((q) => q.speaker !== null || q.speakerName !== null || q.kind !== 'partial');
  const short = listed.filter((q) => q.kind !== 'turn' && (q.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < 4);
  assert.ok(shown.length > 0);
  assert.ok(folded.every((li) => words(li) < 4));
  assert.equal(folded.length, short.length);
  assert.equal(shown.length, listed.length - short.length);
  if (hasSeeds) assert.ok(folded.length > 0, 'the seeds quote words in passing');
  // A heading is a named person or organization, or says the speaker is only described.
  const names = new Set(b.entities.map((e) => e.name));
  for (const h of page.querySelectorAll('#quotes section.speaker h3')) {
    const role = h.querySelector('.role')?.textContent ?? '';
    const heading = (h.textContent ?? '').slice(0, (h.textContent ?? '').length - role.length).trim();
    assert.ok(names.has(heading) || /^Not named: described as “.+”$/.test(heading) || heading === 'Speaker not identified', heading);
  }
});

/** The examples' brief as `brief --format json` writes it, and its HTML report parsed. */
async function examplesReport(): Promise<{ exampleBrief: Brief; page: Document }> {
  const out = join(mkdtempSync(join(tmpdir(), 'corroborate-examples-')), 'brief.json');
  assert.equal(await main(['brief', 'examples', '--format', 'json', '--quiet', '--out', out]), 0);
  const exampleBrief = JSON.parse(readFileSync(out, 'utf8')) as Brief;
  return { exampleBrief, page: parseHTML(renderHtml(exampleBrief)).document };
}

test('a value disagreement is drawn as a dot plot: a row per outlet, figures in order on one scale', async () => {
  const { exampleBrief, page } = await examplesReport();
  const plotted = exampleBrief.disagreements.filter(
    (d) => ['number', 'duration', 'time', 'date'].includes(d.kind) && new Set(d.variants.map((v) => `${v.normalized?.low}:${v.normalized?.high}`)).size > 1,
  );
  assert.ok(plotted.length >= 1, 'the examples disagree on figures');
  for (const d of plotted) {
    const plot = page.getElementById(d.id)!.querySelector('.dot-plot');
    assert.ok(plot, `${d.about} has a plot`);
    const rows = [...plot.querySelectorAll('li')];
    assert.deepEqual(rows.map((r) => r.querySelector('.plot-outlet')!.textContent).sort(), d.variants.flatMap((v) => v.outlets).sort());
    // Left to right as the figures go up: each row's mark starts no further left than the row before.
    const starts = rows.map((r) => parseFloat(r.querySelector('circle')?.getAttribute('cx') ?? r.querySelector('.plot-range')!.getAttribute('x1')!));
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    assert.ok(starts[0]! < starts[starts.length - 1]!, 'the figures differ on the scale');
  }
  // Quotes and names are not figures: no plot.
  for (const d of exampleBrief.disagreements.filter((x) => x.kind === 'quote' || x.kind === 'name')) assert.equal(page.getElementById(d.id)!.querySelector('.dot-plot'), null);
});

test('the coverage grid puts outlets that tell the same points together: two mixed events are two blocks', async () => {
  const { blockOrder } = await import('../src/brief/html-charts.ts');
  // Points of a port fire (told by Harbour Post and Coast Wire) and of a bridge closure (Valley
  // Times, Ledger) arrive interleaved, outlets alternating.
  const reports: Record<string, string[]> = {
    fire1: ['Harbour Post', 'Coast Wire'],
    bridge1: ['Valley Times', 'Ledger'],
    fire2: ['Coast Wire', 'Harbour Post'],
    bridge2: ['Ledger', 'Valley Times'],
    fire3: ['Harbour Post'],
    both: ['Coast Wire', 'Ledger'],
  };
  const { points, outlets } = blockOrder(Object.keys(reports), ['Harbour Post', 'Valley Times', 'Coast Wire', 'Ledger'], (p) => reports[p]!);
  const side = (o: string) => (['Harbour Post', 'Coast Wire'].includes(o) ? 'fire' : 'bridge');
  assert.deepEqual(outlets.map(side), ['fire', 'fire', 'bridge', 'bridge'], outlets.join(', '));
  const fires = points.filter((p) => p.startsWith('fire'));
  const bridges = points.filter((p) => p.startsWith('bridge'));
  assert.deepEqual(points, [...fires, 'both', ...bridges], points.join(', '));
  // One event is one block: its points keep their order (most corroborated first).
  const one: Record<string, string[]> = { a: ['X', 'Y', 'Z'], b: ['Y', 'Z'], c: ['X'], d: ['X', 'Z'] };
  assert.deepEqual(blockOrder(Object.keys(one), ['X', 'Y', 'Z'], (p) => one[p]!).points, ['a', 'b', 'c', 'd']);
});

test('coverage over time: a row per outlet, its reports as dots in publication order', async () => {
  const { exampleBrief, page } = await examplesReport();
  const plot = page.querySelector('#outlets .time-plot');
  assert.ok(plot, 'the examples are dated: a time plot');
  const dated = exampleBrief.documents.filter((d) => d.published && Number.isFinite(Date.parse(d.published)));
  const rows = [...plot.querySelectorAll('li')];
  assert.equal(rows.length, new Set(dated.map((d) => d.outlet ?? d.source)).size);
  assert.equal(plot.querySelectorAll('circle').length, dated.length);
  // The earliest report's dot is at the left end, the latest's at the right end.
  const xs = [...plot.querySelectorAll('circle')].map((c) => parseFloat(c.getAttribute('cx')!));
  assert.equal(Math.min(...xs), 4);
  assert.equal(Math.max(...xs), 96);
});

test('hovering a chip previews its passage: the title holds the outlet, the offsets and the words, escaped', () => {
  const chips = [...document.querySelectorAll('button.cite')];
  assert.ok(chips.length > 0);
  for (const chip of chips) {
    const doc = DOCUMENTS.find((d) => d.id === chip.getAttribute('data-doc'))!;
    const passage = doc.original
      .slice(Number(chip.getAttribute('data-start')), Number(chip.getAttribute('data-end')))
      .replace(/\s+/g, ' ')
      .trim();
    const title = chip.getAttribute('title')!;
    assert.match(title, /characters \d+–\d+: “/);
    // The words as they are (source text, payloads included), cut at 160 characters.
    assert.ok(title.includes(passage.slice(0, 60)), `${title} / ${passage}`);
    assert.ok(title.length < 300);
  }
});
