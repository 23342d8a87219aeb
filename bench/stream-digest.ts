// A fingerprint of what an ingest stored: every article with its story and copy, every story and
// every log entry, less the wall-clock times. Two ingests of the same stream must give the same
// digest whatever the number of threads, the batch size or the store (the speed work must never
// change a result), and so must one code version and the next unless it means to.
import { createHash } from 'node:crypto';
import type { Database } from '../src/store/database.ts';

const TABLES: { name: string; sql: string }[] = [
  { name: 'contents', sql: 'SELECT hash, format, length(content) AS size FROM contents ORDER BY hash' },
  {
    name: 'articles',
    sql: 'SELECT id, source, hash, hints, doc_id, outlet, title, published, features, story_id, copy_of, copy_similarity FROM articles ORDER BY id',
  },
  { name: 'stories', sql: 'SELECT id, title, first_seen, last_seen, merged_into FROM stories ORDER BY id' },
  { name: 'story_log', sql: 'SELECT seq, kind, story_id, article_id, stories, similarity, reason FROM story_log ORDER BY seq' },
];

/** sha256 over the rows of each table (sources are cut to their file name: the stream's temp dir differs per run). */
export async function storeDigest(db: Database): Promise<{ digest: string; tables: Record<string, string> }> {
  const all = createHash('sha256');
  const tables: Record<string, string> = {};
  for (const table of TABLES) {
    const hash = createHash('sha256');
    for (const row of await db.all<Record<string, unknown>>(table.sql)) {
      if (typeof row.source === 'string') row.source = row.source.replace(/^.*[\\/]/, '');
      // Both stores give numbers as numbers; PostgreSQL's JSON-free columns are compared as text alike.
      hash.update(JSON.stringify(Object.values(row).map((v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v))) + '\n');
    }
    tables[table.name] = hash.digest('hex').slice(0, 16);
    all.update(`${table.name}:${tables[table.name]}\n`);
  }
  return { digest: all.digest('hex').slice(0, 16), tables };
}
