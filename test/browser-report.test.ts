// The HTML report in a real browser (Debian's chromium driven by playwright-core): a citation
// opens its passage highlighted and in view, on a desktop and on a phone, and no hostile source
// text ever runs. Screenshots go to test-output/ for a person to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtml } from '../src/brief/html.ts';
import { brief } from '../src/pipeline/run.ts';
import type { Brief } from '../src/schema.ts';
import { hostileBrief } from './fixtures/html-report/hostile-brief.ts';
import { SEEDS, hasSeeds } from './support.ts';
import { watchPage } from './helpers/browser.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('../test-output/', import.meta.url));
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: the browser tests need Debian's chromium — run "apt-get install -y chromium" (as root), never "npx playwright install"`);
  browser = await chromium.launch({ executablePath: CHROMIUM });
  mkdirSync(OUT, { recursive: true });
});
after(() => browser?.close());

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
}

async function open(result: Brief, name: string, viewport: { width: number; height: number }): Promise<Opened> {
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, renderHtml(result));
  const page = await (await browser.newContext({ viewport })).newPage();
  const opened: Opened = { page, dialogs: [], errors: [] };
  watchPage(page, opened);
  await page.goto(pathToFileURL(file).href);
  return opened;
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

function sliceOf(result: Brief, cite: { doc: string; start: number; end: number }): string {
  const doc = result.documents.find((d) => d.id === cite.doc);
  assert.ok(doc, `citation of an unknown document ${cite.doc}`);
  return doc.original.slice(cite.start, cite.end);
}

async function citationAt(page: Page, selector: string): Promise<{ doc: string; start: number; end: number }> {
  return page
    .locator(selector)
    .first()
    .evaluate((el: HTMLElement) => ({ doc: el.dataset.doc!, start: Number(el.dataset.start), end: Number(el.dataset.end) }));
}

test('the seeds: a citation opens its passage, highlighted and in view, on a desktop and on a phone', { skip: hasSeeds ? false : 'needs ../shared/seeds' }, async () => {
  const result = await brief([SEEDS]);
  const first = result.brief.points.length ? '#key-points .cite' : '#quotes .cite';

  const desktop = await open(result, 'brief-seeds', DESKTOP);
  // The first Tab reaches "Skip to the brief", which jumps past the outlets table and the contents.
  await desktop.page.keyboard.press('Tab');
  assert.equal(await desktop.page.evaluate(() => document.activeElement?.className), 'skip');
  await desktop.page.keyboard.press('Enter');
  assert.equal(await desktop.page.evaluate(() => document.activeElement?.id), 'content');
  const cite = await citationAt(desktop.page, first);
  await desktop.page.locator(first).first().scrollIntoViewIfNeeded();
  const before = await desktop.page.locator(first).first().boundingBox();
  await desktop.page.locator(first).first().click();
  const shown = await shownPassage(desktop.page);
  assert.equal(shown.text, sliceOf(result, cite));
  assert.ok(shown.inView, 'the highlighted passage is not in view');
  // Beside the brief on a desktop: choosing a citation must not move it.
  assert.deepEqual(await desktop.page.locator(first).first().boundingBox(), before, 'the brief moved');
  // The open citation is in the address: the page opened at it shows the same passage.
  const address = desktop.page.url();
  assert.match(address, /#cite=doc-[0-9a-f]+:\d+-\d+$/);
  const shared = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await shared.goto(address);
  assert.equal((await shownPassage(shared)).text, sliceOf(result, cite));
  await shared.context().close();
  // Each key point has its own address.
  assert.ok(await desktop.page.locator('#key-points li#point-1 a.permalink[href="#point-1"]').count());
  await desktop.page.screenshot({ path: join(OUT, 'brief-seeds-desktop.png') });

  const phone = await open(result, 'brief-seeds', PHONE);
  // Every citation chip is a touch target of at least 24 × 24 px.
  const smallest = await phone.page.locator('.cite').evaluateAll((chips) => Math.min(...chips.map((c) => Math.min(c.getBoundingClientRect().height, c.getBoundingClientRect().width))));
  assert.ok(smallest >= 24, `a citation chip is ${smallest} px`);
  const widths = await phone.page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  assert.ok(widths.page <= widths.window, `the page scrolls sideways on a phone (${widths.page} px in ${widths.window} px)`);
  // The coverage matrix scrolls sideways on its own, its key points staying in view.
  const sticky = await phone.page.evaluate(() => {
    const box = document.querySelector('#coverage .scroll') as HTMLElement | null;
    const row = document.querySelector('#coverage table.matrix th[scope=row]') as HTMLElement | null;
    if (!box || !row || box.scrollWidth <= box.clientWidth) return null;
    box.scrollLeft = box.scrollWidth;
    return Math.abs(row.getBoundingClientRect().left - box.getBoundingClientRect().left);
  });
  if (sticky !== null) assert.ok(sticky < 2, `the key points scrolled out of view (${sticky} px)`);
  await phone.page.locator(first).first().click();
  const onPhone = await shownPassage(phone.page);
  assert.equal(onPhone.text, sliceOf(result, cite));
  assert.ok(onPhone.inView, 'the highlighted passage is not in view on a phone');
  await phone.page.screenshot({ path: join(OUT, 'brief-seeds-phone.png') });
  // The panel covers the brief on a phone; Escape closes it and gives focus back to the citation.
  assert.ok(await phone.page.locator('#source-close').isVisible());
  await phone.page.keyboard.press('Escape');
  assert.ok(!(await phone.page.locator('#source').isVisible()));
  assert.ok(
    await phone.page
      .locator(first)
      .first()
      .evaluate((el) => el === document.activeElement),
  );
  assert.deepEqual([...desktop.errors, ...phone.errors], []);
});

test('the hostile brief: nothing runs, and every citation highlights exactly its span (line ends included)', async () => {
  const result = hostileBrief();
  const { page, dialogs, errors } = await open(result, 'brief-hostile', DESKTOP);
  // A keyboard user opens a citation with Enter.
  await page.locator('#key-points .cite').nth(1).focus();
  await page.keyboard.press('Enter');
  const cite = await citationAt(page, '#key-points .cite >> nth=1');
  assert.ok(sliceOf(result, cite).includes('\r\n'));
  assert.equal((await shownPassage(page)).text, sliceOf(result, cite));
  // Then every citation of the page, in turn.
  const all = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-start]')].map((el) => {
      el.click();
      return { doc: el.dataset.doc!, start: Number(el.dataset.start), end: Number(el.dataset.end), shown: document.querySelector('#source-text mark')?.textContent ?? null };
    }),
  );
  assert.ok(all.length >= 30);
  for (const c of all) assert.equal(c.shown, sliceOf(result, c), `citation ${c.doc}:${c.start}-${c.end}`);
  await page.locator('.open-doc').first().click();
  assert.equal(await page.locator('#source-text').evaluate((el) => el.textContent), result.documents[0]!.original);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
});
