// `--db` → an open, migrated database: a postgres:// URL, or a file path for the embedded store.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrations.ts';

export const DEFAULT_DB_PATH = 'corroborate.db';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens the store named by `--db`, then $CORROBORATE_DB, then ./corroborate.db; migrates it. */
export async function openStore(location?: string, options: { max?: number } = {}): Promise<Database> {
  const where = location ?? process.env.CORROBORATE_DB ?? DEFAULT_DB_PATH;
  let db: Database;
  if (isPostgresUrl(where)) {
    const { openPostgres } = await import('./postgres.ts');
    db = await openPostgres(where, options);
  } else {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(where)) throw new Error(`--db ${where}: not a file path or a postgres:// URL`);
    const path = resolve(where);
    if (existsSync(path) && statSync(path).isDirectory()) throw new Error(`--db ${where}: is a directory, not a database file`);
    mkdirSync(dirname(path), { recursive: true });
    const { openSqlite } = await import('./sqlite.ts');
    db = openSqlite(path);
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
