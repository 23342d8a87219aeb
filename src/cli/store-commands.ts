// The commands that work on a store: ingest, stories, and the brief of one stored story.
import { Option } from 'commander';
import type { ChangedBriefs } from '../collect/brief-changed.ts';
import type { Database } from '../store/database.ts';
import { openStore, storeError } from '../store/open-store.ts';
import type { IngestSummary } from '../collect/ingest.ts';
import { listStories } from '../store/stories.ts';
import { articlesOfStory } from '../store/articles.ts';
import { briefStory } from '../collect/story-brief.ts';
import type { Brief } from '../schema.ts';
import { OutputSink } from './output.ts';
import { terminalSafe } from '../brief/escape.ts';
import { Progress } from './progress.ts';

export const DB_OPTION_HELP = 'the store: a SQLite file path (default ./corroborate.db or $CORROBORATE_DB) or a postgres:// URL';

/**
 * Runs `use` on the store. `writes`: the command adds articles (ingest, worker): the store may be
 * created, and an existing one is checked first; other commands need an existing store.
 */
export async function withStore<T>(location: string | undefined, use: (db: Database) => Promise<T>, mode: 'reads' | 'writes' = 'reads'): Promise<T> {
  const db = await openStore(location, mode === 'writes' ? { check: true } : { mustExist: true });
  try {
    return await use(db);
  } catch (error) {
    throw storeError(db.location, error);
  } finally {
    await db.close();
  }
}

export interface IngestFlags {
  db?: string;
  batch?: number;
  queue?: boolean;
  /** Stories to brief after the run (see collect/brief-changed.ts). */
  briefs?: number;
  format: 'text' | 'json';
  quiet?: boolean;
}

export function summaryLine(s: IngestSummary & { briefs?: ChangedBriefs }, queued = false): string {
  if (queued) return `queued ${s.added + s.copies} of ${s.read} articles for the workers (${s.copies} exact copies, ${s.unchanged} already stored${s.rejected ? `, ${s.rejected} not used` : ''})`;
  const parts = [`${s.added} new`];
  if (s.nearCopies) parts[0] += ` (${s.nearCopies} near-copies of another outlet's report)`;
  if (s.copies) parts.push(`${s.copies} exact copies`);
  if (s.unchanged) parts.push(`${s.unchanged} already stored`);
  if (s.rejected) parts.push(`${s.rejected} not used`);
  const briefs = s.briefs
    ? `; ${s.briefs.briefed} of ${plural(s.briefs.changed, 'changed story', 'changed stories')} briefed${s.briefs.failed ? ` (${s.briefs.failed} failed: briefed when viewed)` : ''}`
    : '';
  return `ingested ${s.read} articles: ${parts.join(', ')}; ${plural(s.storiesCreated, 'story', 'stories')} started, ${plural(s.merges, 'merge', 'merges')}${briefs}`;
}

export interface StoriesFlags {
  db?: string;
  format: 'text' | 'json';
  limit?: number;
  min?: number;
  out?: string;
}

export async function printStories(flags: StoriesFlags): Promise<void> {
  await withStore(flags.db, async (db) => {
    const stories = await listStories(db, { limit: flags.limit, minArticles: flags.min });
    const sink = new OutputSink(flags.out);
    if (flags.format === 'json') {
      const withArticles = [];
      for (const story of stories) {
        const articles = await articlesOfStory(db, story.id);
        withArticles.push({
          id: story.id,
          title: story.title,
          firstSeen: story.first_seen,
          lastSeen: story.last_seen,
          outlets: story.outlets,
          reports: story.reports,
          articles: articles.map((a) => ({ id: a.id, source: a.source, outlet: a.outlet, published: a.published, title: a.title, copyOf: a.copy_of })),
        });
      }
      await sink.write(JSON.stringify(withArticles, null, 2) + '\n');
    } else {
      for (const s of stories) {
        const [first, last] = [s.first_seen?.slice(0, 10), s.last_seen?.slice(0, 10)];
        const seen = first ? (first === last ? first : `${first} – ${last}`) : 'undated';
        await sink.write(`${String(s.id).padStart(6)}  ${s.articles} articles, ${s.outlets ? `${s.outlets} outlets` : 'outlet unknown'}  ${seen}  ${oneLine(s.title ?? '(untitled)')}\n`);
      }
      if (!stories.length) process.stderr.write(`corroborate: no stories in ${db.location} yet (run "corroborate ingest <inputs>")\n`);
    }
    await sink.close();
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s+/g, ' ').slice(0, 100));
}

export async function storyBrief(location: string | undefined, id: number): Promise<Brief> {
  return withStore(location, (db) => briefStory(db, id));
}

export function ingestProgress(quiet: boolean | undefined): Progress {
  return new Progress(!quiet, 'articles ingested');
}

export function dbOption(): Option {
  return new Option('--db <store>', DB_OPTION_HELP);
}
