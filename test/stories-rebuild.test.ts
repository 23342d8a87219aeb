// `stories rebuild`: every article filed again in date order by a fresh clusterer, in one
// transaction; editors' merges and splits kept; the log records it, and an ingest that comes
// after follows the rebuilt stories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open-store.ts';
import { ingest } from '../src/collect/ingest.ts';
import { rebuildStories } from '../src/collect/rebuild-stories.ts';
import { mergeStoriesBy, splitStoryBy } from '../src/collect/edit-stories.ts';
import { listStories } from '../src/store/stories.ts';
import { storyDetail } from '../src/serve/story-data.ts';
import { hasSeeds, SEEDS } from './support.ts';
import { assertConsistent } from './helpers/store-checks.ts';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

const storyOf = async (db: Awaited<ReturnType<typeof openStore>>) =>
  new Map((await db.all<{ id: number; story_id: number }>('SELECT id, story_id FROM articles')).map((r) => [Number(r.id), Number(r.story_id)]));

test('a rebuild of a well-filed store changes nothing and keeps the story ids; the log records it', { skip: !hasSeeds && 'no seeds' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-rebuild-'));
  const db = await openStore(join(dir, 'store.db'));
  try {
    await ingest(db, [EXAMPLES, SEEDS]);
    const before = await storyOf(db);
    const summary = await rebuildStories(db);
    assert.deepEqual(
      { articles: summary.articles, storiesBefore: summary.storiesBefore, storiesAfter: summary.storiesAfter, moved: summary.moved },
      { articles: 9, storiesBefore: 2, storiesAfter: 2, moved: 0 },
    );
    assert.deepEqual(await storyOf(db), before);
    const logged = await db.all<{ kind: string; stories: string }>("SELECT kind, stories FROM story_log WHERE kind = 'rebuild'");
    assert.equal(logged.length, 1);
    assert.equal(JSON.parse(logged[0]!.stories).articles, 9);
    // Every story's history shows it (the story page reads it).
    for (const id of new Set(before.values())) assert.ok((await storyDetail(db, id)).history.some((h) => h.kind === 'rebuild'));
    await assertConsistent(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a rebuild keeps what editors decided: a split-off article stays apart, merged stories stay one; a later ingest follows', { skip: !hasSeeds && 'no seeds' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-rebuild-'));
  const db = await openStore(join(dir, 'store.db'));
  try {
    await ingest(db, [EXAMPLES, SEEDS]);
    const stories = await listStories(db);
    const seeds = stories.find((s) => s.articles === 5)!.id;
    const bridge = stories.find((s) => s.articles === 4)!.id;
    const seedArticles = [...(await storyOf(db))].filter(([, s]) => s === seeds).map(([a]) => a);
    const last = Math.max(...seedArticles);
    const split = await splitStoryBy(db, seeds, [last], 'checking the rebuild keeps a split');
    const summary = await rebuildStories(db);
    assert.equal(summary.editorSplits, 1);
    let now = await storyOf(db);
    assert.notEqual(now.get(last), now.get(Math.min(...seedArticles)), 'the split-off article is still apart');
    assert.equal(now.get(last), split, 'and keeps its story id');
    // An editor's merge of two stories of different events stays: the editor knows better.
    await mergeStoriesBy(db, bridge, [seeds], 'one dossier');
    const again = await rebuildStories(db);
    assert.equal(again.editorMerges, 1);
    now = await storyOf(db);
    assert.equal(new Set(seedArticles.filter((a) => a !== last).map((a) => now.get(a))).size, 1);
    assert.equal(now.get(Math.min(...seedArticles)), now.get([...now].find(([a]) => !seedArticles.includes(a))![0]), 'the merged stories are one');
    await assertConsistent(db);
    // A later ingest restores from the rebuilt stories: a copy of a bridge report with other chrome joins its story.
    const copyDir = mkdtempSync(join(dir, 'copy-'));
    const bridgeArticle = [...now].find(([a]) => !seedArticles.includes(a))![0];
    const text = (await db.one<{ content: string }>('SELECT c.content FROM articles a JOIN contents c ON c.hash = a.hash WHERE a.id = $1', [bridgeArticle]))!.content;
    writeFileSync(join(copyDir, 'relayed.txt'), `Listen to this article\n\n${text}\n\nSubscribe to our newsletter.`);
    await ingest(db, [copyDir]);
    const latest = await storyOf(db);
    const newest = Math.max(...latest.keys());
    assert.equal(latest.get(newest), latest.get(bridgeArticle));
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
