// Ingest prepares articles on a worker thread as well as the main thread (prepare-pool.ts): the
// thread sends each article's features as JSON, hashed terms and names, and its sketch. Whatever
// thread prepared an article, the store must end up the same. An input read again is not
// prepared again where the two clean alike (recently-prepared.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyTimings, ingest } from '../src/collect/ingest.ts';
import { POOL_AFTER } from '../src/collect/prepare-pool.ts';
import { contentHash, prepareArticle } from '../src/collect/prepare.ts';
import { RecentlyPrepared } from '../src/collect/recently-prepared.ts';
import type { RawInput } from '../src/ingest/raw-input.ts';
import type { Database } from '../src/store/database.ts';
import { openStore } from '../src/store/open-store.ts';
import { searchArticles } from '../src/serve/search.ts';
import { hasSeeds, SEEDS } from './support.ts';
import { hasEcbplus } from './quality/ecbplus.ts';
import { writeArticles } from './helpers/store-checks.ts';

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));

/** Everything ingest stores, less the wall-clock times. */
async function stored(db: Database): Promise<unknown> {
  return {
    articles: await db.all('SELECT id, source, hash, hints, doc_id, outlet, title, published, features, story_id, copy_of, copy_similarity FROM articles ORDER BY id'),
    stories: await db.all('SELECT id, title, first_seen, last_seen, merged_into FROM stories ORDER BY id'),
    log: await db.all('SELECT seq, kind, story_id, article_id, stories, similarity, reason FROM story_log ORDER BY seq'),
  };
}

test('articles prepared on the worker thread are stored, filed and indexed exactly as those prepared on the main thread', { skip: !hasEcbplus() && 'no ECB+ (../shared/eval)' }, async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'corroborate-pool-'));
  try {
    const articles = writeArticles(join(work, 'ecb'), 500);
    assert.ok(articles > POOL_AFTER * 2, `${articles} articles: the pool starts after ${POOL_AFTER}`);
    const inputs = [join(work, 'ecb'), EXAMPLES, ...(hasSeeds ? [SEEDS] : [])];
    const run = async (name: string, prepareThreads: number) => {
      const db = await openStore(join(work, `${name}.db`));
      const timings = emptyTimings();
      const summary = await ingest(db, inputs, { prepareThreads, timings, batchSize: 50 });
      return { db, timings, summary };
    };
    const threaded = await run('threaded', 1);
    const inline = await run('inline', 0);
    try {
      // The thread starts (and loads the cleaner) while the main thread goes on preparing, so it takes a share, not all.
      assert.ok(threaded.timings.preparedByThreads > 0, 'the thread prepared nothing');
      t.diagnostic(`the thread prepared ${threaded.timings.preparedByThreads} of ${threaded.summary.read} inputs, the main thread ${threaded.timings.preparedInline}`);
      assert.equal(inline.timings.preparedByThreads, 0);
      assert.deepEqual(threaded.summary, inline.summary);
      assert.deepEqual(await stored(threaded.db), await stored(inline.db));
      for (const q of ['earthquake', 'police arrested', 'bridge', 'fire']) {
        const terms = q.split(' ');
        assert.deepEqual(await searchArticles(threaded.db, terms, 100, 0), await searchArticles(inline.db, terms, 100, 0), q);
      }
    } finally {
      await threaded.db.close();
      await inline.db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('an input is taken as prepared like another only where the two clean alike: a web address can name the outlet', async () => {
  const text = 'Storm closes mountain pass\n\nSnow drifts closed the pass overnight, the roads office said.';
  const fetched = (source: string, hints: RawInput['hints'] = {}): RawInput => ({ source, format: 'text', content: text, hints });
  const hash = contentHash(text);
  // Nothing in the text names an outlet, so each address's site does.
  const [one, two] = [fetched('https://www.reuters.com/feed#1'), fetched('https://apnews.com/feed#4')];
  assert.deepEqual([prepareArticle(one).outlet, prepareArticle(two).outlet], ['Reuters', 'AP']);
  const recent = new RecentlyPrepared();
  recent.remember(one, hash, Promise.resolve(prepareArticle(one, hash)));
  assert.equal(recent.get(two, hash), undefined, 'another site: cleaned again');
  assert.equal((await recent.get(fetched('https://www.reuters.com/feed#9'), hash))?.outlet, 'Reuters', 'the same site cleans alike');
  // A page address among the hints names the site whatever the source.
  const hinted = (source: string) => fetched(source, { url: 'https://www.reuters.com/world/pass' });
  recent.remember(hinted('https://www.reuters.com/feed#2'), hash, Promise.resolve(prepareArticle(hinted('https://www.reuters.com/feed#2'), hash)));
  assert.equal((await recent.get(hinted('https://apnews.com/feed#2'), hash))?.outlet, 'Reuters');
});
