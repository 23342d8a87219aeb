// The rows one ingest transaction writes, held until `flush` and then written a table at a time
// in multi-row statements. On PostgreSQL every statement is a round trip (eight or so per
// article when each row went on its own); in SQLite each costs a call through the driver.
// Flushed in the order the foreign keys need (contents, stories, articles, the stories' first and
// last seen, the story log), so the store ends up exactly as with one statement per row. Whoever
// reads rows this batch may hold (a merge moves a story's articles) flushes first.
import { ARTICLE_INSERT_COLUMNS } from './articles.ts';
import { powerOfTwoChunks, rowPlaceholders, type Database, type SqlValue } from './database.ts';
import { mergeStories, seenAt } from './stories.ts';

export class WriteBatch {
  private contents: SqlValue[][] = [];
  private stories: SqlValue[][] = [];
  private articles: SqlValue[][] = [];
  /** Story id and the date-time it is seen at, once per article filed under it. */
  private touches: SqlValue[][] = [];
  private log: SqlValue[][] = [];

  constructor(private readonly tx: Database) {}

  addContent(hash: string, format: string, content: string): void {
    this.contents.push([hash, format, content]);
  }

  createStory(id: number, title: string | null, published: string | null, at: string): void {
    const seen = seenAt(published);
    this.stories.push([id, title, seen, seen, at]);
  }

  /** An article row, its values in ARTICLE_INSERT_COLUMNS order (`articleValues`). */
  addArticle(values: SqlValue[]): void {
    this.articles.push(values);
  }

  /** Widens the story's first/last seen to include `published` (as `touchStory` does, at the flush). */
  touchStory(id: number, published: string | null): void {
    const seen = seenAt(published);
    if (seen) this.touches.push([id, seen]);
  }

  logAssign(storyId: number, articleId: number, similarity: number, reason: string, at: string): void {
    this.log.push(['assign', storyId, articleId, similarity, reason, at]);
  }

  /** Folds stories into `into` at once (it reads and moves stored rows), after writing what is held. Returns the log entry's seq. */
  async mergeStories(into: number, stories: number[], reason: string, at: string): Promise<number> {
    const seq = await this.flush();
    return Math.max(seq, await mergeStories(this.tx, into, stories, reason, at));
  }

  /** Writes what is held; returns the highest story-log seq written (0 for none). */
  async flush(): Promise<number> {
    const { tx } = this;
    await insertRows(tx, 'contents (hash, format, content)', this.contents, ' ON CONFLICT (hash) DO NOTHING');
    await insertRows(tx, 'stories (id, title, first_seen, last_seen, created_at)', this.stories);
    await insertRows(tx, `articles (${ARTICLE_INSERT_COLUMNS.join(', ')})`, this.articles);
    for (const chunk of powerOfTwoChunks(this.touches)) {
      // MIN and MAX in SQL compare as the one-row-at-a-time CASE did (the column's collation);
      // VALUES names its columns column1, column2 in both stores.
      await tx.run(
        `UPDATE stories SET
           first_seen = CASE WHEN first_seen IS NULL OR t.lo < first_seen THEN t.lo ELSE first_seen END,
           last_seen = CASE WHEN last_seen IS NULL OR t.hi > last_seen THEN t.hi ELSE last_seen END
         FROM (SELECT column1 AS id, MIN(column2) AS lo, MAX(column2) AS hi FROM (VALUES ${rowPlaceholders(chunk.length, 2, ['INTEGER', 'TEXT'])}) AS v GROUP BY column1) AS t
         WHERE stories.id = t.id`,
        chunk.flat(),
      );
    }
    let seq = 0;
    for (const chunk of powerOfTwoChunks(this.log)) {
      const rows = await tx.all<{ seq: number }>(`INSERT INTO story_log (kind, story_id, article_id, similarity, reason, at) VALUES ${rowPlaceholders(chunk.length, 6)} RETURNING seq`, chunk.flat());
      for (const row of rows) seq = Math.max(seq, Number(row.seq));
    }
    this.contents = [];
    this.stories = [];
    this.articles = [];
    this.touches = [];
    this.log = [];
    return seq;
  }
}

async function insertRows(tx: Database, into: string, rows: SqlValue[][], suffix = ''): Promise<void> {
  for (const chunk of powerOfTwoChunks(rows)) {
    const width = chunk[0]!.length;
    await tx.run(`INSERT INTO ${into} VALUES ${rowPlaceholders(chunk.length, width)}${suffix}`, chunk.flat());
  }
}
