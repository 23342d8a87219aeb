// RSS and Atom feeds: one input per item, with the feed's metadata as hints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, readInputs } from '../src/ingest/index.ts';
import type { RawInput } from '../src/ingest/raw-input.ts';
import { feedItems, isFeed } from '../src/ingest/feeds.ts';
import { openStore } from '../src/store/open-store.ts';
import { ingest } from '../src/collect/ingest.ts';
import { listStories } from '../src/store/stories.ts';
import { siteName } from '../src/clean/site-name.ts';

const FEEDS = fileURLToPath(new URL('./fixtures/feeds/', import.meta.url));

async function read(specs: string[]): Promise<(RawInput | InputError)[]> {
  const items: (RawInput | InputError)[] = [];
  for await (const item of readInputs(specs)) items.push(item);
  return items;
}

test('RSS 2.0: each item an input with its title, link, date, author and the channel as outlet', async () => {
  const items = (await read([join(FEEDS, 'harbour.rss')])) as RawInput[];
  assert.equal(items.length, 2);
  assert.match(items[0]!.source, /harbour\.rss#1$/);
  assert.equal(items[0]!.format, 'html', 'content:encoded carries HTML');
  assert.deepEqual(items[0]!.hints, {
    title: 'Crane collapse shuts Kessendorf ferry terminal',
    url: 'https://courier.example/2026/03/crane-collapse',
    published: '2026-03-03T08:15:00.000Z',
    byline: 'Mira Olsen',
    outlet: 'Kessendorf Courier',
  });
  assert.match(items[0]!.content, /the pier &amp; the cranes/, 'the HTML is kept as the page for the HTML cleaner');
  assert.equal(items[1]!.format, 'text', 'a plain description is text');
  assert.equal(items[1]!.hints.title, 'Council delays vote on "night bus" plan', 'entities decoded in titles');
});

test('Atom: the alternate link, published date and author name', async () => {
  const [entry] = (await read([join(FEEDS, 'harbour.atom')])) as RawInput[];
  assert.equal(entry!.hints.url, 'https://radio.example/news/crane');
  assert.equal(entry!.hints.published, '2026-03-03T09:40:00.000Z');
  assert.equal(entry!.hints.byline, 'Jonas Berg');
  assert.equal(entry!.hints.outlet, 'Coastline Radio News');
  assert.match(entry!.content, /^<p>Two dock workers/);
});

test('XML that is not a feed, and broken feeds, are refused with one line each; entities are never expanded', { timeout: 60_000 }, async () => {
  const [notFeed] = await read([join(FEEDS, 'not-a-feed.xml')]);
  assert.ok(notFeed instanceof InputError);
  assert.equal(notFeed.reason, 'XML that is not an RSS or Atom feed');
  // Expanded, the entity would be gigabytes (and the read would not end): its content stays short.
  const [laughs] = (await read([join(FEEDS, 'laughs.rss')])) as RawInput[];
  assert.ok(laughs!.content.length < 100, 'a billion-laughs entity stays unexpanded');
  const broken = feedItems('<rss><channel><title>x</title><item><title>a</title></item></channel></rss>', 'f.rss');
  assert.ok(broken[0] instanceof InputError && /no content or description/.test(broken[0].reason));
  assert.ok(feedItems('<rss><channel></channel></rss>', 'g.rss')[0] instanceof InputError);
  assert.equal(isFeed('<html><body>rss</body></html>'), false);
});

test('feed items go into stories like any article: two outlets of the crane collapse are one story', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-feeds-'));
  const db = await openStore(join(dir, 'store.db'));
  try {
    const summary = await ingest(db, [join(FEEDS, 'harbour.rss'), join(FEEDS, 'harbour.atom')]);
    assert.equal(summary.added, 3);
    const stories = await listStories(db);
    assert.deepEqual(
      stories.map((s) => s.articles),
      [2, 1],
    );
    assert.equal(stories[0]!.outlets, 2);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an outlet comes from the address when nothing names it; articles of no known outlet are not counted as outlets', async () => {
  assert.equal(siteName('https://www.reuters.com/world/some-story-2024-01-01/'), 'Reuters');
  assert.equal(siteName('https://news.sky.com/story/x'), 'Sky News');
  assert.equal(siteName('https://m.harbourline-news.example.org/a/1'), 'example.org');
  assert.equal(siteName('http://www.calder-gazette.co.uk/news/1'), 'calder-gazette.co.uk');
  assert.equal(siteName('file:///tmp/a.txt'), null);
  assert.equal(siteName('not a url'), null);
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-outlets-'));
  const db = await openStore(join(dir, 'store.db'));
  try {
    const body = (n: number) =>
      `Crane collapse closes Kessing harbour\n\nA container crane collapsed at Kessing harbour on Tuesday morning, injuring ${n} dock workers and closing the port's north terminal, the harbour authority said.\n\nInvestigators were examining the crane's base on Wednesday.\n`;
    writeFileSync(join(dir, 'one.txt'), body(2));
    writeFileSync(join(dir, 'two.txt'), body(3));
    const records = [
      { url: 'https://www.calder-gazette.co.uk/harbour/crane', text: body(4) },
      { url: 'https://www.reuters.com/world/crane-collapse', text: body(5) },
    ];
    writeFileSync(join(dir, 'feed.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    await ingest(db, [join(dir, 'one.txt'), join(dir, 'two.txt'), join(dir, 'feed.jsonl')]);
    const stories = await listStories(db);
    assert.deepEqual(
      stories.map((s) => s.articles),
      [4],
    );
    assert.equal(stories[0]!.outlets, 2, 'two named sites; the two unnamed files are no outlet');
    const named = await db.all<{ outlet: string | null }>('SELECT outlet FROM articles ORDER BY id');
    assert.deepEqual(
      named.map((r) => r.outlet),
      [null, null, 'calder-gazette.co.uk', 'Reuters'],
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
