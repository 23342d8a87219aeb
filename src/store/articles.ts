// Articles and their stored content: what ingest writes and what a brief of a story reads back.
import type { RawInput } from '../ingest/raw-input.ts';
import { placeholders, type Database } from './database.ts';

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
  /** `features` serialised already (stored as is instead of serialising `features` again). */
  featuresJson?: string;
  copyOf: number | null;
  copySimilarity: number | null;
}

export async function articleBySourceAndHash(db: Database, source: string, hash: string): Promise<ArticleRow | undefined> {
  return db.one<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE source = $1 AND hash = $2`, [source, hash]);
}

/** The first article stored with this content, if any (the original of later exact copies). */
export async function firstArticleWithHash(db: Database, hash: string): Promise<ArticleRow | undefined> {
  return db.one<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE hash = $1 ORDER BY id LIMIT 1`, [hash]);
}

export async function insertContent(db: Database, hash: string, format: RawInput['format'], content: string): Promise<void> {
  await db.run('INSERT INTO contents (hash, format, content) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING', [hash, format, content]);
}

export async function insertArticle(db: Database, article: NewArticle, at: string): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO articles (source, hash, hints, doc_id, outlet, title, published, features, copy_of, copy_similarity, ingested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      article.source,
      article.hash,
      JSON.stringify(article.hints),
      article.docId,
      article.outlet,
      article.title,
      article.published,
      article.features === null ? null : (article.featuresJson ?? JSON.stringify(article.features)),
      article.copyOf,
      article.copySimilarity,
      at,
    ],
  );
  return Number(row!.id);
}

export async function setArticleStory(db: Database, articleId: number, storyId: number): Promise<void> {
  await db.run('UPDATE articles SET story_id = $1 WHERE id = $2', [storyId, articleId]);
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
