// PostgreSQL through node-postgres: a pool, one client per transaction.
import pg from 'pg';
import { redactUrl, type Database, type SqlValue } from './database.ts';

// COUNT(*) and BIGINT come back as strings by default; every count here fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

type Queryable = pg.Pool | pg.PoolClient;

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server (a restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new PostgresDatabase(pool, pool, redactUrl(url));
  await db.one('SELECT 1 AS ok');
  return db;
}

class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly pool: pg.Pool,
    private readonly target: Queryable,
    readonly location: string,
  ) {}

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return (await this.target.query(sql, params)).rows as T[];
  }

  async one<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return (await this.target.query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return (await this.target.query(sql, params)).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.target.query(sql);
  }

  async transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
    if (this.target !== this.pool) return fn(this); // already inside one
    const client = await this.pool.connect();
    let failed = false;
    // A server that goes away mid-transaction makes the client emit 'error' besides failing the
    // query; without a listener that event would end the process instead of this transaction.
    const onError = () => undefined;
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresDatabase(this.pool, client, this.location));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      failed = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      // After a failure the connection may be broken: drop it rather than lend it out again.
      client.release(failed);
    }
  }

  async close(): Promise<void> {
    if (this.target === this.pool) await this.pool.end();
  }
}
