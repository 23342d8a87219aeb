// Checks shared by the store and worker tests.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, SqlValue } from '../../src/store/database.ts';
import { loadEcbplus } from '../quality/ecbplus.ts';

/** Every stored article is in a live story and was assigned exactly once. */
export async function assertConsistent(db: Database): Promise<void> {
  const orphans = await db.all('SELECT id FROM articles WHERE story_id IS NULL');
  assert.deepEqual(orphans, [], 'every article is in a story');
  const twice = await db.all("SELECT article_id FROM story_log WHERE kind = 'assign' GROUP BY article_id HAVING COUNT(*) <> 1");
  assert.deepEqual(twice, [], 'every article assigned exactly once');
  const unlogged = await db.all("SELECT a.id FROM articles a LEFT JOIN story_log l ON l.article_id = a.id AND l.kind = 'assign' WHERE l.seq IS NULL");
  assert.deepEqual(unlogged, [], 'every article has its assignment in the log');
  const inDeadStory = await db.all('SELECT a.id FROM articles a JOIN stories s ON s.id = a.story_id WHERE s.merged_into IS NOT NULL');
  assert.deepEqual(inDeadStory, [], 'no article left in a story that was merged away');
}

/** Distinct ECB+ texts written as files (a stream of real articles about many events). */
export function writeArticles(dir: string, n: number): number {
  mkdirSync(dir, { recursive: true });
  const articles = loadEcbplus().slice(0, n);
  for (const a of articles) writeFileSync(join(dir, a.id.replace(/\.xml$/, '.txt')), a.text);
  return articles.length;
}

/**
 * `db` whose transactions show every statement to `hook` first (all, one and run), which may throw
 * to fail it, as a full disk or a lost connection would.
 */
export function withStatementHook(db: Database, hook: (sql: string, params: SqlValue[]) => void): Database {
  const hooked = (tx: Database) => {
    const methods = (['all', 'one', 'run'] as const).map((method) => [
      method,
      {
        value: (sql: string, params: SqlValue[] = []) => {
          hook(sql, params);
          return tx[method](sql, params) as Promise<unknown>;
        },
      },
    ]);
    return Object.create(tx, Object.fromEntries(methods)) as Database;
  };
  return Object.create(db, {
    transaction: { value: <T>(fn: (tx: Database) => Promise<T>) => db.transaction((tx) => fn(hooked(tx))) },
  });
}
