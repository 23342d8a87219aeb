// What one ingest transaction needs to know of stored articles, read in one query for its whole
// batch instead of two look-ups per article: the article already stored from each source with
// each content, and the first article stored with each content (the original of an exact copy).
// The batch's own articles are added as they are filed, and a merge moves them as it moves the
// stored rows, so every answer is the one a query at that point of the transaction would give.
import { ARTICLE_COLUMNS, type ArticleRow } from './articles.ts';
import { placeholders, powerOfTwoChunks, type Database } from './database.ts';

export class KnownArticles {
  /** By hash (64 hex digits) then source: the hash's length keeps the key unambiguous. */
  private readonly bySource = new Map<string, ArticleRow>();
  private readonly firstByHash = new Map<string, ArticleRow>();

  private constructor() {}

  /** Every stored article with one of these contents. */
  static async load(db: Database, hashes: Iterable<string>): Promise<KnownArticles> {
    const known = new KnownArticles();
    // Hashes go by chunks, so each hash's articles come back together, in id order (its first is the original).
    for (const chunk of powerOfTwoChunks([...new Set(hashes)])) {
      const rows = await db.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE hash IN (${placeholders(chunk.length)}) ORDER BY id`, chunk);
      for (const row of rows) known.add(row);
    }
    return known;
  }

  /** The article stored from `source` with this content (`articleBySourceAndHash`). */
  fromSource(source: string, hash: string): ArticleRow | undefined {
    return this.bySource.get(hash + source);
  }

  /** The first article stored with this content (`firstArticleWithHash`). */
  firstWithHash(hash: string): ArticleRow | undefined {
    return this.firstByHash.get(hash);
  }

  /** An article written since (in id order, as they are stored). */
  add(row: ArticleRow): void {
    this.bySource.set(row.hash + row.source, row);
    if (!this.firstByHash.has(row.hash)) this.firstByHash.set(row.hash, row);
  }

  /** The articles of `stories` are now in `into` (a merge). */
  moved(into: number, stories: number[]): void {
    const from = new Set(stories);
    for (const row of this.bySource.values()) if (row.story_id !== null && from.has(Number(row.story_id))) row.story_id = into;
  }
}
