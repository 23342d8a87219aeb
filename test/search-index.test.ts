// SQLite's full-text index is filled by ingest, a batch of articles per statement (migration 4
// dropped the per-article trigger). It must hold what the trigger put there: the same searches
// find the same articles in the same order as after rebuilding the index the trigger's way, from
// the stored features.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/collect/ingest.ts';
import { openStore } from '../src/store/open-store.ts';
import { searchArticles } from '../src/serve/search.ts';
import { hasSeeds, SEEDS } from './support.ts';
import { hasEcbplus } from './quality/ecbplus.ts';
import { writeArticles } from './helpers/store-checks.ts';

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));

test('the batch-filled full-text index answers every search as the trigger-filled one did', async () => {
  const work = mkdtempSync(join(tmpdir(), 'corroborate-search-'));
  const db = await openStore(join(work, 'store.db'));
  try {
    const inputs = [EXAMPLES, ...(hasSeeds ? [SEEDS] : [])];
    if (hasEcbplus()) {
      writeArticles(join(work, 'ecb'), 150);
      inputs.push(join(work, 'ecb'));
    }
    // Small batches, so the index is written by several statements, and an exact copy (the examples twice under another name).
    await ingest(db, inputs, { batchSize: 16, prepareThreads: 0 });
    const rows = await db.all<{ features: string | null; title: string | null }>('SELECT features, title FROM articles ORDER BY id');
    assert.ok(rows.length >= 9, `${rows.length} articles`);
    // Every article's first terms and title words, searched one at a time and in pairs.
    const queries = new Set<string>();
    for (const row of rows) {
      const terms = row.features ? Object.keys((JSON.parse(row.features) as { terms: Record<string, number> }).terms).slice(0, 6) : [];
      for (const term of terms) queries.add(term);
      if (terms.length > 1) queries.add(`${terms[0]} ${terms[1]}`);
      for (const word of (row.title ?? '').toLowerCase().split(/\W+/).filter((w) => w.length > 3).slice(0, 2)) queries.add(word);
    }
    const answers = async () => {
      const all: number[][] = [];
      for (const q of queries) all.push((await searchArticles(db, q.split(' '), 50, 0)).articles.map((a) => a.id));
      return all;
    };
    const batched = await answers();
    assert.ok(batched.filter((ids) => ids.length > 0).length > queries.size / 2, 'most searches find something');
    // A fresh index (a delete from a contentless table leaves its statistics behind), filled as the trigger did.
    await db.exec(`
      DROP TABLE article_search;
      CREATE VIRTUAL TABLE article_search USING fts5(title, terms, content='', contentless_delete=1);
      INSERT INTO article_search (rowid, title, terms)
        SELECT id, title, (SELECT group_concat(key, ' ') FROM json_each(features, '$.terms')) FROM articles ORDER BY id;`);
    assert.deepEqual(await answers(), batched);
  } finally {
    await db.close();
    rmSync(work, { recursive: true, force: true });
  }
});
