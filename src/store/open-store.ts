// `--db` → an open, migrated database: a postgres:// URL, or a file path for the embedded store.
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrations.ts';

export const DEFAULT_DB_PATH = 'corroborate.db';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface OpenOptions {
  /** PostgreSQL pool size. */
  max?: number;
  /** A command that only reads (or corrects) what is stored: a missing store is an error, never created. */
  mustExist?: boolean;
  /** Before writing: SQLite's quick_check, so nothing is written into a damaged file. */
  check?: boolean;
}

/** The 16 bytes every SQLite database file starts with. */
const SQLITE_HEADER = 'SQLite format 3\0';

/** Opens the store named by `--db`, then $CORROBORATE_DB, then ./corroborate.db; migrates it. */
export async function openStore(location?: string, options: OpenOptions = {}): Promise<Database> {
  const where = location ?? process.env.CORROBORATE_DB ?? DEFAULT_DB_PATH;
  let db: Database;
  if (isPostgresUrl(where)) {
    const { openPostgres } = await import('./postgres.ts');
    db = await openPostgres(where, options);
  } else {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(where)) throw new Error(`--db ${where}: not a file path or a postgres:// URL`);
    const path = resolve(where);
    const exists = existsSync(path);
    if (exists && statSync(path).isDirectory()) throw new Error(`--db ${where}: is a directory, not a database file`);
    if (!exists && options.mustExist) throw new Error(`--db ${where}: no store there (ingest articles into it first, or give the right --db)`);
    if (exists) await refuseForeignFile(where, path);
    mkdirSync(dirname(path), { recursive: true });
    const { openSqlite } = await import('./sqlite.ts');
    try {
      db = openSqlite(path);
    } catch (error) {
      throw storeError(where, error);
    }
  }
  try {
    await migrate(db);
    if (options.check && db.dialect === 'sqlite') await quickCheck(db, where);
  } catch (error) {
    await db.close();
    throw storeError(where, error);
  }
  return db;
}

/** How long an empty store file may stay empty: another process creating it writes its header within milliseconds. */
const CREATING_MS = 3000;

/** An existing file that is not a SQLite database (empty, truncated to nothing, another format) is never taken for a new store. */
async function refuseForeignFile(where: string, path: string): Promise<void> {
  // A file SQLite has just created is empty until its first transaction: wait for it a moment.
  for (let waited = 0; statSync(path).size === 0 && waited < CREATING_MS; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  const size = statSync(path).size;
  if (size === 0) throw new Error(`--db ${where}: the file is empty (0 bytes), not a store; if it was one, restore it from a backup, else remove it`);
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_HEADER) throw new Error(`--db ${where}: not a SQLite database (its first bytes are not SQLite's); give another --db`);
}

/** SQLite's full integrity check (every page, index and constraint): 'ok', or what is wrong, one line per problem (at most 20). */
export async function integrityCheck(db: Database): Promise<string[]> {
  if (db.dialect !== 'sqlite') return ['ok'];
  const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check(20)');
  return rows.map((r) => r.integrity_check);
}

async function quickCheck(db: Database, where: string): Promise<void> {
  const rows = await db.all<{ quick_check: string }>('PRAGMA quick_check(3)');
  const verdict =
    rows
      .map((r) => r.quick_check)
      .join(' ')
      .replace(/\*\*\* in database \w+ \*\*\*\s*/g, '')
      .replace(/\s+/g, ' ')
      .trim() || 'no answer';
  if (verdict !== 'ok') throw new Error(`--db ${where}: the store is damaged (${verdict.slice(0, 160)}); nothing was written: restore it from a backup`);
}

/** SQLite's own words on a damaged or foreign file, with the store named and what to do. */
export function storeError(where: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('--db ')) return error as Error;
  const code = (error as { code?: string }).code ?? '';
  if (/CORRUPT|NOTADB/.test(code) || /malformed|not a database/.test(message)) {
    return new Error(`--db ${where}: the store is damaged (${message}); restore it from a backup`);
  }
  if (/READONLY|CANTOPEN|PERM/.test(code)) return new Error(`--db ${where}: ${message} (check the file's permissions)`);
  if (/FULL/.test(code)) return new Error(`--db ${where}: the disk is full (${message}); nothing of the failed batch was kept`);
  return error instanceof Error ? error : new Error(message);
}
