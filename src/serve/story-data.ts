// What the API and the pages show of the store: stories with their badges, one story with its
// articles and history, one article with its text. Store rows in, the API's JSON shapes out.
import { placeholders, type Database, type SqlValue } from '../store/database.ts';
import { articlesOfStory, rawInputsOf, type ArticleRow } from '../store/articles.ts';
import { lastLogSeq, listStories, storyHistory, type StorySummary } from '../store/stories.ts';
import { resolveStory, StoryNotFound } from '../collect/story-brief.ts';
import { storyFingerprint } from '../collect/story-briefs.ts';
import { cleanDocument } from '../clean/index.ts';
import type { CleanDocument } from '../schema.ts';

/**
 * What the story list may be narrowed to: stories seen within a date range (inclusive, ISO days;
 * undated stories drop out), stories one outlet reported, stories whose last brief found a
 * disagreement.
 */
export interface StoryFilter {
  from?: string;
  to?: string;
  outlet?: string;
  contested?: boolean;
}

export type StorySort = 'outlets' | 'newest' | 'contested';

/**
 * What a store read costs to work out and changes only with the story log (an article filed, a
 * merge, a split), kept per store until the log moves on.
 */
class PerLogEntry<T> {
  private readonly kept = new WeakMap<Database, { seq: number; value: T }>();

  constructor(private readonly compute: (db: Database) => Promise<T>) {}

  async get(db: Database): Promise<T> {
    // Read before computing: a change committed in between only makes the next call compute again.
    // Every change is logged under the story lock, so entries commit in the order of their seq.
    const seq = await lastLogSeq(db);
    const cached = this.kept.get(db);
    if (cached && cached.seq === seq) return cached.value;
    const value = await this.compute(db);
    this.kept.set(db, { seq, value });
    return value;
  }
}

export interface StoryJson {
  id: number;
  title: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  articles: number;
  reports: number;
  outlets: number;
  /** What the story's last brief found: null until it has been briefed. */
  facts: number | null;
  disagreements: number | null;
  /** The last brief was made from the story's current articles (a newer article makes it stale). */
  briefCurrent: boolean;
}

type BriefBadge = Pick<StoryJson, 'facts' | 'disagreements' | 'briefCurrent'>;
const NOT_BRIEFED: BriefBadge = { facts: null, disagreements: null, briefCurrent: false };

export interface ArticleJson {
  id: number;
  source: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  copyOf: number | null;
  docId: string | null;
}

export interface HistoryJson {
  seq: number;
  kind: 'merge' | 'split' | 'rebuild';
  /** merge: the stories folded into this one; split: the story the articles left; rebuild: none. */
  stories: number[];
  /** split: the articles moved, and the story they formed. */
  articles?: number[];
  into?: number;
  similarity: number | null;
  reason: string | null;
}

export interface StoryDetail {
  story: StoryJson;
  /** The id asked for, when it was merged into `story`. */
  requested: number | null;
  articles: ArticleJson[];
  history: HistoryJson[];
}

export class NotFound extends Error {}

export async function storyPage(db: Database, limit: number, offset: number, sort: StorySort = 'outlets', filter: StoryFilter = {}): Promise<{ stories: StoryJson[]; more: boolean; total: number }> {
  const all = await filtered(db, await ranked.get(db), filter);
  const ordered = sort === 'newest' ? newestFirst(all) : sort === 'contested' ? await mostContestedFirst(db, all) : all;
  const rows = ordered.slice(offset, offset + limit + 1);
  const stories = await withBadges(db, rows.slice(0, limit));
  return { stories, more: rows.length > limit, total: all.length };
}

/** The filter a request asked for, empty fields left out. */
export function listFilter({ from, to, outlet, contested }: StoryFilter): StoryFilter {
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(outlet ? { outlet } : {}), ...(contested ? { contested } : {}) };
}

/** The stories the filter keeps, in the order given (see StoryFilter). */
async function filtered(db: Database, rows: StorySummary[], { from, to, outlet, contested }: StoryFilter): Promise<StorySummary[]> {
  let kept = rows;
  if (from || to) {
    // A story seen from first_seen to last_seen overlaps the range; an undated one cannot be placed.
    kept = kept.filter((r) => r.first_seen !== null && r.last_seen !== null && (!from || r.last_seen.slice(0, 10) >= from) && (!to || r.first_seen.slice(0, 10) <= to));
  }
  if (outlet) {
    const stories = await db.all<{ story_id: number }>('SELECT DISTINCT story_id FROM articles WHERE outlet = $1', [outlet]);
    const ids = new Set(stories.map((r) => Number(r.story_id)));
    kept = kept.filter((r) => ids.has(Number(r.id)));
  }
  if (contested) {
    const briefed = await db.all<{ story_id: number }>('SELECT story_id FROM story_briefs WHERE disagreements > 0');
    const ids = new Set(briefed.map((r) => Number(r.story_id)));
    kept = kept.filter((r) => ids.has(Number(r.id)));
  }
  return kept;
}

/** Outlets the list's filter offers. */
const OFFERED_OUTLETS = 200;

/**
 * The outlets the store holds, most articles first: what the list's outlet filter offers. Counted
 * over every article, so kept until the story log moves on, as the ranking is.
 */
const outletsOffered = new PerLogEntry(async (db) => {
  const rows = await db.all<{ outlet: string }>('SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT $1', [OFFERED_OUTLETS]);
  return rows.map((r) => r.outlet);
});

export async function knownOutlets(db: Database): Promise<string[]> {
  return outletsOffered.get(db);
}

/**
 * The most disagreements first, as the stories' last briefs found them (a story not briefed yet
 * goes after every briefed one); list order among equals.
 */
async function mostContestedFirst(db: Database, rows: StorySummary[]): Promise<StorySummary[]> {
  const found = new Map((await db.all<{ story_id: number; disagreements: number }>('SELECT story_id, disagreements FROM story_briefs')).map((r) => [Number(r.story_id), Number(r.disagreements)]));
  const at = new Map(rows.map((r, k) => [Number(r.id), k]));
  const count = (r: StorySummary) => found.get(Number(r.id)) ?? -1;
  return [...rows].sort((a, b) => count(b) - count(a) || at.get(Number(a.id))! - at.get(Number(b.id))!);
}

/** The latest news first: by the last article's date, undated stories last, then by id (newest first). */
const newestOrder = new WeakMap<StorySummary[], StorySummary[]>();
function newestFirst(rows: StorySummary[]): StorySummary[] {
  let sorted = newestOrder.get(rows);
  if (!sorted) {
    sorted = [...rows].sort((a, b) => (b.last_seen ?? '').localeCompare(a.last_seen ?? '') || Number(b.id) - Number(a.id));
    newestOrder.set(rows, sorted);
  }
  return sorted;
}

/**
 * Every live story in list order, as of the store's last story-log entry. Ranking counts every
 * article of every story (at 100,000 articles on SQLite about 0.1 s from the index of migration 9,
 * 0.7-0.9 s from the table): each page of the list reads it once per change.
 */
const ranked = new PerLogEntry((db) => listStories(db));

/** Summaries of these live stories, in the order given (ids that are not live stories are left out). */
export async function storiesByIds(db: Database, ids: number[]): Promise<StoryJson[]> {
  if (!ids.length) return [];
  const rows = await db.all<StorySummary>(
    `SELECT s.id, s.title, s.first_seen, s.last_seen,
            COUNT(a.id) AS articles,
            COUNT(a.id) - COUNT(a.copy_of) AS reports,
            COUNT(DISTINCT a.outlet) AS outlets
     FROM stories s JOIN articles a ON a.story_id = s.id
     WHERE s.merged_into IS NULL AND s.id IN (${placeholders(ids.length)})
     GROUP BY s.id, s.title, s.first_seen, s.last_seen`,
    ids,
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return withBadges(
    db,
    ids.flatMap((id) => byId.get(id) ?? []),
  );
}

async function withBadges(db: Database, rows: StorySummary[]): Promise<StoryJson[]> {
  const badges = await briefBadges(
    db,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    articles: Number(r.articles),
    reports: Number(r.reports),
    outlets: Number(r.outlets),
    ...(badges.get(Number(r.id)) ?? NOT_BRIEFED),
  }));
}

async function briefBadges(db: Database, ids: number[]): Promise<Map<number, BriefBadge>> {
  const badges = new Map<number, BriefBadge>();
  if (!ids.length) return badges;
  const rows = await db.all<{ story_id: number; fingerprint: string; facts: number; disagreements: number }>(
    `SELECT story_id, fingerprint, facts, disagreements FROM story_briefs WHERE story_id IN (${placeholders(ids.length)})`,
    ids as SqlValue[],
  );
  for (const row of rows) {
    const id = Number(row.story_id);
    const briefCurrent = row.fingerprint === (await storyFingerprint(db, id));
    badges.set(id, { facts: Number(row.facts), disagreements: Number(row.disagreements), briefCurrent });
  }
  return badges;
}

/** One story (a merged id answers with the story it joined), its articles and its merges. */
export async function storyDetail(db: Database, id: number): Promise<StoryDetail> {
  const live = await resolveStory(db, id);
  const [story] = await storiesByIds(db, [live]);
  if (!story) throw new StoryNotFound(`story ${id} has no articles`);
  const articles = (await articlesOfStory(db, live)).map(articleJson);
  const history = (await storyHistory(db, live)).map((h): HistoryJson => {
    const base = { seq: Number(h.seq), similarity: h.similarity, reason: h.reason };
    // Every story was filed again: the same entry in every story's history.
    if (h.kind === 'rebuild') return { ...base, kind: 'rebuild', stories: [] };
    if (h.kind === 'split') {
      const split = JSON.parse(h.stories ?? '{}') as { from: number; articles: number[] };
      return { ...base, kind: 'split', stories: [Number(split.from)], articles: split.articles.map(Number), into: Number(h.story_id) };
    }
    return { ...base, kind: 'merge', stories: h.stories ? (JSON.parse(h.stories) as number[]).map(Number) : [] };
  });
  return { story, requested: live === id ? null : id, articles, history };
}

export type ArticleFields = Pick<ArticleRow, 'id' | 'source' | 'outlet' | 'published' | 'title' | 'copy_of' | 'doc_id'>;

export function articleJson(a: ArticleFields): ArticleJson {
  return { id: Number(a.id), source: a.source, outlet: a.outlet, published: a.published, title: a.title, copyOf: a.copy_of === null ? null : Number(a.copy_of), docId: a.doc_id };
}

export interface DocumentJson extends ArticleJson {
  storyId: number | null;
  ingestedAt: string;
  format: CleanDocument['format'];
  byline: string | null;
  /** What the spans of a brief index into: the decoded text, or the visible text of an HTML page. */
  original: string;
  /** The article without its page chrome: body passages joined by blank lines. */
  text: string;
  body: CleanDocument['body'];
  removed: CleanDocument['removed'];
}

/** A stored article and its text, cleaned again from the stored input as a brief would clean it. */
export async function documentOf(db: Database, articleId: number): Promise<DocumentJson> {
  const row = await db.one<ArticleRow>('SELECT id, source, hash, doc_id, outlet, title, published, story_id, copy_of, copy_similarity, ingested_at FROM articles WHERE id = $1', [articleId]);
  const [input] = await rawInputsOf(db, [articleId]);
  if (!row || !input) throw new NotFound(`no article ${articleId}`);
  const doc = cleanDocument(input, { forAnalysis: false });
  return {
    ...articleJson(row),
    docId: doc.id,
    storyId: row.story_id === null ? null : Number(row.story_id),
    ingestedAt: row.ingested_at,
    format: doc.format,
    byline: doc.byline,
    original: doc.original,
    text: doc.text,
    body: doc.body,
    removed: doc.removed,
  };
}
