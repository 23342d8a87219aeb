// Search over the store: articles whose title or cleaned text holds every word of the query, and
// the stories they belong to. Both stores index the same things (migration 3): the title as
// printed, and the article's terms (features.terms: lowercase words less stopwords, lightly
// stemmed, page chrome left out). A query word is turned into its term by the very function that
// made the article's terms, so "bridges" finds "bridge" and "closed" finds "closing". SQLite's
// index is kept behind ingest: a search first indexes what was stored since the last one.
import type { Database, SqlValue } from '../store/database.ts';
import { rawInputsOf } from '../store/articles.ts';
import { catchUpSearchIndex } from '../store/search-index.ts';
import { articleFeatures } from '../stories/features.ts';
import { plainText, snippet, type Snippet } from './snippet.ts';
import { articleJson, storiesByIds, type ArticleFields, type ArticleJson, type StoryJson } from './story-data.ts';

export const MAX_QUERY_CHARS = 200;
/** More words than this narrow nothing a reader wants; the rest are ignored. */
const MAX_TERMS = 8;
/** Title matches count this many times a match in the text (SQLite's bm25 column weights). */
const TITLE_WEIGHT = 4;
/**
 * How many matches are ranked: the newest. A word found in most articles narrows nothing, and
 * ranking every match would read each one (PostgreSQL, a word in all of 100k articles: 430 ms
 * ranked in full, 13 ms capped).
 */
export const MAX_RANKED = 2000;

/** The query's words as the index holds them; common words ("the", "said") have none. */
export function searchTerms(q: string): string[] {
  const terms = new Set<string>();
  for (const word of q.split(/\s+/)) for (const term of Object.keys(articleFeatures(word).terms)) terms.add(term);
  return [...terms].slice(0, MAX_TERMS);
}

/**
 * The newest MAX_RANKED articles holding every term, in the title or the text, as (id, score),
 * higher scores better. Used as a MATERIALIZED CTE: SQLite's bm25() only runs in the query over
 * the full-text table itself.
 */
function hitsSql(dialect: Database['dialect'], terms: string[]): { sql: string; params: SqlValue[] } {
  if (dialect === 'sqlite') {
    // FTS5 query syntax built from our own terms: each a quoted string ("" escapes a quote).
    const clauses = terms.map((t) => `"${t.replace(/"/g, '""')}"`);
    return {
      sql: `SELECT rowid AS id, -bm25(article_search, ${TITLE_WEIGHT}.0, 1.0) AS score FROM article_search WHERE article_search MATCH $1 ORDER BY rowid DESC LIMIT ${MAX_RANKED}`,
      params: [clauses.join(' AND ')],
    };
  }
  // PostgreSQL: each term a parameter, parsed by the parser that made the index. The newest
  // matches are found first and only they are ranked (ts_rank reads the whole vector).
  const query = terms.map((_, i) => `phraseto_tsquery('simple', $${i + 1})`).join(' && ');
  return {
    sql: `SELECT a.id, ts_rank(a.search, q.query) AS score
          FROM (SELECT ${query} AS query) q,
               LATERAL (SELECT id FROM articles WHERE search @@ q.query ORDER BY id DESC LIMIT ${MAX_RANKED}) m
               JOIN articles a ON a.id = m.id`,
    params: terms,
  };
}

export interface ArticleHit extends ArticleJson {
  storyId: number | null;
}

export async function searchArticles(db: Database, terms: string[], limit: number, offset: number): Promise<{ articles: ArticleHit[]; more: boolean }> {
  if (!terms.length) return { articles: [], more: false };
  await catchUpSearchIndex(db);
  const hits = hitsSql(db.dialect, terms);
  const n = hits.params.length;
  const rows = await db.all<ArticleFields & { story_id: number | null }>(
    // The page is cut from the hits before any article is read: a SQLite row read past its
    // features walks their overflow pages (2,000 of them: 10 ms at 100,000 articles).
    `WITH hits AS MATERIALIZED (${hits.sql}),
     page AS MATERIALIZED (SELECT id, score FROM hits ORDER BY score DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2})
     SELECT a.id, a.source, a.outlet, a.published, a.title, a.copy_of, a.doc_id, a.story_id
     FROM page h JOIN articles a ON a.id = h.id
     ORDER BY h.score DESC, a.id DESC`,
    [...hits.params, limit + 1, offset],
  );
  const articles = rows.slice(0, limit).map((r) => ({ ...articleJson(r), storyId: r.story_id === null ? null : Number(r.story_id) }));
  return { articles, more: rows.length > limit };
}

export interface StoryHit extends StoryJson {
  /** How many of its articles match. */
  matches: number;
}

/**
 * SQLite reads an article's story from the index of (id, story_id) only when told: its planner
 * takes the table's row, whose story_id lies past the features' overflow pages (migration 9).
 */
function storyOf(db: Database): string {
  return db.dialect === 'sqlite' ? ' INDEXED BY articles_story_of' : '';
}

/** Stories with matching articles, the best match first. */
export async function searchStories(db: Database, terms: string[], limit: number, offset: number): Promise<{ stories: StoryHit[]; more: boolean }> {
  if (!terms.length) return { stories: [], more: false };
  await catchUpSearchIndex(db);
  const hits = hitsSql(db.dialect, terms);
  const n = hits.params.length;
  const rows = await db.all<{ id: number; matches: number }>(
    `WITH hits AS MATERIALIZED (${hits.sql})
     SELECT a.story_id AS id, COUNT(*) AS matches, MAX(h.score) AS best
     FROM hits h JOIN articles a${storyOf(db)} ON a.id = h.id
     WHERE a.story_id IS NOT NULL
     GROUP BY a.story_id
     ORDER BY best DESC, matches DESC, a.story_id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...hits.params, limit + 1, offset],
  );
  const page = rows.slice(0, limit);
  const matches = new Map(page.map((r) => [Number(r.id), Number(r.matches)]));
  const stories = (await storiesByIds(db, [...matches.keys()])).map((s) => ({ ...s, matches: matches.get(s.id) ?? 0 }));
  return { stories, more: rows.length > limit };
}

export interface SearchResult {
  q: string;
  /** The query as the index reads it (empty when it has only common words). */
  terms: string[];
  stories: StoryHit[];
  articles: (ArticleHit & { snippet: Snippet | null })[];
  more: { stories: boolean; articles: boolean };
}

/** One page of both lists, each article with the words around its first match. */
export async function search(db: Database, q: string, limit: number, offset: number): Promise<SearchResult> {
  const terms = searchTerms(q);
  const { stories, more: moreStories } = await searchStories(db, terms, limit, offset);
  const { articles, more: moreArticles } = await searchArticles(db, terms, limit, offset);
  const withSnippets: SearchResult['articles'] = [];
  for (const a of articles) {
    const [input] = await rawInputsOf(db, [a.id]);
    withSnippets.push({ ...a, snippet: input ? snippet(plainText(input), terms) : null });
  }
  return { q, terms, stories, articles: withSnippets, more: { stories: moreStories, articles: moreArticles } };
}
