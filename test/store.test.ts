// The store, on both backends: migrations, idempotent ingest, copies, all-or-nothing batches,
// a story's brief read back from the store, and kill -9 in the middle of an ingest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { powerOfTwoChunks, type Database } from '../src/store/database.ts';
import { openStore } from '../src/store/open-store.ts';
import { MIGRATIONS } from '../src/store/migrations.ts';
import { emptyTimings, ingest } from '../src/collect/ingest.ts';
import { briefStory } from '../src/collect/story-brief.ts';
import { brief } from '../src/pipeline/run.ts';
import { listStories, storyHistory } from '../src/store/stories.ts';
import { rawInputsOf } from '../src/store/articles.ts';
import { prepareArticle } from '../src/collect/prepare.ts';
import { InputError, readInputs, type RawInput } from '../src/ingest/index.ts';
import { mergeStoriesBy, splitStoryBy } from '../src/collect/edit-stories.ts';
import { hasSeeds, pollUntil, SEEDS } from './support.ts';
import { postgresAvailable, POSTGRES_MISSING, startPostgres, type TestPostgres } from './helpers/postgres.ts';
import { hasEcbplus } from './quality/ecbplus.ts';
import { assertConsistent, withStatementHook, writeArticles } from './helpers/store-checks.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
const CLI = join(ROOT, 'src/cli/main.ts');
const TABLES = ['contents', 'articles', 'stories', 'story_log'];

async function counts(db: Database): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = Number((await db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);
  return result;
}

/** Everything ingest stores, less the wall-clock times (and ids only where both stores number alike). */
async function storedRows(db: Database): Promise<unknown> {
  return {
    contents: await db.all('SELECT hash, format, content FROM contents ORDER BY hash'),
    articles: await db.all('SELECT id, source, hash, hints, doc_id, outlet, title, published, features, story_id, copy_of, copy_similarity FROM articles ORDER BY id'),
    stories: await db.all('SELECT id, title, first_seen, last_seen, merged_into FROM stories ORDER BY id'),
    log: await db.all('SELECT seq, kind, story_id, article_id, stories, similarity, reason FROM story_log ORDER BY seq'),
  };
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Backend = { name: string; newLocation: () => Promise<string> };

const work = mkdtempSync(join(tmpdir(), 'corroborate-store-'));
let files = 0;
let postgres: TestPostgres | null = null;
const backends: Backend[] = [
  { name: 'SQLite', newLocation: async () => join(work, `store-${++files}.db`) },
  {
    name: 'PostgreSQL',
    newLocation: async () => {
      assert.ok(postgresAvailable(), POSTGRES_MISSING);
      postgres ??= await startPostgres();
      return postgres.newDatabase();
    },
  },
];

after(async () => {
  await postgres?.stop();
  rmSync(work, { recursive: true, force: true });
});

for (const backend of backends) {
  describe(`store on ${backend.name}`, () => {
    let location: string;
    let db: Database;
    before(async () => {
      location = await backend.newLocation();
      db = await openStore(location);
    });
    after(async () => db?.close());

    test('migrations are recorded once; opening the store again applies nothing', async () => {
      const again = await openStore(location);
      await again.close();
      const rows = await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(
        rows.map((r) => Number(r.version)),
        MIGRATIONS.map((m) => m.version),
      );
    });

    test('ingest files every article under a story; ingesting again changes nothing', { skip: !hasSeeds && 'no seeds' }, async () => {
      const first = await ingest(db, [EXAMPLES, SEEDS]);
      assert.equal(first.read, 9);
      assert.equal(first.added, 9);
      await assertConsistent(db);
      const before = await counts(db);
      const second = await ingest(db, [EXAMPLES, SEEDS]);
      assert.equal(second.unchanged, 9);
      assert.equal(second.added + second.copies, 0);
      assert.deepEqual(await counts(db), before);
      // The two events are two stories, each with all of its reports.
      const stories = await listStories(db);
      assert.deepEqual(stories.map((s) => s.articles).sort(), [4, 5]);
    });

    test('the same text from another source is one content row and one more outlet of the report', async () => {
      const dir = mkdtempSync(join(work, 'copy-'));
      const text =
        'Harbour authority says ferry service will resume on Friday\n\nThe harbour authority of the port city said on Tuesday that ferry crossings suspended after the storm would resume on Friday morning, once divers have checked the damaged pier.\n\nA spokeswoman said the inspection found no structural damage to the main terminal.';
      writeFileSync(join(dir, 'a.txt'), text);
      writeFileSync(join(dir, 'b.txt'), text);
      // A near-copy: the same wire text with another site's page chrome around it.
      writeFileSync(join(dir, 'c.txt'), `Share on Facebook\nShare on X\n\n${text}\n\nFollow us on Instagram for more local news.`);
      const before = await counts(db);
      const summary = await ingest(db, [dir]);
      assert.equal(summary.added, 2);
      assert.equal(summary.copies, 1);
      assert.equal(summary.nearCopies, 1);
      const after = await counts(db);
      assert.equal(after.contents! - before.contents!, 2, 'a.txt and b.txt are stored once');
      const rows = await db.all<{ source: string; story_id: number; copy_of: number | null }>('SELECT source, story_id, copy_of FROM articles WHERE source LIKE $1 ORDER BY source', [`${dir}%`]);
      assert.equal(new Set(rows.map((r) => r.story_id)).size, 1, 'one story');
      assert.equal(rows[0]!.copy_of, null);
      assert.ok(rows[1]!.copy_of !== null && rows[2]!.copy_of !== null, 'b is an exact copy, c a near copy');
      await assertConsistent(db);
    });

    test('an input repeated in one ingest is cleaned once; the same text with other hints is cleaned again', async () => {
      const dir = mkdtempSync(join(work, 'repeat-'));
      const text =
        'Council approves new cycle lanes on the ring road\n\nThe city council voted on Monday to build protected cycle lanes along the ring road, after two years of consultation with residents and shop owners.\n\nWork is due to begin in the spring and last eighteen months, the council said.';
      // A feed repeating a record under another line, and the same text from a second outlet.
      const record = (outlet: string) => JSON.stringify({ text, outlet, published: '2026-03-02' });
      writeFileSync(join(dir, 'feed.jsonl'), [record('Ring Road Gazette'), record('Ring Road Gazette'), record('Orbital Times')].join('\n') + '\n');
      const timings = emptyTimings();
      const summary = await ingest(db, [dir], { timings });
      assert.equal(summary.added, 1);
      assert.equal(summary.copies, 2);
      assert.equal(timings.preparedInline + timings.preparedByThreads, 2, 'the repeated record is not cleaned a second time; the other outlet is');
      const rows = await db.all<{ source: string; doc_id: string; outlet: string; title: string; published: string; copy_of: number | null }>(
        'SELECT source, doc_id, outlet, title, published, copy_of FROM articles WHERE source LIKE $1 ORDER BY id',
        [`${dir}%`],
      );
      assert.deepEqual(
        rows.map((r) => [r.source.slice(dir.length), r.outlet, r.copy_of === null]),
        [
          ['/feed.jsonl#1', 'Ring Road Gazette', true],
          ['/feed.jsonl#2', 'Ring Road Gazette', false],
          ['/feed.jsonl#3', 'Orbital Times', false],
        ],
      );
      // The repeat's row says what cleaning it would have said.
      for (const row of rows.slice(1)) assert.deepEqual([row.doc_id, row.title, row.published], [rows[0]!.doc_id, rows[0]!.title, rows[0]!.published]);
      await assertConsistent(db);
    });

    test('an exact copy of a stored article is not cleaned again, unless it would clean differently', async () => {
      const first = mkdtempSync(join(work, 'stored-'));
      const text =
        'Lighthouse keeper retires after forty years on the island\n\nThe last keeper of the northern lighthouse stepped down on Sunday after four decades, the maritime trust said, and the light will now be run from the mainland.\n\nIslanders held a farewell dinner in the village hall.';
      // A page fragment: HTML by its extension, text (its tags kept as words) under a .txt name.
      const page =
        '<h1>Tram line to the airport opens next month</h1><p>The new tram line linking the central station with the airport will carry its first passengers on the first of May, the transport authority said.</p><p>Trams will run every eight minutes at peak times.</p><p>Fares will match the city bus network.</p>';
      writeFileSync(join(first, 'lighthouse.txt'), text);
      writeFileSync(join(first, 'tram.html'), page);
      const stored = emptyTimings();
      const firstRun = await ingest(db, [first], { timings: stored });
      assert.equal(firstRun.added, 2);
      assert.equal(stored.preparedInline + stored.preparedByThreads, 2);
      const before = await counts(db);

      // The same files under other names: the same articles, one more outlet each.
      const copies = mkdtempSync(join(work, 'copies-'));
      copyFileSync(join(first, 'lighthouse.txt'), join(copies, 'lighthouse-again.txt'));
      copyFileSync(join(first, 'tram.html'), join(copies, 'tram-again.html'));
      copyFileSync(join(first, 'tram.html'), join(copies, 'tram-as-text.txt'));
      const timings = emptyTimings();
      const summary = await ingest(db, [copies], { timings });
      assert.deepEqual([summary.added, summary.copies, summary.unchanged], [0, 3, 0]);
      assert.equal(timings.preparedInline + timings.preparedByThreads, 1, 'only the page read as text is cleaned: it cleans differently from its original');
      const after = await counts(db);
      assert.equal(after.contents, before.contents, 'no new content');
      assert.equal(after.stories, before.stories);
      assert.equal(after.articles! - before.articles!, 3);

      type Row = {
        id: number;
        source: string;
        hash: string;
        doc_id: string;
        outlet: string | null;
        title: string;
        published: string | null;
        story_id: number;
        copy_of: number | null;
        copy_similarity: number | null;
      };
      const rows = async (dir: string) =>
        db.all<Row>('SELECT id, source, hash, doc_id, outlet, title, published, story_id, copy_of, copy_similarity FROM articles WHERE source LIKE $1 ORDER BY source', [`${dir}%`]);
      const originals = new Map((await rows(first)).map((row) => [row.hash, row]));
      for (const row of await rows(copies)) {
        const original = originals.get(row.hash)!;
        assert.deepEqual([row.copy_of, row.copy_similarity, row.story_id], [original.id, 1, original.story_id], `${row.source} is an exact copy in its original's story`);
        // What cleaning the copy gives, whether it was cleaned or taken from its original.
        let input: RawInput | undefined;
        for await (const item of readInputs([row.source])) if (!(item instanceof InputError)) input = item;
        const prepared = prepareArticle(input!);
        assert.deepEqual([row.doc_id, row.title, row.outlet, row.published], [prepared.docId, prepared.title, prepared.outlet, prepared.published], row.source);
      }
      const [asText] = (await rows(copies)).filter((row) => row.source.endsWith('tram-as-text.txt'));
      assert.notEqual(asText!.title, originals.get(asText!.hash)!.title, 'read as text, the page has another title');

      // Other hints (an outlet named on the command line) clean the same text differently.
      const named = mkdtempSync(join(work, 'named-'));
      copyFileSync(join(first, 'lighthouse.txt'), join(named, 'lighthouse.txt'));
      const namedTimings = emptyTimings();
      assert.equal((await ingest(db, [named], { timings: namedTimings, outlet: 'Island Courier' })).copies, 1);
      assert.equal(namedTimings.preparedInline + namedTimings.preparedByThreads, 1);
      assert.equal((await rows(named))[0]!.outlet, 'Island Courier');

      // Ingesting it all again cleans nothing and changes nothing.
      const everything = await counts(db);
      const againTimings = emptyTimings();
      const again = await ingest(db, [first, copies], { timings: againTimings });
      assert.deepEqual([again.added, again.copies, again.unchanged], [0, 0, 5]);
      assert.equal(againTimings.preparedInline + againTimings.preparedByThreads, 0);
      assert.deepEqual(await counts(db), everything);
      await assertConsistent(db);
    });

    test('a batch written as a few multi-row statements stores exactly what one transaction per article stores', { skip: !hasEcbplus() && 'no ECB+' }, async (t) => {
      // Real articles about many events, some repeated under other names (exact copies of an
      // article in the same batch and in earlier ones), and a file given twice (the same source
      // again in one batch): what a batch knows of its own rows must answer as the store would.
      const dir = mkdtempSync(join(work, 'batched-'));
      writeArticles(dir, 240);
      const names = readdirSync(dir).sort();
      for (const [k, name] of names.entries()) if (k % 12 === 0) copyFileSync(join(dir, name), join(dir, `again-${name}`));
      const inputs = [dir, join(dir, names[3]!)];
      const run = async (batchSize: number) => {
        const store = await openStore(await backend.newLocation());
        const summary = await ingest(store, inputs, { batchSize, prepareThreads: 0 });
        return { store, summary };
      };
      const one = await run(1);
      const batched = await run(200);
      try {
        t.diagnostic(
          `${batched.summary.added} added, ${batched.summary.copies} exact copies, ${batched.summary.nearCopies} near-copies, ${batched.summary.merges} merges, ${batched.summary.unchanged} unchanged`,
        );
        assert.ok(batched.summary.copies >= 20 && batched.summary.unchanged >= 1, 'the inputs hold copies and a repeated source');
        assert.deepEqual(batched.summary, one.summary);
        assert.deepEqual(await storedRows(batched.store), await storedRows(one.store));
        await assertConsistent(batched.store);
      } finally {
        await one.store.close();
        await batched.store.close();
      }
    });

    test('a batch that fails half-way stores nothing of it, and the next run stores it all', async () => {
      const dir = mkdtempSync(join(work, 'fail-'));
      for (let i = 0; i < 6; i++)
        writeFileSync(
          join(dir, `r${i}.txt`),
          `Report ${i} on the river flood\n\nWater levels at gauge ${i} rose by ${i + 2} metres overnight, the regional flood office said, and ${i + 10} villages were evacuated.`,
        );
      const before = await counts(db);
      // The batch's last write (its story-log entries, after its contents, stories and articles
      // went in) fails, as a full disk or a lost connection would.
      let articlesWritten = false;
      const failing = withStatementHook(db, (sql) => {
        if (sql.includes('INSERT INTO story_log')) throw new Error('disk full');
        if (sql.includes('INSERT INTO articles')) articlesWritten = true;
      });
      await assert.rejects(ingest(failing, [dir]), /disk full/);
      assert.ok(articlesWritten, 'the failure came after the articles were written');
      assert.deepEqual(await counts(db), before, 'nothing of the failed batch is stored');
      const summary = await ingest(db, [dir]);
      assert.equal(summary.added, 6);
      await assertConsistent(db);
    });

    test('a stored story briefs exactly as its files do', { skip: !hasSeeds && 'no seeds' }, async () => {
      const stories = await listStories(db);
      const seeds = stories.find((s) => s.articles === 5)!;
      const fromStore = await briefStory(db, seeds.id);
      const fromFiles = await brief([SEEDS]);
      assert.equal(fromStore.documents.length, 5);
      assert.deepEqual(
        fromStore.disagreements.map((d) => d.variants.map((v) => v.support)),
        fromFiles.disagreements.map((d) => d.variants.map((v) => v.support)),
      );
      assert.deepEqual(fromStore.brief.lead, fromFiles.brief.lead);
    });

    test("an editor's split and merge are logged with their reasons, and later articles follow the corrected stories", { skip: !hasSeeds && 'no seeds' }, async () => {
      const seeds = (await listStories(db)).find((s) => s.articles === 5)!;
      const newest = Number((await db.one<{ id: number }>('SELECT MAX(id) AS id FROM articles WHERE story_id = $1', [seeds.id]))!.id);
      const split = await splitStoryBy(db, seeds.id, [newest], 'checking a split');
      assert.equal(Number((await db.one<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [newest]))!.story_id), split);
      await assert.rejects(splitStoryBy(db, split, [newest], 'x'), /would be left empty/);
      // A fresh process (a new ingest) replays the split: a copy of the moved report with other
      // page chrome joins the story the report is in now.
      const dir = mkdtempSync(join(work, 'after-split-'));
      const moved = (await rawInputsOf(db, [newest]))[0]!;
      writeFileSync(join(dir, 'copy.txt'), `Listen to this article\n\n${moved.content}\n\nSubscribe to our newsletter.`);
      const summary = await ingest(db, [dir]);
      assert.equal(summary.added, 1);
      const copy = await db.one<{ story_id: number; copy_of: number }>('SELECT story_id, copy_of FROM articles WHERE source LIKE $1', [`${dir}%`]);
      assert.equal(Number(copy!.story_id), split);
      assert.equal(Number(copy!.copy_of), newest);
      await mergeStoriesBy(db, seeds.id, [split], 'checking a merge');
      const history = await storyHistory(db, seeds.id);
      assert.deepEqual(
        history.map((h) => [h.kind, h.reason]),
        [
          ['split', 'checking a split'],
          ['merge', 'checking a merge'],
        ],
      );
      await assertConsistent(db);
    });

    test('kill -9 in the middle of an ingest loses nothing and duplicates nothing', { skip: !hasEcbplus() && 'no ECB+' }, async (t) => {
      const crashLocation = await backend.newLocation();
      const dir = join(work, `stream-${backend.name}`);
      const n = writeArticles(dir, 300);
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', dir, '--db', crashLocation, '--batch', '10', '--quiet'], { cwd: ROOT, stdio: 'ignore' });
      const probe = await openStore(crashLocation);
      try {
        // Kill it once some batches are in and before it could have finished.
        let stored = 0;
        await pollUntil(
          async () => {
            stored = Number((await probe.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))!.n);
            return stored >= 30 || child.exitCode !== null;
          },
          60_000,
          20,
        );
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        const afterCrash = Number((await probe.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))!.n);
        assert.ok(afterCrash > 0 && afterCrash < n, `killed mid-ingest (${afterCrash} of ${n} stored)`);
        assert.equal(afterCrash % 10, 0, 'only whole batches are stored');
        await assertConsistent(probe);

        const rerun = cli(['ingest', dir, '--db', crashLocation, '--format', 'json', '--quiet']);
        assert.equal(rerun.status, 0, rerun.stderr);
        const summary = JSON.parse(rerun.stdout) as { unchanged: number; added: number };
        assert.equal(summary.unchanged, afterCrash);
        assert.equal(summary.added, n - afterCrash);
        const final = Number((await probe.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))!.n);
        assert.equal(final, n);
        await assertConsistent(probe);
        t.diagnostic(
          `${backend.name}: ${afterCrash} of ${n} articles stored when killed; the re-run found ${summary.unchanged} already stored and added ${summary.added}; ${final} in the end, each filed once`,
        );
      } finally {
        await probe.close();
      }
    });
  });
}

test('rows go to a multi-row statement in runs of 128, 64, …, 1: every row once, in order, in at most eight shapes', () => {
  const shapes = new Set<number>();
  for (let n = 0; n <= 1000; n++) {
    const rows = Array.from({ length: n }, (_, k) => k);
    const chunks = powerOfTwoChunks(rows);
    assert.deepEqual(chunks.flat(), rows, `${n} rows`);
    for (const chunk of chunks) {
      assert.ok(chunk.length <= 128 && (chunk.length & (chunk.length - 1)) === 0, `${n} rows: a run of ${chunk.length}`);
      shapes.add(chunk.length);
    }
  }
  assert.deepEqual(
    [...shapes].sort((a, b) => a - b),
    [1, 2, 4, 8, 16, 32, 64, 128],
  );
});
