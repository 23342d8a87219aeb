// The embedded store: one SQLite file through better-sqlite3 (synchronous, so statements are fast
// and a transaction cannot interleave with another from this process).
import BetterSqlite3 from 'better-sqlite3';
import { toPositional, type Database, type SqlValue } from './database.ts';

export function openSqlite(path: string): Database {
  const db = new BetterSqlite3(path);
  // First: another process opening or writing the store at this moment (two ingests started
  // together) makes the pragmas below wait for its lock instead of failing with "database is locked".
  db.pragma('busy_timeout = 10000');
  // A new store's pages hold an article row (5-10 KB of content or features) without overflow
  // pages, and a WAL checkpoint copies a quarter as many: storing a batch took a quarter less time
  // than with 4 KB pages. Ignored for a store created already (its page size is fixed).
  db.pragma('page_size = 16384');
  // WAL lets readers (the server) run while an ingest writes; NORMAL is durable across a process
  // crash (kill -9), which is the failure a CLI run meets, and much faster than FULL.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return new SqliteDatabase(db, path);
}

/** Prepared statements kept per connection (a big multi-row one holds a couple of hundred KB). */
const PREPARED_KEPT = 256;

class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, { statement: BetterSqlite3.Statement; order: number[] }>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: BetterSqlite3.Database,
    readonly location: string,
  ) {}

  private prepare(sql: string, params: SqlValue[]): { statement: BetterSqlite3.Statement; args: SqlValue[] } {
    let cached = this.statements.get(sql);
    if (cached) {
      // The most recently used last, so the one unused longest goes first.
      this.statements.delete(sql);
    } else {
      const { sql: text, order } = toPositional(sql);
      cached = { statement: this.db.prepare(text), order };
      // Bounded: IN lists make a statement per length, and a long-running process sees many.
      if (this.statements.size >= PREPARED_KEPT) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, cached);
    return { statement: cached.statement, args: cached.order.map((i) => params[i] ?? null) };
  }

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    const { statement, args } = this.prepare(sql, params);
    return statement.all(...args) as T[];
  }

  async one<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    const { statement, args } = this.prepare(sql, params);
    return statement.get(...args) as T | undefined;
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    const { statement, args } = this.prepare(sql, params);
    return statement.run(...args).changes;
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
    // One connection: transactions from this process take turns, so an await inside one cannot let
    // another's statements in.
    const next = this.queue.then(() => this.inTransaction(fn));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async inTransaction<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock at BEGIN, so two processes never both read then both write.
    this.db.exec('BEGIN IMMEDIATE');
    // Inside, a nested transaction() is just part of this one.
    const tx: Database = Object.create(this, { transaction: { value: <U>(inner: (t: Database) => Promise<U>) => inner(tx) } });
    try {
      const result = await fn(tx);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
