// `corroborate serve` in a real browser (Debian's chromium through playwright-core) on a loopback
// port: the story list, a story's brief where a citation opens its passage highlighted and in view
// (desktop and phone), the sources side by side, search, and hostile sources that never run.
// Screenshots go to test-output/ for a person to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openStore } from '../src/store/open-store.ts';
import type { Database } from '../src/store/database.ts';
import { ingest } from '../src/collect/ingest.ts';
import { buildServer } from '../src/serve/server.ts';
import type { Brief } from '../src/schema.ts';
import { ALERT, XSS } from './fixtures/html-report/hostile-brief.ts';
import { SEEDS } from './support.ts';
import { watchPage } from './helpers/browser.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test-output');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** A feed line about an invented fire whose every field is an attack. */
const HOSTILE = {
  outlet: `${XSS.img} Gazette`,
  title: `Warehouse fire in Tollbridge ${XSS.script}`,
  byline: ALERT.svg,
  published: '2025-11-02',
  url: ALERT.js,
  text: [
    `TOLLBRIDGE — A warehouse fire on Canal Row burned for six hours on Sunday, the Tollbridge fire service said. ${XSS.close}`,
    `"The roof went first," fire chief Dana Okafor said. ${XSS.iframe} ${ALERT.img}`,
    `Forty firefighters fought the warehouse fire, which started shortly after 3 a.m. ${XSS.js} ${ALERT.script}`,
  ].join('\n\n'),
};

let dir: string;
let db: Database;
let app: FastifyInstance;
let base: string;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: the browser tests need Debian's chromium — run "apt-get install -y chromium" (as root), never "npx playwright install"`);
  dir = mkdtempSync(join(tmpdir(), 'corroborate-serve-browser-'));
  writeFileSync(join(dir, 'tollbridge.jsonl'), JSON.stringify(HOSTILE) + '\n');
  db = await openStore(join(dir, 'store.db'));
  await ingest(db, [join(ROOT, 'examples'), SEEDS, dir]);
  app = buildServer({ db, allowedHosts: ['127.0.0.1'] });
  base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/?$/, '/');
  // As a worker would have: every story briefed, so the list shows what each brief found.
  for (const { id } of (await json<{ stories: { id: number }[] }>('/api/stories')).stories) await json(`/api/stories/${id}/brief`);
  browser = await chromium.launch({ executablePath: CHROMIUM });
  mkdirSync(OUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
  /** Requests anywhere but this server (there must be none: no CDN, no network). */
  elsewhere: string[];
}

async function open(path: string, viewport: { width: number; height: number }): Promise<Opened> {
  const page = await (await browser.newContext({ viewport })).newPage();
  const opened: Opened = { page, dialogs: [], errors: [], elsewhere: [] };
  watchPage(page, opened);
  page.on('request', (request) => {
    if (!request.url().startsWith(base)) opened.elsewhere.push(request.url());
  });
  await page.goto(base + path.replace(/^\//, ''));
  return opened;
}

function clean(opened: Opened): void {
  assert.deepEqual(opened.errors, []);
  assert.deepEqual(opened.dialogs, []);
  assert.deepEqual(opened.elsewhere, []);
}

async function json<T>(path: string): Promise<T> {
  return (await fetch(base + path.replace(/^\//, ''))).json() as Promise<T>;
}

/** The biggest story: the first of the list. */
async function biggest(): Promise<{ id: number; title: string; brief: Brief }> {
  const { stories } = await json<{ stories: { id: number; title: string }[] }>('/api/stories?limit=1');
  const story = stories[0]!;
  return { ...story, brief: await json<Brief>(`/api/stories/${story.id}/brief`) };
}

/** After a citation is chosen: the <mark> in the source panel, and whether it is in view. */
async function shownPassage(page: Page): Promise<{ text: string; inView: boolean }> {
  return page.evaluate(() => {
    const mark = document.querySelector('#source-text mark');
    const box = document.getElementById('source-text')!.getBoundingClientRect();
    if (!mark) return { text: '', inView: false };
    const r = mark.getBoundingClientRect();
    const inView = r.height > 0 && r.top >= Math.max(0, box.top) && r.top < Math.min(window.innerHeight, box.bottom) && r.left >= 0 && r.right <= window.innerWidth + 1;
    return { text: mark.textContent ?? '', inView };
  });
}

async function citationAt(page: Page, selector: string): Promise<{ doc: string; start: number; end: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el: HTMLElement) => ({ doc: el.dataset.doc!, start: Number(el.dataset.start), end: Number(el.dataset.end) }));
}

function sliceOf(brief: Brief, cite: { doc: string; start: number; end: number }): string {
  const doc = brief.documents.find((d) => d.id === cite.doc);
  assert.ok(doc, `citation of an unknown document ${cite.doc}`);
  return doc.original.slice(cite.start, cite.end);
}

test('the story list: a row per story with outlets, articles, dates and badge; a title opens the story', async () => {
  const { stories } = await json<{ stories: { id: number; title: string }[] }>('/api/stories');
  const list = await open('/', DESKTOP);
  const { page } = list;
  assert.equal(await page.locator('table.stories tbody tr').count(), stories.length);
  const first = page.locator('table.stories tbody tr').first();
  assert.equal((await first.locator('.story-title').textContent())?.trim(), stories[0]!.title);
  assert.ok(await first.locator('td.num').first().isVisible(), 'the outlet count');
  assert.ok(await first.locator('.badge').isVisible(), 'the brief badge');
  await page.screenshot({ path: join(OUT, 'serve-list-desktop.png'), fullPage: true });
  await first.locator('.story-title').click();
  await page.waitForURL(`${base}stories/${stories[0]!.id}`);
  assert.equal((await page.locator('h1').textContent())?.trim(), stories[0]!.title);
  clean(list);

  // On a phone the rows fold into cards: numbers and dates under the title, no sideways scroll.
  const phone = await open('/', PHONE);
  assert.ok(await phone.page.locator('table.stories .folded').first().isVisible());
  assert.ok(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the list scrolls sideways on a phone');
  await phone.page.screenshot({ path: join(OUT, 'serve-list-phone.png') });
  clean(phone);
});

test('the list filters: an outlet and "only with disagreements" narrow the list, kept in the URL and by sorting', async () => {
  const list = await open('/', DESKTOP);
  const { page } = list;
  const all = await page.locator('table.stories tbody tr').count();
  // An outlet of a story with disagreements.
  const contestedStory = (await json<{ stories: { id: number }[] }>('/api/stories?contested=true')).stories[0]!;
  const { articles } = await json<{ articles: { outlet: string | null }[] }>(`/api/stories/${contestedStory.id}`);
  const outlet = articles.find((a) => a.outlet !== null)!.outlet!;
  await page.locator('form.filters select[name=outlet]').selectOption(outlet);
  await page.locator('form.filters input[name=contested]').check();
  await page.locator('form.filters button[type=submit]').click();
  await page.waitForURL(/outlet=/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('outlet'), outlet);
  assert.equal(url.searchParams.get('contested'), 'true');
  const expected = await json<{ stories: { id: number }[] }>(`/api/stories?outlet=${encodeURIComponent(outlet)}&contested=true`);
  const rows = page.locator('table.stories tbody tr');
  assert.equal(await rows.count(), expected.stories.length);
  assert.ok(expected.stories.some((st) => st.id === contestedStory.id) && expected.stories.length < all, `${expected.stories.length} of ${all} stories`);
  await page.screenshot({ path: join(OUT, 'serve-list-filtered.png'), fullPage: true });
  // Another order keeps the filters; "clear filters" drops them.
  await page.locator('.list-meta a', { hasText: 'newest' }).click();
  await page.waitForURL(/sort=newest/);
  assert.equal(new URL(page.url()).searchParams.get('outlet'), outlet);
  assert.equal(await page.locator('form.filters select[name=outlet]').inputValue(), outlet);
  await page.locator('form.filters a.clear').click();
  await page.waitForURL((u) => !u.searchParams.has('outlet'));
  assert.equal(await page.locator('table.stories tbody tr').count(), all);
  clean(list);
});

test('a story: a citation opens its passage, highlighted and in view, on a desktop and on a phone', async () => {
  const story = await biggest();
  const first = '#lead .cite';

  const desktop = await open(`/stories/${story.id}`, DESKTOP);
  const { page } = desktop;
  for (const section of ['#lead', '#key-points', '#coverage', '#quotes']) assert.ok(await page.locator(section).isVisible(), `${section} is shown`);
  const cite = await citationAt(page, first);
  const before = await page.locator(first).first().boundingBox();
  await page.locator(first).first().click();
  const shown = await shownPassage(page);
  assert.equal(shown.text, sliceOf(story.brief, cite));
  assert.ok(shown.inView, 'the highlighted passage is not in view');
  // Beside the brief on a desktop: choosing a citation must not move it.
  assert.deepEqual(await page.locator(first).first().boundingBox(), before, 'the brief moved');
  await page.screenshot({ path: join(OUT, 'serve-story-desktop.png') });
  // A passage deep in another document scrolls its panel there.
  const last = page.locator('#outlets .cite').last();
  const deep = await last.evaluate((el: HTMLElement) => ({ doc: el.dataset.doc!, start: Number(el.dataset.start), end: Number(el.dataset.end) }));
  await last.click();
  const shownDeep = await shownPassage(page);
  assert.equal(shownDeep.text, sliceOf(story.brief, deep));
  assert.ok(shownDeep.inView);
  clean(desktop);

  const phone = await open(`/stories/${story.id}`, PHONE);
  assert.ok(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the story scrolls sideways on a phone');
  await phone.page.screenshot({ path: join(OUT, 'serve-story-phone.png') });
  await phone.page.locator(first).first().click();
  const onPhone = await shownPassage(phone.page);
  assert.equal(onPhone.text, sliceOf(story.brief, cite));
  assert.ok(onPhone.inView, 'the highlighted passage is not in view on a phone');
  await phone.page.screenshot({ path: join(OUT, 'serve-story-phone-source.png') });
  // The panel covers the brief on a phone; Escape closes it and gives focus back to the citation.
  await phone.page.keyboard.press('Escape');
  assert.ok(!(await phone.page.locator('#source').isVisible()));
  assert.ok(
    await phone.page
      .locator(first)
      .first()
      .evaluate((el) => el === document.activeElement),
  );
  clean(phone);
});

test('copy citation: the open passage, its outlet and offsets go to the clipboard', async () => {
  const story = await biggest();
  const context = await browser.newContext({ viewport: DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const opened: Opened = { page, dialogs: [], errors: [], elsewhere: [] };
  watchPage(page, opened);
  await page.goto(`${base}stories/${story.id}`);
  assert.ok(!(await page.locator('#copy-cite').isVisible()), 'nothing to copy before a passage is open');
  const chip = page.locator('#lead .cite').first();
  const cite = await citationAt(page, '#lead .cite');
  await chip.click();
  await page.locator('#copy-cite').click();
  await page.locator('#copy-status', { hasText: 'Copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const doc = story.brief.documents.find((d) => d.id === cite.doc)!;
  const passage = sliceOf(story.brief, cite).replace(/\s+/g, ' ').trim();
  assert.ok(copied.startsWith(`“${passage}” — `), copied);
  assert.ok(copied.includes(`characters ${cite.start}–${cite.end} of ${cite.doc}`), copied);
  assert.ok(doc.outlet === null || copied.includes(doc.outlet), copied);
  clean(opened);
  await context.close();
});

test('the sources side by side: a column per report, each scrolling on its own; page chrome on request', async () => {
  const story = await biggest();
  const opened = await open(`/stories/${story.id}/sources`, DESKTOP);
  const { page } = opened;
  const columns = page.locator('.column');
  const all = story.brief.documents.length;
  assert.equal(await columns.count(), Math.min(all, 3), 'up to three reports before the reader picks');
  assert.equal((await page.locator('.picker summary').textContent())?.startsWith(`${Math.min(all, 3)} of ${all} reports shown`), true);
  const [a, b] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
  assert.ok(a && b && Math.abs(a.y - b.y) < 1 && b.x > a.x + a.width - 1, 'the first two reports are not side by side');
  // Each text scrolls inside its column: the page itself is no taller than the window allows.
  const texts = await page.locator('.column-text').evaluateAll((els) => els.map((el) => ({ overflow: getComputedStyle(el).overflowY, scrolls: el.scrollHeight > el.clientHeight })));
  assert.ok(texts.every((t) => t.overflow === 'auto'));
  assert.ok(
    texts.some((t) => t.scrolls),
    'no column is long enough to scroll',
  );
  const text = await page
    .locator('.column-text')
    .first()
    .evaluate((el) => el.textContent ?? '');
  assert.equal(text, story.brief.documents[0]!.original.replace(/\r\n?/g, '\n'), 'a column holds its whole document');
  await page.screenshot({ path: join(OUT, 'serve-sources-desktop.png') });
  const chrome = page.locator('.column-text .chrome').first();
  assert.equal(await chrome.count(), 1, 'no report with page chrome');
  assert.ok(!(await chrome.isVisible()));
  await page.locator('label[for=show-chrome]').click();
  assert.ok(await chrome.isVisible());
  // The picker: tick the last report and untick the first; the page shows just those, in the URL.
  const docs = story.brief.documents;
  assert.ok(docs.length >= 3, 'the biggest story has fewer than three reports');
  await page.locator('.picker summary').click();
  await page.locator(`.picker input[value="${docs[0]!.id}"]`).uncheck();
  await page.locator(`.picker input[value="${docs[docs.length - 1]!.id}"]`).check();
  await page.locator('.picker button[type=submit]').click();
  await page.waitForURL(/\/sources\?show=/);
  const shown = await page.locator('.column').evaluateAll((els) => els.map((el) => el.id));
  const expected = docs.slice(1, Math.min(docs.length, 3)).map((d) => d.id);
  if (!expected.includes(docs[docs.length - 1]!.id)) expected.push(docs[docs.length - 1]!.id);
  assert.deepEqual(shown, expected);
  clean(opened);
});

test('search: from the box on any page to results with the words marked, and on to the report', async () => {
  const opened = await open('/', DESKTOP);
  const { page } = opened;
  await page.locator('input[type=search]').fill('cracked bearings');
  await page.locator('input[type=search]').press('Enter');
  await page.waitForURL(/\/search\?q=cracked\+bearings$/);
  assert.equal(await page.locator('input[type=search]').inputValue(), 'cracked bearings');
  assert.ok((await page.locator('.stories-found li').count()) >= 1);
  const results = page.locator('.articles-found li');
  assert.ok((await results.count()) >= 2);
  const marks = await page.locator('.articles-found .snippet mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => /^(crack|bearing)/i.test(m)), marks.join(', '));
  await page.screenshot({ path: join(OUT, 'serve-search-desktop.png') });
  // A result opens its story's sources at its report.
  await results.first().locator('a.result-title').click();
  await page.waitForURL(/\/stories\/\d+\/sources\?first=doc-[0-9a-f]+#doc-/);
  const target = await page.evaluate(() => document.querySelector(':target')?.className ?? '');
  assert.equal(target, 'column');
  clean(opened);
});

test('hostile sources: titles, outlets, bylines and text show as text and nothing runs', async () => {
  const { stories } = await json<{ stories: { id: number; title: string }[] }>(`/api/stories?q=${encodeURIComponent('Tollbridge warehouse')}`);
  assert.equal(stories.length, 1);
  const id = stories[0]!.id;
  const visits: Opened[] = [];
  for (const path of ['/', `/stories/${id}`, `/stories/${id}/sources`, `/search?q=${encodeURIComponent(`Tollbridge ${XSS.script}`)}`]) {
    const opened = await open(path, DESKTOP);
    visits.push(opened);
    if (path === `/stories/${id}`) {
      assert.ok((await opened.page.locator('body').textContent())!.includes(HOSTILE.title), 'the title, as text');
      // Every citation of the page, in turn: each shows exactly its span.
      const brief = await json<Brief>(`/api/stories/${id}/brief`);
      const all = await opened.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-start]')].map((el) => {
          el.click();
          return { doc: el.dataset.doc!, start: Number(el.dataset.start), end: Number(el.dataset.end), shown: document.querySelector('#source-text mark')?.textContent ?? null };
        }),
      );
      assert.ok(all.length > 3);
      for (const c of all) assert.equal(c.shown, sliceOf(brief, c));
      await opened.page.locator('.open-doc').first().click();
      assert.ok((await opened.page.locator('#source-text').textContent())!.includes(XSS.close));
    }
    if (path.endsWith('/sources')) assert.ok((await opened.page.locator('.column-text').first().textContent())!.includes(ALERT.img));
    assert.equal(await opened.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined, path);
    assert.equal(await opened.page.locator('img, svg, iframe').count(), 0, path);
  }
  for (const opened of visits) clean(opened);
});

test('an editor marks a disagreement "not a conflict" from the story page; it moves to its own section with the reason', async () => {
  // A store of its own: the edit must not change what the other tests read.
  const own = mkdtempSync(join(tmpdir(), 'corroborate-serve-browser-edit-'));
  const store = await openStore(join(own, 'store.db'));
  const editing = buildServer({ db: store, editing: true, allowedHosts: ['127.0.0.1'] });
  try {
    await ingest(store, [join(ROOT, 'examples')]);
    const url = (await editing.listen({ port: 0, host: '127.0.0.1' })).replace(/\/?$/, '/');
    const { stories } = (await (await fetch(`${url}api/stories`)).json()) as { stories: { id: number }[] };
    const id = stories[0]!.id;
    const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    const opened: Opened = { page, dialogs: [], errors: [], elsewhere: [] };
    watchPage(page, opened);
    await page.goto(`${url}stories/${id}`);
    const before = await page.locator('#disagreements .disagreement').count();
    await page.locator('#edit summary').click();
    const form = page.locator(`form[action="/stories/${id}/dismiss"]`);
    const chosen = (await form.locator('select[name=disagreement] option').first().textContent())!;
    await form.locator('input[name=reason]').fill('the two figures measure different things');
    await page.screenshot({ path: join(OUT, 'serve-story-edit.png') });
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/#dismissed$/);
    assert.equal(await page.locator('#disagreements .disagreement').count(), before - 1);
    const dismissed = (await page.locator('#dismissed').textContent())!;
    assert.ok(dismissed.includes('the two figures measure different things'), dismissed);
    assert.ok(dismissed.includes(chosen.split(':')[0]!), `${chosen} / ${dismissed}`);
    assert.deepEqual(opened.errors, []);
  } finally {
    await editing.close();
    await store.close();
    rmSync(own, { recursive: true, force: true });
  }
});
