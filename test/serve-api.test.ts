// `corroborate serve` through app.inject(), no port: the JSON API over a store filled by ingesting
// examples/, the seeds and two hostile articles, on SQLite and on PostgreSQL; errors, limits and
// headers; every page escaping what the sources say; the CLI command end to end.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { parseHTML } from 'linkedom';
import { openStore } from '../src/store/open-store.ts';
import type { Database } from '../src/store/database.ts';
import { mergeStories } from '../src/store/stories.ts';
import { ingest } from '../src/collect/ingest.ts';
import { mergeStoriesBy, splitStoryBy } from '../src/collect/edit-stories.ts';
import { BriefSchema } from '../src/schema.ts';
import { buildServer, BODY_LIMIT } from '../src/serve/server.ts';
import { storyPage } from '../src/serve/story-data.ts';
import { PageCache } from '../src/serve/page-cache.ts';
import { escapeHtml } from '../src/brief/escape.ts';
import { ALERT, XSS } from './fixtures/html-report/hostile-brief.ts';
import { postgresAvailable, POSTGRES_MISSING, startPostgres, type TestPostgres } from './helpers/postgres.ts';
import { pollUntil, SEEDS } from './support.ts';
import { storyFingerprint } from '../src/collect/story-briefs.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');

// ---------------------------------------------------------------------------------------------
// The store: examples/ (merged into one story), the five seeds, and a hostile page and feed line
// about an invented ferry fire whose title, outlet and text carry script payloads.

const HOSTILE_HTML = `<!doctype html>
<html><head>
<title>Ferry fire closes Pier 9 ${escapeHtml(XSS.script)}</title>
<meta property="og:site_name" content="${escapeHtml(XSS.img)}">
<meta property="og:title" content="Ferry fire closes Pier 9 ${escapeHtml(XSS.script)}">
<meta name="author" content="${escapeHtml(XSS.svg)}">
</head><body><article>
<h1>Ferry fire closes Pier 9 ${escapeHtml(XSS.script)}</h1>
<p>A fire aboard the harbour ferry Calloway closed Pier 9 on Tuesday morning, harbour officials said. ${escapeHtml(XSS.close)}
The blaze started in the engine room at about 6 a.m. and burned for nearly two hours before crews put it out.</p>
<p>"We got everyone off the Calloway in eleven minutes," said harbour master Ines Vaughan. ${escapeHtml(ALERT.img)}
Passengers were taken to Pier 7 by launch <img src=x onerror="window.__xss=7"> <a href="javascript:window.__xss=8">details</a>.</p>
<p>The pier will stay closed while inspectors check the ferry's hull and the pier's fuel lines. ${escapeHtml(XSS.iframe)}</p>
</article></body></html>
`;

const HOSTILE_FEED = JSON.stringify({
  outlet: `Harbour Courier ${ALERT.svg}`,
  title: `Calloway ferry fire shuts Pier 9 ${XSS.svg}`,
  url: XSS.js,
  published: '2025-11-04',
  text: [
    `A fire broke out aboard the ferry Calloway at Pier 9 on Tuesday, harbour officials said. ${ALERT.script}`,
    `The fire burned for about two hours in the engine room before crews put it out. ${XSS.close}`,
    `"We got everyone off the Calloway in eleven minutes," harbour master Ines Vaughan said. ${ALERT.js}`,
    'Pier 9 will remain closed while inspectors examine the ferry and the fuel lines.',
  ].join('\n\n'),
});

interface Fixture {
  dir: string;
  db: Database;
  app: FastifyInstance;
  /** The examples' story, and a story merged into it. */
  bridge: number;
  mergedAway: number;
  /** The seeds' story and the hostile story. */
  seeds: number;
  hostile: number;
  articles: { id: number; source: string; story_id: number }[];
}

/** The stories of the articles whose source contains `sourcePart`, merged into the first; [story, a story merged into it]. */
async function oneStory(db: Database, sourcePart: string): Promise<[number, number | undefined]> {
  const rows = await db.all<{ story_id: number }>('SELECT DISTINCT story_id FROM articles WHERE source LIKE $1 ORDER BY story_id', [`%${sourcePart}%`]);
  const [into, ...others] = rows.map((r) => Number(r.story_id));
  assert.ok(into, `no story for ${sourcePart}`);
  if (others.length) await db.transaction((tx) => mergeStories(tx, into, others, `one event: the reports of ${sourcePart}`, new Date().toISOString()));
  return [into, others[0]];
}

/** Splits the story's newest article off, then merges it back: a story with a split and a merge in its history. */
async function splitAndMergeBack(db: Database, story: number): Promise<number> {
  const newest = await db.one<{ id: number }>('SELECT MAX(id) AS id FROM articles WHERE story_id = $1', [story]);
  const split = await splitStoryBy(db, story, [Number(newest!.id)], 'an editor thought it another event');
  await mergeStoriesBy(db, story, [split], 'one event: an editor found the reports are the same event after all');
  return split;
}

async function makeFixture(location: (dir: string) => Promise<string>): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-serve-'));
  writeFileSync(join(dir, 'pier-9.html'), HOSTILE_HTML);
  writeFileSync(join(dir, 'harbour-courier.jsonl'), HOSTILE_FEED + '\n');
  const db = await openStore(await location(dir));
  const summary = await ingest(db, [EXAMPLES, SEEDS, dir]);
  assert.equal(summary.rejected, 0);
  // One event, one story: the clusterer may file some reports of an event apart; merging them (as
  // a later article could) makes the stories these tests expect and gives them a history.
  const [bridge, apart] = await oneStory(db, '/examples/');
  // When the clusterer kept them together, an editor's split and merge back make that history.
  const mergedAway = apart ?? (await splitAndMergeBack(db, bridge));
  const [seeds] = await oneStory(db, '/seeds/');
  const [hostile] = await oneStory(db, `${dir}/`);
  const articles = (await db.all<{ id: number; source: string; story_id: number }>('SELECT id, source, story_id FROM articles ORDER BY id')).map((a) => ({
    ...a,
    id: Number(a.id),
    story_id: Number(a.story_id),
  }));
  return { dir, db, app: buildServer({ db }), bridge, mergedAway, seeds, hostile, articles };
}

async function closeFixture(f: Fixture | undefined): Promise<void> {
  if (!f) return;
  await f.app.close();
  await f.db.close();
  rmSync(f.dir, { recursive: true, force: true });
}

async function get(app: FastifyInstance, url: string) {
  const response = await app.inject({ method: 'GET', url });
  const json = /json/.test(String(response.headers['content-type'])) ? response.json() : undefined;
  return { status: response.statusCode, json, body: response.body, headers: response.headers };
}

/** What in a page would run or load something, read as a browser reads it: none of our pages has any. */
function activeMarkup(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    // The page's own forms: the search box, the story list's filters and the source picker.
    const action = el.getAttribute('action') ?? '';
    const ownForm =
      el.localName === 'form' &&
      (action === '/search' || (action === '/' && el.getAttribute('class') === 'filters') || (/^\/stories\/\d+\/sources$/.test(action) && el.getAttribute('class') === 'source-picker'));
    // The dot plots' own SVG: hidden from readers, lines and circles placed by number.
    const ownPlot =
      el.localName === 'svg' &&
      el.getAttribute('class') === 'plot-track' &&
      [...el.querySelectorAll('*')].every((c) => ['line', 'circle'].includes(c.localName) && [...c.attributes].every((a) => a.name === 'class' || /^-?[\d.]+%?$/.test(a.value)));
    if (['img', 'svg', 'iframe', 'object', 'embed', 'link', 'base', 'form'].includes(el.localName) && !ownForm && !ownPlot) found.push(`<${el.localName}>`);
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) found.push(`${el.localName} ${name}="${value}"`);
      if (/^\s*javascript:/i.test(value) && /^(href|src|action|formaction|srcdoc|data)$/i.test(name)) found.push(`${el.localName} ${name}="${value}"`);
    }
  }
  return found;
}

/** What must never be in an error: a stack frame, a file of this machine, a query. */
function assertPlainError(body: string): void {
  assert.doesNotMatch(body, /\bat [\w.<>]+ \(|\/work\/|node_modules|SELECT |\.ts:\d+/);
}

// ---------------------------------------------------------------------------------------------
// The API, the same on both stores.

function apiTests(backend: string, setup: () => Promise<Fixture>, teardown: (f: Fixture | undefined) => Promise<void>): void {
  describe(`the JSON API on ${backend}`, () => {
    let f: Fixture;
    before(async () => {
      f = await setup();
    });
    after(() => teardown(f));

    test('GET /api/stories: live stories with counts, biggest first, a page at a time', async () => {
      const { status, json } = await get(f.app, '/api/stories');
      assert.equal(status, 200);
      const ids = json.stories.map((s: { id: number }) => s.id);
      // Most outlets first: the bridge's four named outlets; the seeds name three of their five
      // (two files name none, and an unknown outlet is no outlet).
      assert.deepEqual(ids.slice(0, 2), [f.bridge, f.seeds]);
      assert.ok(ids.includes(f.hostile));
      assert.ok(!ids.includes(f.mergedAway), 'a merged story is not listed');
      const seeds = json.stories[1];
      assert.deepEqual(
        { articles: seeds.articles, reports: seeds.reports, outlets: seeds.outlets, disagreements: seeds.disagreements, briefCurrent: seeds.briefCurrent },
        { articles: 5, reports: 5, outlets: 3, disagreements: null, briefCurrent: false },
      );
      const bridge = json.stories[0];
      assert.equal(bridge.articles, 4);
      assert.equal(bridge.firstSeen, '2025-10-14');
      assert.match(bridge.title, /bridge/i);
      assert.deepEqual(Object.keys(bridge).sort(), ['articles', 'briefCurrent', 'disagreements', 'facts', 'firstSeen', 'id', 'lastSeen', 'outlets', 'reports', 'title']);

      const first = await get(f.app, '/api/stories?limit=1');
      assert.deepEqual([first.json.stories.length, first.json.more, first.json.limit, first.json.offset], [1, true, 1, 0]);
      const second = await get(f.app, '/api/stories?limit=1&offset=1');
      assert.equal(second.json.stories[0].id, f.seeds);
      const past = await get(f.app, '/api/stories?offset=1000');
      assert.deepEqual([past.json.stories, past.json.more], [[], false]);
      // The total, and the latest news first on request: by the last article's date, undated last.
      assert.equal(first.json.total, json.stories.length);
      assert.equal(first.json.sort, 'outlets');
      const newest = await get(f.app, '/api/stories?sort=newest');
      assert.equal(newest.json.sort, 'newest');
      const seen = newest.json.stories.map((s: { lastSeen: string | null }) => s.lastSeen);
      const dated = seen.filter((d: string | null) => d !== null);
      assert.deepEqual(dated, [...dated].sort().reverse());
      assert.ok(seen.indexOf(null) === -1 || seen.slice(seen.indexOf(null)).every((d: string | null) => d === null), 'undated stories come last');
      assert.equal((await get(f.app, '/api/stories?sort=biggest')).status, 400);
      // The most disagreements first, as the stories' briefs found them; stories not briefed last.
      await get(f.app, `/api/stories/${f.bridge}/brief`);
      const contested = await get(f.app, '/api/stories?sort=contested');
      const counts = contested.json.stories.map((s: { disagreements: number | null }) => s.disagreements ?? -1);
      assert.ok(counts[0] > 0, 'the bridge story has disagreements');
      assert.deepEqual(
        counts,
        [...counts].sort((a: number, b: number) => b - a),
      );
      // The page says how many stories there are and in which order, the order kept in its links.
      const page = await get(f.app, '/?sort=newest&limit=1');
      assert.match(
        page.body,
        new RegExp(
          `${json.stories.length} stories, 1–1 shown · sorted by <a href="/\\?sort=outlets">most outlets</a> · <strong aria-current="true">newest</strong> · <a href="/\\?sort=contested">most disagreements</a>`,
        ),
      );
      assert.match(page.body, /rel="next" href="\/\?sort=newest&amp;offset=1"|rel="next" href="\/\?sort=newest&offset=1"/);
    });

    test('GET /api/stories filtered: by days seen, by outlet, by disagreements found; the page keeps filters in its links', async () => {
      const day = await get(f.app, '/api/stories?from=2025-10-14&to=2025-10-14');
      assert.equal(day.status, 200);
      assert.deepEqual(day.json.filter, { from: '2025-10-14', to: '2025-10-14' });
      assert.ok(day.json.stories.some((s: { id: number }) => s.id === f.bridge));
      for (const s of day.json.stories) assert.ok(s.firstSeen.slice(0, 10) <= '2025-10-14' && s.lastSeen.slice(0, 10) >= '2025-10-14', `${s.id} was seen that day`);
      assert.equal(day.json.total, day.json.stories.length);
      const bridge = day.json.stories.find((s: { id: number }) => s.id === f.bridge);
      const dayAfter = new Date(Date.parse(bridge.lastSeen.slice(0, 10)) + 86_400_000).toISOString().slice(0, 10);
      const later = await get(f.app, `/api/stories?from=${dayAfter}`);
      assert.ok(!later.json.stories.some((s: { id: number }) => s.id === f.bridge), `the bridge story ended before ${dayAfter}`);
      const ledger = await get(f.app, `/api/stories?outlet=${encodeURIComponent('The Dunmore Falls Ledger')}`);
      assert.deepEqual(
        ledger.json.stories.map((s: { id: number }) => s.id),
        [f.bridge],
      );
      await get(f.app, `/api/stories/${f.bridge}/brief`);
      const contested = await get(f.app, '/api/stories?contested=true');
      assert.ok(contested.json.stories.some((s: { id: number }) => s.id === f.bridge));
      for (const s of contested.json.stories) assert.ok(s.disagreements > 0, `${s.id} has disagreements`);
      assert.equal((await get(f.app, '/api/stories?from=yesterday')).status, 400);
      // The page: the form shows what is asked, and sorting and paging keep it.
      const page = await get(f.app, `/?sort=newest&limit=1&outlet=${encodeURIComponent('The Dunmore Falls Ledger')}&from=`);
      assert.equal(page.status, 200);
      assert.match(page.body, /<option value="The Dunmore Falls Ledger" selected>/);
      assert.match(page.body, /1 story matches/);
      assert.match(page.body, /href="\/\?sort=outlets&amp;outlet=The\+Dunmore\+Falls\+Ledger">most outlets<\/a>/);
      const none = await get(f.app, '/?from=2999-01-01');
      assert.match(none.body, /No story matches these filters/);
    });

    test('GET /api/stories/:id: the story, its articles and its merges; a merged id answers with the story it joined', async () => {
      const { status, json } = await get(f.app, `/api/stories/${f.bridge}`);
      assert.equal(status, 200);
      assert.equal(json.story.id, f.bridge);
      assert.equal(json.requested, null);
      assert.equal(json.articles.length, 4);
      const ledger = json.articles.find((a: { source: string }) => a.source.endsWith('ledger-web.txt'));
      assert.deepEqual({ outlet: ledger.outlet, published: ledger.published, copyOf: ledger.copyOf }, { outlet: 'The Dunmore Falls Ledger', published: '2025-10-14', copyOf: null });
      assert.match(ledger.title, /Harrow Street Bridge/);
      const merge = json.history.find((h: { kind: string; stories: number[] }) => h.kind === 'merge' && h.stories.includes(f.mergedAway));
      assert.equal(merge.kind, 'merge');
      assert.match(merge.reason, /one event/);

      const merged = await get(f.app, `/api/stories/${f.mergedAway}`);
      assert.equal(merged.status, 200);
      assert.equal(merged.json.story.id, f.bridge);
      assert.equal(merged.json.requested, f.mergedAway);
    });

    test('GET /api/stories/:id/brief: the Brief JSON of the story; then the list shows its disagreement badge', async () => {
      const { status, json } = await get(f.app, `/api/stories/${f.bridge}/brief`);
      assert.equal(status, 200);
      const brief = BriefSchema.parse(json);
      assert.equal(brief.documents.length, 4);
      assert.ok(brief.disagreements.length > 0, 'the planted disagreements of examples/');
      // Every citation slices its document.
      const docs = new Map(brief.documents.map((d) => [d.id, d]));
      for (const point of brief.brief.points) for (const c of point.citations) assert.ok(docs.get(c.doc)!.original.slice(c.start, c.end).length > 0);

      const viaMerged = await get(f.app, `/api/stories/${f.mergedAway}/brief`);
      assert.deepEqual(
        viaMerged.json.documents.map((d: { id: string }) => d.id),
        brief.documents.map((d) => d.id),
      );

      const list = await get(f.app, '/api/stories');
      const row = list.json.stories.find((s: { id: number }) => s.id === f.bridge);
      assert.deepEqual([row.disagreements, row.facts, row.briefCurrent], [brief.disagreements.length, brief.facts.length, true]);
    });

    test('GET /api/documents/:articleId: the stored article and its text', async () => {
      const ledger = f.articles.find((a) => a.source.endsWith('ledger-web.txt'))!;
      const { status, json } = await get(f.app, `/api/documents/${ledger.id}`);
      assert.equal(status, 200);
      assert.equal(json.id, ledger.id);
      assert.equal(json.storyId, f.bridge);
      assert.equal(json.format, 'text');
      assert.equal(json.outlet, 'The Dunmore Falls Ledger');
      assert.equal(json.original, readFileSync(join(EXAMPLES, 'ledger-web.txt'), 'utf8'));
      assert.equal(json.text, json.body.map((s: { start: number; end: number }) => json.original.slice(s.start, s.end)).join('\n\n'));
      assert.ok(json.removed.length > 0, 'the page chrome of the scraped page');
      assert.match(json.docId, /^doc-/);

      const page = f.articles.find((a) => a.source.endsWith('pier-9.html'))!;
      const html = await get(f.app, `/api/documents/${page.id}`);
      assert.equal(html.json.format, 'html');
      assert.ok(html.json.original.includes(XSS.close), 'the visible text of the page, payloads as text');
      assert.equal(html.headers['content-type'], 'application/json; charset=utf-8');
    });

    test('GET /api/search: articles and stories by the words of their titles and texts, stemmed', async () => {
      const bridges = await get(f.app, '/api/search?q=bridges%20cracked');
      assert.equal(bridges.status, 200);
      assert.deepEqual(bridges.json.terms, ['bridg', 'crack']);
      assert.deepEqual(
        bridges.json.stories.map((s: { id: number }) => s.id),
        [f.bridge],
      );
      assert.equal(bridges.json.stories[0].matches, 4);
      assert.equal(bridges.json.articles.length, 4);
      for (const a of bridges.json.articles) {
        assert.equal(a.storyId, f.bridge);
        assert.ok(a.snippet.marks.length > 0);
        const [start, end] = a.snippet.marks[0];
        assert.match(a.snippet.text.slice(start, end), /^(bridg|crack)/i);
      }
      // A word of the text only (not of any title), in another form than printed.
      const military = await get(f.app, '/api/search?q=militaries');
      assert.deepEqual(
        military.json.stories.map((s: { id: number }) => s.id),
        [f.seeds],
      );
      // Every word must match: the bridge and the seeds share no story.
      assert.deepEqual((await get(f.app, '/api/search?q=Blinken%20bridge')).json.articles, []);
      const ferry = await get(f.app, '/api/search?q=Calloway');
      assert.deepEqual(
        ferry.json.stories.map((s: { id: number }) => s.id),
        [f.hostile],
      );
      assert.equal(ferry.json.articles.length, 2);
      // Only common words: nothing to look for, an empty answer rather than every article.
      const common = await get(f.app, '/api/search?q=the%20and%20said');
      assert.deepEqual([common.status, common.json.terms, common.json.articles], [200, [], []]);
      // Query syntax of either store is just text.
      for (const q of ['"bridge', 'bridge*', 'title:bridge', 'bridge & !x', "bridge') OR 1=1 --", 'NEAR(bridge', '<script>']) {
        const r = await get(f.app, `/api/search?q=${encodeURIComponent(q)}`);
        assert.equal(r.status, 200, q);
      }

      const filtered = await get(f.app, '/api/stories?q=Blinken');
      assert.deepEqual(
        filtered.json.stories.map((s: { id: number }) => s.id),
        [f.seeds],
      );
      assert.equal(filtered.json.stories[0].outlets, 3);
    });

    test('errors: JSON {error} with 400 or 404, never a stack trace', async () => {
      const cases: [string, number, RegExp][] = [
        ['/api/stories/999999', 404, /no story 999999/],
        ['/api/stories/999999/brief', 404, /no story/],
        ['/api/documents/999999', 404, /no article/],
        ['/api/stories/abc', 400, /^the story id must be a whole number$/],
        ['/api/stories/0', 400, /id/],
        ['/api/stories/-1', 400, /id/],
        ['/api/stories/1.5', 400, /id/],
        ['/api/stories/99999999999', 400, /id/],
        ['/api/stories?limit=0', 400, /limit/],
        ['/api/stories?limit=1000', 400, /^"limit" must be at most 100$/],
        ['/api/stories?offset=-1', 400, /offset/],
        ['/api/stories?limit=ten', 400, /limit/],
        ['/api/search', 400, /q/],
        ['/api/search?q=', 400, /^"q" must not be empty$/],
        ['/api/search?q=a&q=b', 400, /q/],
        [`/api/search?q=${'x'.repeat(201)}`, 400, /q/],
        ['/api/nothing-here', 404, /not found/],
      ];
      for (const [url, status, message] of cases) {
        const r = await get(f.app, url);
        assert.equal(r.status, status, url);
        assert.deepEqual(Object.keys(r.json), ['error'], url);
        assert.match(r.json.error, message, url);
        assertPlainError(r.body);
        // Said plainly, not in the schema validator's words.
        assert.doesNotMatch(r.json.error, /params\/|querystring\/|must be integer|must NOT/, url);
      }
    });
  });
}

apiTests('SQLite', () => makeFixture(async (dir) => join(dir, 'store.db')), closeFixture);

let postgres: TestPostgres | undefined;
apiTests(
  'PostgreSQL',
  async () => {
    assert.ok(postgresAvailable(), POSTGRES_MISSING);
    postgres = await startPostgres();
    return makeFixture(() => postgres!.newDatabase());
  },
  async (f) => {
    const dataDir = f && (await f.db.one<{ data_directory: string }>('SHOW data_directory'))?.data_directory;
    await closeFixture(f);
    await stopPostgres(postgres, dataDir);
  },
);

/**
 * test/helpers/postgres.ts stops its server by signalling the process it spawned; as root that is
 * `runuser`, which does not pass SIGQUIT on, and stop() waits forever. Signal the postmaster
 * itself first (its pid heads postmaster.pid), then let the helper clean up.
 */
async function stopPostgres(server: TestPostgres | undefined, dataDir: string | undefined): Promise<void> {
  if (!server) return;
  if (process.getuid?.() === 0 && dataDir && existsSync(join(dataDir, 'postmaster.pid'))) {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  }
  await server.stop();
}

// ---------------------------------------------------------------------------------------------
// What only the server decides (SQLite is enough): headers, limits, escaping, the CLI.

describe('the server', () => {
  let f: Fixture;
  before(async () => {
    f = await makeFixture(async (dir) => join(dir, 'store.db'));
  });
  after(() => closeFixture(f));

  const pages = () => ['/', `/stories/${f.hostile}`, `/stories/${f.hostile}/sources`, '/search?q=Calloway%20fire', `/stories/${f.seeds}`, `/stories/${f.bridge}/sources`];

  test('every response carries a strict policy, nosniff and no-referrer: pages, API, errors', async () => {
    for (const url of [...pages(), '/api/stories', `/api/stories/${f.seeds}/brief`, '/api/stories/abc', '/nothing', '/stories/999999']) {
      const { headers } = await get(f.app, url);
      const csp = String(headers['content-security-policy']);
      assert.match(csp, /default-src 'none'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:/, url);
      assert.equal(headers['x-content-type-options'], 'nosniff', url);
      assert.equal(headers['referrer-policy'], 'no-referrer', url);
    }
  });

  test('the policy allows exactly the inline styles and script the pages carry, by hash', async () => {
    for (const url of pages()) {
      const { body, headers } = await get(f.app, url);
      const csp = String(headers['content-security-policy']);
      const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
      const styles = [...body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      const scripts = [...body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      assert.equal(styles.length, 2, url);
      for (const style of styles) assert.ok(csp.includes(hash(style)), `${url}: a style the policy does not allow`);
      for (const script of scripts) assert.ok(csp.includes(hash(script)), `${url}: a script the policy does not allow`);
      assert.equal(scripts.length, url.startsWith('/stories/') && !url.endsWith('/sources') ? 1 : 0, url);
      // No other script element than the page's own and its JSON data; no inline handler.
      const tags = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      for (const tag of tags) assert.ok(tag === '<script>' || tag === '<script type="application/json" id="documents">', `${url}: ${tag}`);
    }
  });

  test('the pages escape every source string: titles, outlets, bylines, text (XSS)', async () => {
    const raw = [...Object.values(XSS), ...Object.values(ALERT)].filter((p) => p.includes('<'));
    for (const url of pages()) {
      const { status, body } = await get(f.app, url);
      assert.equal(status, 200, url);
      for (const payload of raw) assert.ok(!body.includes(payload), `${url} carries ${payload} unescaped`);
      assert.deepEqual(activeMarkup(body), [], url);
    }
    const list = (await get(f.app, '/')).body;
    const { title } = (await get(f.app, `/api/stories/${f.hostile}`)).json.story;
    assert.match(title, /<svg|<script/);
    assert.ok(list.includes(escapeHtml(title)), 'the hostile title is shown, as text');
    const story = (await get(f.app, `/stories/${f.hostile}`)).body;
    assert.ok(story.includes(escapeHtml(XSS.img)), 'the hostile outlet is shown, as text');
    const sources = (await get(f.app, `/stories/${f.hostile}/sources`)).body;
    assert.ok(sources.includes(escapeHtml(XSS.close)), 'the hostile text is shown, as text');
    // The documents the panel opens are JSON in which no "<" survives.
    const data = /<script type="application\/json" id="documents">([\s\S]*?)<\/script>/.exec(story)![1]!;
    assert.ok(!data.includes('<'));
    assert.ok(JSON.parse(data).some((d: { original: string }) => d.original.includes(XSS.close)));
    // The search box gives back the query escaped.
    const search = (await get(f.app, `/search?q=${encodeURIComponent(XSS.svg)}`)).body;
    assert.ok(!search.includes(XSS.svg) && search.includes(escapeHtml(XSS.svg)));
    // Error pages echo nothing unescaped either.
    const error = (await get(f.app, `/stories/${encodeURIComponent('<svg onload=alert(1)>')}`)).body;
    assert.doesNotMatch(error, /<svg/);
  });

  test("a merged story's page moves to the story it joined; unknown stories are a 404 page", async () => {
    const moved = await f.app.inject({ url: `/stories/${f.mergedAway}/sources` });
    assert.equal(moved.statusCode, 302);
    assert.equal(moved.headers.location, `/stories/${f.bridge}/sources`);
    const missing = await get(f.app, '/stories/999999');
    assert.equal(missing.status, 404);
    assert.match(String(missing.headers['content-type']), /^text\/html/);
    assert.match(missing.body, /no story 999999/);
    assertPlainError(missing.body);
  });

  test('sources side by side: the reports picked in the URL, else the first three; a bad pick is a 400 page', async () => {
    const { documents } = (await get(f.app, `/api/stories/${f.bridge}/brief`)).json as { documents: { id: string }[] };
    assert.ok(documents.length >= 2);
    const columnIds = (body: string) => [...body.matchAll(/<article class="column" id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      columnIds((await get(f.app, `/stories/${f.bridge}/sources`)).body),
      documents.slice(0, 3).map((d) => d.id),
    );
    const last = documents[documents.length - 1]!.id;
    const picked = (await get(f.app, `/stories/${f.bridge}/sources?show=${last}&show=doc-0000000000`)).body;
    assert.deepEqual(columnIds(picked), [last], 'an unknown id is ignored');
    assert.match(picked, new RegExp(`1 of ${documents.length} reports shown`));
    assert.deepEqual(columnIds((await get(f.app, `/stories/${f.bridge}/sources?first=${last}`)).body)[0], last);
    const bad = await get(f.app, `/stories/${f.bridge}/sources?show=${encodeURIComponent('<svg>')}`);
    assert.equal(bad.status, 400);
    assertPlainError(bad.body);
  });

  test('paths that climb out, long requests and bodies are refused without reading anything', async () => {
    for (const url of [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/stories/..%2f..%2fpackage.json',
      '/api/documents/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%5c..%5cpackage.json',
      '//etc/passwd',
    ]) {
      const r = await get(f.app, url);
      assert.ok(r.status === 404 || r.status === 400, `${url}: ${r.status}`);
      assert.doesNotMatch(r.body, /"name": "corroborate"|root:x:0/, url);
    }
    const long = await get(f.app, `/api/stories?q=${'a'.repeat(3000)}`);
    assert.equal(long.status, 414);
    assert.deepEqual(Object.keys(long.json), ['error']);
    assert.equal(f.app.initialConfig.bodyLimit, BODY_LIMIT);
    const posted = await f.app.inject({ method: 'POST', url: '/api/stories', payload: 'x'.repeat(BODY_LIMIT * 4), headers: { 'content-type': 'application/json' } });
    assert.ok(posted.statusCode >= 400 && posted.statusCode < 500, String(posted.statusCode));
    assertPlainError(posted.body);
  });

  test('a server for loopback answers only to loopback host names', async () => {
    const app = buildServer({ db: f.db, allowedHosts: ['127.0.0.1', 'localhost', '::1'] });
    try {
      for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'LOCALHOST']) {
        assert.equal((await app.inject({ url: '/api/stories', headers: { host } })).statusCode, 200, host);
      }
      for (const host of ['evil.example', 'evil.example:8080', '127.0.0.1.evil.example', 'localhost.evil.example:80']) {
        const r = await app.inject({ url: '/api/stories', headers: { host } });
        assert.equal(r.statusCode, 421, host);
        assert.deepEqual(Object.keys(r.json()), ['error']);
      }
    } finally {
      await app.close();
    }
  });

  test('a failure inside a handler is a 500 "internal error"; the listener hears the real one', async () => {
    const heard: unknown[] = [];
    const broken: Database = Object.create(f.db, { all: { value: async () => Promise.reject(new Error('SELECT boom at /work/secret.ts:1')) } });
    const app = buildServer({ db: broken, onError: (error) => heard.push(error) });
    try {
      for (const url of ['/api/stories', '/']) {
        const r = await app.inject({ url });
        assert.equal(r.statusCode, 500);
        assert.match(r.body, /internal error/);
        assertPlainError(r.body);
      }
      assert.equal(heard.length, 2);
    } finally {
      await app.close();
    }
  });

  test('corroborate serve: prints its URL, answers on loopback, keeps the search index current, and closes the store on Ctrl-C', async () => {
    const db = join(f.dir, 'cli.db');
    // Ingested and not yet indexed for search (ingest leaves that to searches and to serve).
    const store = await openStore(db);
    await ingest(store, [EXAMPLES], { prepareThreads: 0 });
    const stored = Number((await store.one<{ n: number }>('SELECT MAX(id) AS n FROM articles'))!.n);
    await store.close();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 20 s: ${stderr}`)), 20_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(stderr);
        if (found) {
          clearTimeout(timer);
          resolve(found[0]);
        }
      });
      child.on('exit', () => reject(new Error(`exited: ${stderr}`)));
    });
    const response = await fetch(`${url}api/stories`);
    assert.equal(response.status, 200);
    assert.ok((await response.json()).stories.length > 0);
    // The server indexes in the background, with no search asked: what was stored before it
    // started, and what an ingest stores while it runs.
    const reader = new BetterSqlite3(db, { readonly: true });
    try {
      const indexed = () => (reader.prepare('SELECT indexed_through AS n FROM search_progress').get() as { n: number }).n;
      const indexedUpTo = async (id: number) => {
        for (let waited = 0; indexed() < id && waited < 20_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal(indexed(), id, 'every stored article indexed');
      };
      await indexedUpTo(stored);
      const more = await openStore(db);
      await ingest(more, [SEEDS], { prepareThreads: 0 });
      const later = Number((await more.one<{ n: number }>('SELECT MAX(id) AS n FROM articles'))!.n);
      await more.close();
      assert.ok(later > stored);
      await indexedUpTo(later);
    } finally {
      reader.close();
    }
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 0, stderr);
    // Closed cleanly: SQLite folded its write-ahead log back into the file.
    assert.ok(existsSync(db) && !existsSync(`${db}-wal`), 'the store was not closed');
  });
});

test('the story list is ranked once per change to the story log: a new article or a merge shows on the next page asked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-list-'));
  try {
    const db = await openStore(join(dir, 'store.db'));
    try {
      await ingest(db, [EXAMPLES, SEEDS]);
      const before = await storyPage(db, 10, 0);
      assert.ok(before.stories.length >= 2);
      assert.deepEqual(await storyPage(db, 10, 0), before, 'asked again with no change: the same page');
      // Another outlet's copy of the biggest story's first article.
      const top = before.stories[0]!;
      const [source] = (await db.all<{ source: string }>('SELECT source FROM articles WHERE story_id = $1 ORDER BY id LIMIT 1', [top.id])).map((r) => r.source);
      const copy = join(dir, 'copy.txt');
      writeFileSync(copy, readFileSync(source!));
      await ingest(db, [copy]);
      const after = await storyPage(db, 10, 0);
      assert.equal(after.stories.find((s) => s.id === top.id)?.articles, top.articles + 1);
      const [a, b] = after.stories;
      await mergeStoriesBy(db, a!.id, [b!.id], 'one event');
      const merged = await storyPage(db, 10, 0);
      assert.equal(merged.stories.length, after.stories.length - 1);
      assert.ok(!merged.stories.some((s) => s.id === b!.id), 'the merged story left the list');
      assert.equal(merged.stories.find((s) => s.id === a!.id)?.articles, a!.articles + b!.articles);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a story page is rendered again once the story log moves on: a new article shows, a merged story redirects', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-pages-'));
  const db = await openStore(join(dir, 'store.db'));
  const app = buildServer({ db });
  try {
    await ingest(db, [EXAMPLES, SEEDS]);
    const listed = (await storyPage(db, 10, 0)).stories;
    const seeds = listed.find((s) => s.articles === 5)!.id;
    const examples = listed.find((s) => s.articles === 4)!.id;
    const first = await get(app, `/stories/${seeds}`);
    assert.equal(first.status, 200);
    assert.equal((await get(app, `/stories/${seeds}`)).body, first.body, 'asked again with no change: the same page');
    const [source] = (await db.all<{ source: string }>('SELECT source FROM articles WHERE story_id = $1 ORDER BY id LIMIT 1', [seeds])).map((r) => r.source);
    // Another source of the same text: one more article of the story, not one more report.
    const copy = join(dir, 'relayed-by-another-outlet.txt');
    writeFileSync(copy, readFileSync(source!));
    assert.match(first.body, /3 outlets · 5 articles ·/);
    // The seeds carry no publication date: the header gives the days their timeline spans.
    assert.match(first.body, /3 outlets · 5 articles · reports undated; events \d{1,2}(–\d{1,2})? \w+ \d{4}/);
    await ingest(db, [copy]);
    const after = await get(app, `/stories/${seeds}`);
    assert.match(after.body, /3 outlets · 6 articles \(5 distinct reports\) ·/, 'the new article is counted on the page; its file names no outlet');
    await mergeStoriesBy(db, seeds, [examples], 'one event');
    const moved = await app.inject({ url: `/stories/${examples}` });
    assert.equal(moved.statusCode, 302);
    assert.equal(moved.headers.location, `/stories/${seeds}`);
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PageCache renders a page once however many ask meanwhile, keeps no failure, and lets the least recently asked go over its budget', async () => {
  const cache = new PageCache(10);
  let renders = 0;
  const render = (html: string) => async () => {
    renders++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { html };
  };
  const [a, b] = await Promise.all([cache.get('a', render('aaaa')), cache.get('a', render('other'))]);
  assert.deepEqual([a, b, renders], [{ html: 'aaaa' }, { html: 'aaaa' }, 1]);
  await assert.rejects(
    cache.get('broken', async () => Promise.reject(new Error('no store'))),
    /no store/,
  );
  assert.deepEqual(await cache.get('broken', render('bbbb')), { html: 'bbbb' }, 'a failure is rendered again');
  await cache.get('a', render('never'));
  // 4 + 4 kept; 4 more is over 10: "broken" (asked before "a" was asked again) goes.
  await cache.get('c', render('cccc'));
  renders = 0;
  await cache.get('a', render('again'));
  assert.equal(renders, 0, '"a" was kept');
  assert.deepEqual(await cache.get('broken', render('fresh')), { html: 'fresh' });
  assert.equal(renders, 1, '"broken" had gone');
  // A page of a brief being made again is answered, not kept.
  const stale = async () => ({ html: 'old', keep: false as const });
  await cache.get('stale', stale);
  assert.deepEqual(await cache.get('stale', render('new')), { html: 'new' });
});

test('PageCache lets pages of an earlier store state go once a page of a later one is kept, and keeps none of an earlier state', async () => {
  const cache = new PageCache(100);
  let renders = 0;
  const render = (html: string) => async () => {
    renders++;
    return { html };
  };
  await cache.get('a|1', render('a1'), 1);
  await cache.get('b|1', render('b1'), 1);
  await cache.get('a|2', render('a2'), 2);
  renders = 0;
  await cache.get('a|2', render('never'), 2);
  assert.equal(renders, 0, 'the page of the latest state is kept');
  await cache.get('b|1', render('b1 again'), 1);
  assert.equal(renders, 1, 'pages of state 1 went when one of state 2 was kept');
  await cache.get('b|1', render('b1 once more'), 1);
  assert.equal(renders, 2, 'a page of an earlier state is answered, not kept');
  await cache.get('a|2', render('never'), 2);
  assert.equal(renders, 2, 'nor does it push out the later state');
});

/** One long report (3,000 sentences) ingested as a story: its brief takes seconds of CPU. */
async function longStory(db: Database, dir: string): Promise<{ id: number }> {
  const sentences = Array.from({ length: 3000 }, (_, i) => `Crew ${i} of the Kessing harbour works worked ${2 + (i % 9)} hours on the north pier on Tuesday, foreman Ilse Marchetti said.`);
  writeFileSync(join(dir, 'long.txt'), `Harbour crews work through the night\n\n${sentences.join('\n\n')}\n`);
  await ingest(db, [join(dir, 'long.txt')]);
  return (await storyPage(db, 10, 0)).stories[0]!;
}

test('a brief being made does not hold up other requests: the story list answers first', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-brief-thread-'));
  const db = await openStore(join(dir, 'store.db'));
  const app = buildServer({ db });
  try {
    const story = await longStory(db, dir);
    const order: string[] = [];
    const brief = get(app, `/api/stories/${story.id}/brief`).then((r) => {
      order.push('brief');
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const list = await get(app, '/api/stories');
    order.push('list');
    assert.equal(list.status, 200);
    const made = await brief;
    assert.equal(made.status, 200);
    assert.ok(BriefSchema.parse(made.json).documents.length === 1);
    assert.deepEqual(order, ['list', 'brief'], 'the list did not wait for the brief');
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a stale brief answers at once and is made again behind the answer; a page of it is not kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-stale-brief-'));
  const db = await openStore(join(dir, 'store.db'));
  const app = buildServer({ db });
  try {
    const story = await longStory(db, dir);
    const id = story.id;
    const first = await get(app, `/api/stories/${id}/brief`);
    assert.equal(first.status, 200, 'never briefed: the first brief is waited for');
    // As a new article of the story would leave it.
    await db.run("UPDATE story_briefs SET fingerprint = 'stale' WHERE story_id = $1", [id]);
    const stored = async () => (await db.one<{ fingerprint: string }>('SELECT fingerprint FROM story_briefs WHERE story_id = $1', [id]))!.fingerprint;
    const again = await get(app, `/api/stories/${id}/brief`);
    assert.equal(again.status, 200);
    assert.equal(again.body, first.body, 'the last brief made');
    assert.equal(first.headers['x-brief-state'], 'current');
    assert.equal(again.headers['x-brief-state'], 'stale', 'the API says the brief is being made again');
    const page = await get(app, `/stories/${id}`);
    assert.equal(page.status, 200);
    assert.equal(await stored(), 'stale', 'answered before the new brief was made');
    await pollUntil(async () => (await stored()) !== 'stale', 120_000, 50);
    assert.equal(await stored(), await storyFingerprint(db, id), 'made again behind the answers, without another request');
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a story never briefed whose first brief takes a while: its page says so at once and reloads itself', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-first-brief-'));
  const db = await openStore(join(dir, 'store.db'));
  // As `serve` sets it (a server built without it waits for the first brief).
  const app = buildServer({ db, firstBriefWaitMs: 200 });
  try {
    const story = await longStory(db, dir);
    const id = story.id;
    const started = Date.now();
    const waiting = await get(app, `/stories/${id}`);
    assert.equal(waiting.status, 200);
    assert.ok(Date.now() - started < 10_000, 'the page waited for the whole brief');
    assert.match(waiting.body, /<meta http-equiv="refresh" content="\d+">/);
    assert.match(waiting.body, /being prepared/);
    assert.match(waiting.body, /Harbour crews work through the night/, "the story's header is shown");
    // The brief goes on being made without another request; then the page is the brief.
    const stored = async () => (await db.one<{ n: number }>('SELECT count(*) AS n FROM story_briefs WHERE story_id = $1', [id]))!.n;
    await pollUntil(async () => Number(await stored()) !== 0, 120_000, 50);
    const ready = await get(app, `/stories/${id}`);
    assert.doesNotMatch(ready.body, /http-equiv="refresh"/);
    assert.match(ready.body, /Key points|Lead/);
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a story's brief downloads as Markdown and as the self-contained HTML report, as `brief` writes them", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-export-'));
  const db = await openStore(join(dir, 'store.db'));
  const app = buildServer({ db });
  try {
    await ingest(db, [EXAMPLES]);
    const [story] = (await storyPage(db, 10, 0)).stories;
    const page = await get(app, `/stories/${story!.id}`);
    assert.match(page.body, new RegExp(`href="/stories/${story!.id}/brief.md" download`));
    const md = await get(app, `/stories/${story!.id}/brief.md`);
    assert.equal(md.status, 200);
    assert.match(String(md.headers['content-type']), /^text\/markdown/);
    assert.equal(md.headers['content-disposition'], `attachment; filename="story-${story!.id}-brief.md"`);
    assert.match(md.body, /^# .* — 4 reports, 14–15 October 2025\n/);
    assert.match(md.body, /^## Where the outlets disagree$/m);
    const html = await get(app, `/stories/${story!.id}/brief.html`);
    assert.equal(html.status, 200);
    assert.match(html.body, /^<!doctype html>/);
    assert.match(html.body, /<p class="summary-strip">/);
    assert.equal((await get(app, '/stories/999999/brief.md')).status, 404);
  } finally {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
