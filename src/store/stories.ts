// Stories and the story log: every assignment, merge and split, in order, with its reason.
import type { Database } from './database.ts';

export interface StoryLogEntry {
  seq: number;
  kind: 'assign' | 'merge' | 'split';
  story_id: number;
  article_id: number | null;
  stories: string | null;
  similarity: number | null;
  reason: string | null;
}

export async function createStory(db: Database, id: number, title: string | null, published: string | null, at: string): Promise<void> {
  await db.run('INSERT INTO stories (id, title, first_seen, last_seen, created_at) VALUES ($1, $2, $3, $3, $4)', [id, title, published, at]);
}

/** Widens the story's first/last seen to include `published`. */
export async function touchStory(db: Database, id: number, published: string | null): Promise<void> {
  if (!published) return;
  await db.run(
    `UPDATE stories SET
       first_seen = CASE WHEN first_seen IS NULL OR $2 < first_seen THEN $2 ELSE first_seen END,
       last_seen = CASE WHEN last_seen IS NULL OR $2 > last_seen THEN $2 ELSE last_seen END
     WHERE id = $1`,
    [id, published],
  );
}

/** Returns the entry's sequence number. */
export async function logAssign(db: Database, storyId: number, articleId: number, similarity: number, reason: string, at: string): Promise<number> {
  const row = await db.one<{ seq: number }>(
    "INSERT INTO story_log (kind, story_id, article_id, similarity, reason, at) VALUES ('assign', $1, $2, $3, $4, $5) RETURNING seq",
    [storyId, articleId, similarity, reason, at],
  );
  return Number(row!.seq);
}

/** Folds `stories` into `into`: their articles move, they point at `into`, and the log says why. Returns the entry's sequence number. */
export async function mergeStories(db: Database, into: number, stories: number[], reason: string, at: string): Promise<number> {
  for (const from of stories) {
    await db.run('UPDATE articles SET story_id = $1 WHERE story_id = $2', [into, from]);
    await db.run('UPDATE stories SET merged_into = $1 WHERE id = $2', [into, from]);
    const seen = await db.one<{ first: string | null; last: string | null }>('SELECT first_seen AS first, last_seen AS last FROM stories WHERE id = $1', [from]);
    if (seen?.first) await touchStory(db, into, seen.first);
    if (seen?.last) await touchStory(db, into, seen.last);
  }
  const row = await db.one<{ seq: number }>("INSERT INTO story_log (kind, story_id, stories, reason, at) VALUES ('merge', $1, $2, $3, $4) RETURNING seq", [into, JSON.stringify(stories), reason, at]);
  return Number(row!.seq);
}

/** Log entries after `seq`, with what replaying an assignment needs. */
export async function storyLogSince(db: Database, seq: number, limit = 5000): Promise<(StoryLogEntry & { features: string | null; published: string | null; copy_of: number | null })[]> {
  return db.all(
    `SELECT l.seq, l.kind, l.story_id, l.article_id, l.stories, l.similarity, l.reason, a.features, a.published, a.copy_of
     FROM story_log l LEFT JOIN articles a ON a.id = l.article_id
     WHERE l.seq > $1 ORDER BY l.seq LIMIT $2`,
    [seq, limit],
  );
}

export interface StorySummary {
  id: number;
  title: string | null;
  first_seen: string | null;
  last_seen: string | null;
  articles: number;
  reports: number;
  outlets: number;
}

/** Live stories (not merged away), biggest first by outlets then articles. */
export async function listStories(db: Database, options: { limit?: number; offset?: number; minArticles?: number } = {}): Promise<StorySummary[]> {
  return db.all<StorySummary>(
    `SELECT s.id, s.title, s.first_seen, s.last_seen,
            COUNT(a.id) AS articles,
            COUNT(a.id) - COUNT(a.copy_of) AS reports,
            COUNT(DISTINCT COALESCE(a.outlet, a.source)) AS outlets
     FROM stories s JOIN articles a ON a.story_id = s.id
     WHERE s.merged_into IS NULL
     GROUP BY s.id, s.title, s.first_seen, s.last_seen
     HAVING COUNT(a.id) >= $1
     ORDER BY outlets DESC, articles DESC, s.id
     LIMIT $2 OFFSET $3`,
    [options.minArticles ?? 1, options.limit ?? 1_000_000, options.offset ?? 0],
  );
}

export async function storyById(db: Database, id: number): Promise<{ id: number; title: string | null; merged_into: number | null } | undefined> {
  return db.one('SELECT id, title, merged_into FROM stories WHERE id = $1', [id]);
}

export async function storyHistory(db: Database, id: number): Promise<StoryLogEntry[]> {
  return db.all<StoryLogEntry>(
    "SELECT seq, kind, story_id, article_id, stories, similarity, reason FROM story_log WHERE story_id = $1 AND kind <> 'assign' ORDER BY seq",
    [id],
  );
}
