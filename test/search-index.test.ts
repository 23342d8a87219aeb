// SQLite's full-text index is kept behind ingest and catches up when searched, a chunk of articles
// per statement (search-index.ts, migration 6). It must hold what the original per-article
// trigger put there: the same searches find the same articles in the same order as after
// rebuilding the index the trigger's way, from the stored features. And every search sees every
// article stored before it, however it was stored (ingest, or the queue and a worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/collect/ingest.ts';
import { openStore } from '../src/store/open-store.ts';
import { searchArticles } from '../src/serve/search.ts';
import { indexedTerms, searchIndexBehind } from '../src/store/search-index.ts';
import { enqueueInputs } from '../src/collect/enqueue.ts';
import { runWorker } from '../src/work/worker.ts';
import type { Database } from '../src/store/database.ts';
import { hasSeeds, SEEDS } from './support.ts';
import { hasEcbplus } from './quality/ecbplus.ts';
import { writeArticles } from './helpers/store-checks.ts';

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));

test('the full-text index, caught up by the first search, answers every search as the trigger-filled one did', async () => {
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
    assert.equal(await indexedThrough(db), 0, 'ingest indexes nothing');
    assert.ok(await searchIndexBehind(db));
    const rows = await db.all<{ features: string | null; title: string | null }>('SELECT features, title FROM articles ORDER BY id');
    assert.ok(rows.length >= 9, `${rows.length} articles`);
    // Every article's first terms and title words, searched one at a time and in pairs.
    const queries = new Set<string>();
    for (const row of rows) {
      const terms = row.features ? Object.keys((JSON.parse(row.features) as { terms: Record<string, number> }).terms).slice(0, 6) : [];
      for (const term of terms) queries.add(term);
      if (terms.length > 1) queries.add(`${terms[0]} ${terms[1]}`);
      for (const word of (row.title ?? '')
        .toLowerCase()
        .split(/\W+/)
        .filter((w) => w.length > 3)
        .slice(0, 2))
        queries.add(word);
    }
    const answers = async () => {
      const all: number[][] = [];
      for (const q of queries) all.push((await searchArticles(db, q.split(' '), 50, 0)).articles.map((a) => a.id));
      return all;
    };
    // The terms read off the stored JSON are its keys, as parsing it gives them.
    for (const row of rows) assert.equal(indexedTerms(row.features), parsedTerms(row.features));
    const batched = await answers();
    assert.ok(batched.filter((ids) => ids.length > 0).length > queries.size / 2, 'most searches find something');
    assert.equal(await indexedThrough(db), rows.length, 'the first search indexed every article');
    assert.equal(await searchIndexBehind(db), false);
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

async function indexedThrough(db: Database): Promise<number> {
  return Number((await db.one<{ n: number }>('SELECT indexed_through AS n FROM search_progress'))!.n);
}

/** Ids of the articles found by the first term of `articleId`'s stored features. */
async function foundByOwnTerm(db: Database, articleId: number): Promise<{ term: string; ids: number[] }> {
  const row = await db.one<{ features: string }>('SELECT features FROM articles WHERE id = $1', [articleId]);
  const term = Object.keys((JSON.parse(row!.features) as { terms: Record<string, number> }).terms)[0]!;
  return { term, ids: (await searchArticles(db, [term], 1000, 0)).articles.map((a) => a.id) };
}

test('a search sees every article stored before it: ingested after an earlier search, or queued and cleaned by a worker before or after one', async () => {
  const work = mkdtempSync(join(tmpdir(), 'corroborate-search-'));
  const db = await openStore(join(work, 'store.db'));
  try {
    await ingest(db, [EXAMPLES], { prepareThreads: 0 });
    const first = await db.one<{ id: number }>('SELECT MIN(id) AS id FROM articles WHERE features IS NOT NULL');
    assert.ok((await foundByOwnTerm(db, first!.id)).ids.includes(first!.id));
    const indexed = await indexedThrough(db);

    // Ingested after that search: the next one indexes it first.
    const later = join(work, 'later');
    mkdirSync(later);
    writeFileSync(join(later, 'report.txt'), 'Harbour pilots walked out at Veldmark on Tuesday, stranding 14 container ships.\n\nThe pilots union said talks had failed.\n');
    await ingest(db, [later], { prepareThreads: 0 });
    const ingested = Number((await db.one<{ id: number }>('SELECT MAX(id) AS id FROM articles'))!.id);
    assert.ok(ingested > indexed);
    assert.deepEqual(
      (await searchArticles(db, ['veldmark'], 10, 0)).articles.map((a) => a.id),
      [ingested],
    );

    // Queued: a search before the worker cleans it indexes it without terms; the worker's update
    // then indexes its terms. Queued and cleaned before any search: the search indexes its terms.
    const queued = join(work, 'queued');
    mkdirSync(queued);
    writeFileSync(join(queued, 'a.txt'), 'Ferry crews at Ostrandt harbour stopped work on Monday over pay, the port authority said.\n');
    await enqueueInputs(db, [queued]);
    const a = Number((await db.one<{ id: number }>('SELECT MAX(id) AS id FROM articles'))!.id);
    assert.deepEqual((await searchArticles(db, ['ostrandt'], 10, 0)).articles, [], 'not cleaned yet: no terms to find');
    assert.equal(await indexedThrough(db), a);
    await runWorker(db, { exitWhenIdle: true, briefDelayMs: 0 });
    assert.deepEqual(
      (await searchArticles(db, ['ostrandt'], 10, 0)).articles.map((hit) => hit.id),
      [a],
    );

    writeFileSync(join(queued, 'b.txt'), 'Dock cranes at Pellworth stood idle on Wednesday as the strike spread, officials said.\n');
    await enqueueInputs(db, [queued]);
    const b = Number((await db.one<{ id: number }>('SELECT MAX(id) AS id FROM articles'))!.id);
    await runWorker(db, { exitWhenIdle: true, briefDelayMs: 0 });
    assert.ok(await searchIndexBehind(db), 'the worker left it to the next search');
    assert.deepEqual(
      (await searchArticles(db, ['pellworth'], 10, 0)).articles.map((hit) => hit.id),
      [b],
    );
    // Each article is in the index once: searching for a word of both finds each once.
    const both = (await searchArticles(db, ['harbour'], 100, 0)).articles.map((hit) => hit.id);
    assert.equal(new Set(both).size, both.length);
  } finally {
    await db.close();
    rmSync(work, { recursive: true, force: true });
  }
});

function parsedTerms(features: string | null): string | null {
  if (features === null) return null;
  const keys = Object.keys((JSON.parse(features) as { terms: Record<string, number> }).terms);
  return keys.length ? keys.join(' ') : null;
}

test('the terms read off a features record are its keys, whatever they hold and however it is laid out', () => {
  const records = [
    { terms: {}, names: {} },
    { terms: { bridge: 3, '2024': 1, 'new york': 2 }, names: { lohan: 1 } },
    { terms: { 'say "no"': 1, 'back\\slash': 2, 'line\nbreak': 1, é: 1, '\u2028': 1, '\ud800': 1, plain: 1 }, names: {} },
    { terms: { a: 1.5, b: -2, c: 1e21 }, names: {} },
  ];
  for (const record of records) {
    const json = JSON.stringify(record);
    assert.equal(indexedTerms(json), parsedTerms(json), json);
  }
  // Another layout (names first, spaces) is parsed in full.
  assert.equal(indexedTerms('{"names":{"x":1},"terms":{"b":1,"a":2}}'), 'b a');
  assert.equal(indexedTerms('{ "terms": { "b": 1 } }'), 'b');
  assert.equal(indexedTerms(null), null);
});

test("a search snippet shows the article's words, never a web address pasted in its text", async () => {
  const { plainText, snippet } = await import('../src/serve/snippet.ts');
  const text = plainText({
    format: 'text',
    content:
      'https://www.harbourline-news.example/2024/05/crane-collapse-kessing?ref=feed\n\nA container crane collapsed at Kessing harbour on Tuesday (see www.kessing-port.example/notice), injuring two dock workers.',
  });
  assert.doesNotMatch(text, /https?:|www\./);
  const { articleFeatures } = await import('../src/stories/features.ts');
  const found = snippet(text, Object.keys(articleFeatures('crane').terms));
  assert.ok(found?.text.startsWith('A container crane collapsed'), String(found?.text));
});
