// SQLite's full-text index over article titles and terms, kept behind ingest: a search first
// indexes whatever was stored since the last catch-up (and `corroborate serve` catches up in the
// background while it runs), so every search sees every stored article, while ingest, the hot
// path, writes no index at all (FTS5 cost about a tenth of the stream benchmark's CPU there).
// search_progress (migration 6) records how far the index has come; articles get ids in commit
// order, one past the largest, so everything above that mark is what is left to index.
// PostgreSQL indexes its generated search column by itself: nothing to catch up there.
import { setTimeout as delay } from 'node:timers/promises';
import { powerOfTwoChunks, rowPlaceholders, type Database } from './database.ts';

/** Articles indexed per transaction: an ingest waiting on the write lock waits for one chunk at most. */
const CHUNK = 1000;

interface Unindexed {
  id: number;
  title: string | null;
  features: string | null;
}

/** Whether articles were stored since the index last caught up (a read; takes no lock). */
export async function searchIndexBehind(db: Database): Promise<boolean> {
  if (db.dialect !== 'sqlite') return false;
  const row = await db.one<{ behind: number }>('SELECT (SELECT MAX(id) FROM articles) > (SELECT indexed_through FROM search_progress) AS behind');
  return row?.behind === 1;
}

/**
 * Indexes every article stored since the last catch-up, a chunk per transaction, and returns how
 * many. In the `background` (until that signal aborts), it lets other work run between chunks.
 */
export async function catchUpSearchIndex(db: Database, options: { background?: AbortSignal } = {}): Promise<number> {
  const { background } = options;
  let indexed = 0;
  while (!background?.aborted && (await searchIndexBehind(db))) {
    indexed += await db.transaction(indexChunk);
    if (background) await new Promise(setImmediate);
  }
  return indexed;
}

/**
 * Keeps the index current while `signal` is not aborted: catches up, then looks again every
 * `pollMs` (one cheap read when nothing is new), so articles an ingest stores meanwhile (a feed
 * coming in while `serve` runs) are indexed before anyone searches for them. A failed catch-up
 * (the store busy or gone) is told to `onError` and tried again at the next look.
 */
export async function keepSearchIndexCurrent(db: Database, signal: AbortSignal, pollMs: number, onError: (error: unknown) => void): Promise<void> {
  if (db.dialect !== 'sqlite') return;
  while (!signal.aborted) {
    try {
      await catchUpSearchIndex(db, { background: signal });
    } catch (error) {
      onError(error);
    }
    await delay(pollMs, undefined, { signal }).catch(() => undefined);
  }
}

/** The next chunk of unindexed articles into the index, and the mark moved past them. */
async function indexChunk(tx: Database): Promise<number> {
  const rows = await tx.all<Unindexed>(`SELECT id, title, features FROM articles WHERE id > (SELECT indexed_through FROM search_progress) ORDER BY id LIMIT ${CHUNK}`);
  if (!rows.length) return 0;
  for (const chunk of powerOfTwoChunks(rows)) {
    await tx.run(
      `INSERT INTO article_search (rowid, title, terms) VALUES ${rowPlaceholders(chunk.length, 3)}`,
      chunk.flatMap((row) => [row.id, row.title, indexedTerms(row.features)]),
    );
  }
  await tx.run('UPDATE search_progress SET indexed_through = $1', [rows[rows.length - 1]!.id]);
  return rows.length;
}

/** What the index takes of an article's features: the keys of `terms`, space-separated (null without features: an exact copy, or an article not cleaned yet). */
export function indexedTerms(features: string | null): string | null {
  if (features === null) return null;
  const keys = termKeys(features) ?? Object.keys((JSON.parse(features) as { terms: Record<string, number> }).terms);
  return keys.length ? keys.join(' ') : null;
}

const TERMS_START = '{"terms":{';

/**
 * The keys of `terms` read straight off the JSON as ingest writes it (`{"terms":{"key":count,…},…}`,
 * keys in order), about ten times faster than parsing the whole record; null for anything else
 * (an escaped key, another layout), which the caller parses in full.
 */
function termKeys(json: string): string[] | null {
  if (!json.startsWith(TERMS_START)) return null;
  const keys: string[] = [];
  let i = TERMS_START.length;
  if (json.charCodeAt(i) === 125 /* } */) return keys;
  for (;;) {
    if (json.charCodeAt(i) !== 34 /* " */) return null;
    const end = json.indexOf('"', i + 1);
    if (end < 0) return null;
    const key = json.slice(i + 1, end);
    if (key.includes('\\')) return null;
    keys.push(key);
    i = end + 1;
    if (json.charCodeAt(i++) !== 58 /* : */) return null;
    while (isNumberChar(json.charCodeAt(i))) i++;
    const next = json.charCodeAt(i++);
    if (next === 125 /* } */) return keys;
    if (next !== 44 /* , */) return null;
  }
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 43 || c === 101 || c === 69;
}
