// Stories and the story log: every assignment, merge and split, in order, with its reason.
import { placeholders, type Database } from './database.ts';

export interface StoryLogEntry {
  seq: number;
  kind: 'assign' | 'merge' | 'split' | 'rebuild';
  story_id: number;
  article_id: number | null;
  stories: string | null;
  similarity: number | null;
  reason: string | null;
}

/** A date-time with an offset in UTC, so first/last seen compare as strings; a plain date as it is. */
export function seenAt(published: string | null): string | null {
  if (!published?.includes('T')) return published;
  const ms = Date.parse(published);
  return Number.isNaN(ms) ? published : new Date(ms).toISOString();
}

export async function createStory(db: Database, id: number, title: string | null, published: string | null, at: string): Promise<void> {
  const seen = seenAt(published);
  await db.run('INSERT INTO stories (id, title, first_seen, last_seen, created_at) VALUES ($1, $2, $3, $3, $4)', [id, title, seen, at]);
}

/** Widens the story's first/last seen to include `published`. */
export async function touchStory(db: Database, id: number, published: string | null): Promise<void> {
  published = seenAt(published);
  if (!published) return;
  await db.run(
    `UPDATE stories SET
       first_seen = CASE WHEN first_seen IS NULL OR $2 < first_seen THEN $2 ELSE first_seen END,
       last_seen = CASE WHEN last_seen IS NULL OR $2 > last_seen THEN $2 ELSE last_seen END
     WHERE id = $1`,
    [id, published],
  );
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

/**
 * Moves `articles` out of story `from` into a new story (whose id is the first of them), and logs
 * why. Returns the new story's id. A person correcting the clusterer does this; it never happens by itself.
 */
export async function splitStory(db: Database, from: number, articles: number[], reason: string, at: string): Promise<number> {
  const moved = [...new Set(articles)].sort((a, b) => a - b);
  const rows = await db.all<{ id: number; title: string | null; published: string | null; story_id: number | null }>(
    `SELECT id, title, published, story_id FROM articles WHERE id IN (${placeholders(moved.length)}) ORDER BY id`,
    moved,
  );
  const strays = moved.filter((id) => !rows.some((r) => Number(r.id) === id && Number(r.story_id) === from));
  if (strays.length) throw new Error(`article${strays.length > 1 ? 's' : ''} ${strays.join(', ')} not in story ${from}`);
  const remaining = await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE story_id = $1', [from]);
  if (Number(remaining?.n ?? 0) <= moved.length) throw new Error(`story ${from} would be left empty: split off fewer articles`);
  const id = moved[0]!;
  const taken = await db.one('SELECT id FROM stories WHERE id = $1', [id]);
  if (taken) throw new Error(`article ${id} once started story ${id}; split off its other articles instead`);
  await createStory(db, id, rows[0]!.title, null, at);
  for (const row of rows) {
    await db.run('UPDATE articles SET story_id = $1 WHERE id = $2', [id, row.id]);
    await touchStory(db, id, row.published);
  }
  await db.run("INSERT INTO story_log (kind, story_id, stories, reason, at) VALUES ('split', $1, $2, $3, $4)", [id, JSON.stringify({ from, articles: moved }), reason, at]);
  return id;
}

/** Every article's current story with its features (exact copies left out), oldest first: the state to rebuild from. */
export async function currentAssignments(db: Database): Promise<{ id: number; story_id: number; features: string; published: string | null }[]> {
  return db.all('SELECT id, story_id, features, published FROM articles WHERE story_id IS NOT NULL AND features IS NOT NULL ORDER BY id');
}

/** Every split so far: [the story split, the story made of what left it]. */
export async function splits(db: Database): Promise<[number, number][]> {
  const rows = await db.all<{ story_id: number; stories: string }>("SELECT story_id, stories FROM story_log WHERE kind = 'split' ORDER BY seq");
  return rows.map((r) => [Number((JSON.parse(r.stories) as { from: number }).from), Number(r.story_id)]);
}

export async function lastLogSeq(db: Database): Promise<number> {
  const row = await db.one<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM story_log');
  return Number(row?.seq ?? 0);
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
            COUNT(DISTINCT a.outlet) AS outlets
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
    `SELECT seq, kind, story_id, article_id, stories, similarity, reason FROM story_log
     WHERE (story_id = $1 AND kind IN ('merge', 'split')) OR (kind = 'split' AND stories LIKE $2) OR kind = 'rebuild' ORDER BY seq`,
    [id, `{"from":${id},%`],
  );
}
