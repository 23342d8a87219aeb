// Articles and their stored content: what ingest writes and what a brief of a story reads back.
import type { RawInput } from '../ingest/raw-input.ts';
import { placeholders, powerOfTwoChunks, rowPlaceholders, type Database, type SqlValue } from './database.ts';

export interface ArticleRow {
  id: number;
  source: string;
  hash: string;
  doc_id: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  story_id: number | null;
  copy_of: number | null;
  copy_similarity: number | null;
  ingested_at: string;
}

export const ARTICLE_COLUMNS = 'id, source, hash, doc_id, outlet, title, published, story_id, copy_of, copy_similarity, ingested_at';

export interface NewArticle {
  source: string;
  hash: string;
  hints: RawInput['hints'];
  docId: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  features: unknown;
  /** The features serialised already: stored as is, whatever `features` says. */
  featuresJson?: string;
  copyOf: number | null;
  copySimilarity: number | null;
  /** The story it is filed under, when that is known before it is stored. */
  storyId?: number | null;
}

export async function articleBySourceAndHash(db: Database, source: string, hash: string): Promise<ArticleRow | undefined> {
  return db.one<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE source = $1 AND hash = $2`, [source, hash]);
}

/** The original's row with what it was prepared from besides its content: its hints as stored, and its content's format. */
export interface StoredOriginal extends ArticleRow {
  hints: string;
  format: RawInput['format'];
}

/** What the store holds of one content, for an input about to be cleaned (see `StoredContents`). */
export interface StoredContent {
  /** The article stored from the input's source with it: the input is stored already. */
  fromSource?: ArticleRow;
  /** The first article stored with it (the original; the one whose format its content row records). */
  original?: StoredOriginal;
}

/** Inputs a query answers at most (a power of two: see `powerOfTwoChunks`). */
const ASKS_PER_QUERY = 64;

const ASKED_COLUMNS = ARTICLE_COLUMNS.replace(/(\w+)/g, 'a.$1');

interface Ask {
  source: string;
  hash: string;
  resolve: (stored: StoredContent) => void;
  reject: (error: unknown) => void;
}

/**
 * What the store holds of each input's content, asked for as inputs are read and answered
 * ASKS_PER_QUERY at a time in one query: a statement per input cost more than the look-up itself
 * (and is a round trip on PostgreSQL). Whoever writes to the store calls `flush` first, so each
 * answer is the one a query at the time of asking would give.
 */
export class StoredContents {
  private asks: Ask[] = [];
  private answered: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database) {}

  ask(source: string, hash: string): Promise<StoredContent> {
    return new Promise((resolve, reject) => {
      this.asks.push({ source, hash, resolve, reject });
      if (this.asks.length >= ASKS_PER_QUERY) void this.flush();
    });
  }

  /** Asks the store about every input held; resolves once every answer so far is in. */
  flush(): Promise<void> {
    if (this.asks.length) {
      const asks = this.asks;
      this.asks = [];
      this.answered = Promise.all([this.answered, answer(this.db, asks)]);
    }
    return this.answered.then(() => undefined);
  }
}

/** Answers the asks (in order), or rejects them all; never rejects itself. */
async function answer(db: Database, asks: Ask[]): Promise<void> {
  const rows: StoredOriginal[][] = asks.map(() => []);
  try {
    let from = 0;
    for (const chunk of powerOfTwoChunks(asks)) {
      // Per input, as one query each gave: the article from its source with its content, and the
      // first with that content; in id order.
      const found = await db.all<StoredOriginal & { asked: number }>(
        `SELECT v.column1 AS asked, ${ASKED_COLUMNS}, a.hints, c.format
         FROM (VALUES ${rowPlaceholders(chunk.length, 3, ['INTEGER', 'TEXT', 'TEXT'])}) AS v
         JOIN articles a ON a.hash = v.column2 AND (a.source = v.column3 OR a.id = (SELECT MIN(id) FROM articles WHERE hash = v.column2))
         JOIN contents c ON c.hash = a.hash
         ORDER BY a.id`,
        chunk.flatMap((ask, k) => [k, ask.hash, ask.source]),
      );
      for (const { asked, ...row } of found) rows[from + Number(asked)]!.push(row);
      from += chunk.length;
    }
  } catch (error) {
    for (const ask of asks) ask.reject(error);
    return;
  }
  asks.forEach((ask, k) => ask.resolve({ fromSource: rows[k]!.find((row) => row.source === ask.source), original: rows[k]![0] }));
}

/** The first article stored with this content, if any (the original of later exact copies). */
export async function firstArticleWithHash(db: Database, hash: string): Promise<ArticleRow | undefined> {
  return db.one<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE hash = $1 ORDER BY id LIMIT 1`, [hash]);
}

export async function insertContent(db: Database, hash: string, format: RawInput['format'], content: string): Promise<void> {
  await db.run('INSERT INTO contents (hash, format, content) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING', [hash, format, content]);
}

export const ARTICLE_INSERT_COLUMNS = ['id', 'source', 'hash', 'hints', 'doc_id', 'outlet', 'title', 'published', 'features', 'story_id', 'copy_of', 'copy_similarity', 'ingested_at'] as const;

/** An article's row in ARTICLE_INSERT_COLUMNS order, under `id` (from `ArticleIds`). */
export function articleValues(article: NewArticle, at: string, id: number): SqlValue[] {
  return [
    id,
    article.source,
    article.hash,
    JSON.stringify(article.hints),
    article.docId,
    article.outlet,
    article.title,
    article.published,
    article.featuresJson ?? (article.features === null ? null : JSON.stringify(article.features)),
    article.storyId ?? null,
    article.copyOf,
    article.copySimilarity,
    at,
  ];
}

/** Stores an article under the next free id; returns the id. */
export async function insertArticle(db: Database, article: NewArticle, at: string): Promise<number> {
  const [, ...values] = articleValues(article, at, 0);
  const row = await db.one<{ id: number }>(`INSERT INTO articles (${ARTICLE_INSERT_COLUMNS.slice(1).join(', ')}) VALUES (${placeholders(values.length)}) RETURNING id`, values);
  return Number(row!.id);
}

/**
 * Ids for the articles one transaction is about to insert, handed out before the insert (the
 * clusterer files an article under its id, and the row is written with its story). SQLite: the
 * transaction holds the write lock, so the next ids are the ones SQLite itself would pick, one past
 * the largest; PostgreSQL: from the column's sequence, as a default id would be. Use one per transaction.
 */
export class ArticleIds {
  private last: number | null = null;
  private reserved: number[] = [];

  constructor(private readonly tx: Database) {}

  /** PostgreSQL: takes the next `count` ids from the sequence in one round trip (SQLite needs none). */
  async reserve(count: number): Promise<void> {
    if (this.tx.dialect !== 'postgres' || count <= 0) return;
    const rows = await this.tx.all<{ id: string }>("SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS id FROM generate_series(1, $1)", [count]);
    this.reserved.push(...rows.map((r) => Number(r.id)).sort((a, b) => a - b));
  }

  async next(): Promise<number> {
    if (this.tx.dialect === 'postgres') {
      const id = this.reserved.shift();
      if (id !== undefined) return id;
      const row = await this.tx.one<{ id: string }>("SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS id");
      return Number(row!.id);
    }
    if (this.last === null) this.last = Number((await this.tx.one<{ id: number | null }>('SELECT MAX(id) AS id FROM articles'))?.id ?? 0);
    return ++this.last;
  }
}

export async function articlesOfStory(db: Database, storyId: number): Promise<ArticleRow[]> {
  return db.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = $1 ORDER BY id`, [storyId]);
}

/** The stored inputs of some articles, ready to clean again exactly as they were at ingest. */
export async function rawInputsOf(db: Database, articleIds: number[]): Promise<RawInput[]> {
  if (!articleIds.length) return [];
  // One query for all of them (a round trip per article adds up on PostgreSQL), then in the order asked.
  const rows = await db.all<{ id: number; source: string; hints: string; format: RawInput['format']; content: string }>(
    `SELECT a.id, a.source, a.hints, c.format, c.content FROM articles a JOIN contents c ON c.hash = a.hash
     WHERE a.id IN (${placeholders(articleIds.length)})`,
    articleIds,
  );
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const inputs: RawInput[] = [];
  for (const id of articleIds) {
    const row = byId.get(id);
    if (row) inputs.push({ source: row.source, format: row.format, content: row.content, hints: JSON.parse(row.hints) as RawInput['hints'] });
  }
  return inputs;
}

export async function articleCount(db: Database): Promise<number> {
  const row = await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles');
  return Number(row?.n ?? 0);
}
