// One small interface over the two stores: SQLite embedded (better-sqlite3) and PostgreSQL (pg).
// Queries are written once, with PostgreSQL's $1 placeholders; the SQLite adapter rewrites them.

export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface Database {
  readonly dialect: Dialect;
  /** Where the data lives, for messages (a path, or the URL without its password). */
  readonly location: string;
  all<T = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  one<T = Row>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  /** A statement without rows; resolves to the number of rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /** Several statements separated by semicolons, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** All or nothing: `fn` runs on a connection of its own inside BEGIN … COMMIT, ROLLBACK on a throw. */
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** "$2 … $1 … $2" → "? … ? … ?" and the parameters in the order the question marks need them. */
export function toPositional(sql: string): { sql: string; order: number[] } {
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { sql: text, order };
}

/** "$3, $4, $5" for `count` parameters starting at $`from` (an IN list). */
export function placeholders(count: number, from = 1): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}

/**
 * "($1, $2), ($3, $4)" for `rows` rows of `width` values (a multi-row VALUES list); with `types`,
 * each value cast (VALUES in FROM has no column types to go by).
 */
export function rowPlaceholders(rows: number, width: number, types?: string[]): string {
  // Kept: a batch's statements ask for the same few shapes every time, and building a 128-row
  // list is a couple of thousand small strings, which the store's statement cache then hashes.
  const shape = `${rows} ${width} ${types?.join(' ') ?? ''}`;
  let text = ROW_PLACEHOLDERS.get(shape);
  if (text === undefined) {
    const row = (r: number) => (types ? types.map((type, c) => `CAST($${r * width + c + 1} AS ${type})`).join(', ') : placeholders(width, r * width + 1));
    text = Array.from({ length: rows }, (_, r) => `(${row(r)})`).join(', ');
    if (ROW_PLACEHOLDERS.size < ROW_SHAPES_KEPT) ROW_PLACEHOLDERS.set(shape, text);
  }
  return text;
}

/** Row lists kept by shape (callers cut their rows with powerOfTwoChunks: a few shapes each). */
const ROW_SHAPES_KEPT = 64;
const ROW_PLACEHOLDERS = new Map<string, string>();

/** A database URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * Rows per statement: at most 128 (well under SQLite's 32,766 parameters and PostgreSQL's 65,535
 * at 13 columns), and always a power of two, so that a statement over a list of rows has at most
 * eight shapes: SQLite keeps each shape prepared (a 128-row INSERT of 13 columns holds about
 * 180 KB), and a shape for every length a list happens to have would add up.
 */
const MAX_ROWS_PER_STATEMENT = 128;

/** `rows` cut into runs of 128, 64, …, 1 rows. */
export function powerOfTwoChunks<T>(rows: T[]): T[][] {
  const chunks: T[][] = [];
  let from = 0;
  for (let size = MAX_ROWS_PER_STATEMENT; size >= 1; size >>= 1) {
    while (rows.length - from >= size) {
      chunks.push(rows.slice(from, from + size));
      from += size;
    }
  }
  return chunks;
}
