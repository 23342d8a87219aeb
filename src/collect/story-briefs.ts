// Story briefs are kept in the store: computed when a story changes (by a worker, or on first view)
// and reused until it changes again. A brief's fingerprint is its articles: count and newest id.
import type { Database } from '../store/database.ts';
import type { Brief } from '../schema.ts';
import { briefOfInputs, resolveStory, storyInputs } from './story-brief.ts';
import type { RawInput } from '../ingest/raw-input.ts';
import { shownDisagreements } from './dismissals.ts';

export async function storyFingerprint(db: Database, story: number): Promise<string> {
  const row = await db.one<{ n: number; newest: number | null }>('SELECT COUNT(*) AS n, MAX(id) AS newest FROM articles WHERE story_id = $1', [story]);
  return `${Number(row?.n ?? 0)}:${row?.newest ?? 0}`;
}

/** The story's brief from the cache when it is current; otherwise built now and stored. */
export async function cachedStoryBrief(db: Database, id: number): Promise<{ story: number; brief: Brief }> {
  const { story, json, brief } = await currentBrief(db, id);
  return { story, brief: brief ?? (JSON.parse(json) as Brief) };
}

/**
 * The story's last brief as stored, and whether it is current (made from the story's articles as
 * they are now); null when none was made.
 */
export async function storedStoryBrief(db: Database, story: number): Promise<{ json: string; current: boolean } | null> {
  const fingerprint = await storyFingerprint(db, story);
  const stored = await db.one<{ fingerprint: string; brief: string }>('SELECT fingerprint, brief FROM story_briefs WHERE story_id = $1', [story]);
  return stored ? { json: stored.brief, current: stored.fingerprint === fingerprint } : null;
}

/** A brief made elsewhere (a worker thread): its JSON and the counts the store keeps beside it. */
export interface MadeBrief {
  json: string;
  facts: number;
  disagreements: number;
}

/** Makes a brief of stored inputs; by default on this thread. */
export type BriefMaker = (inputs: RawInput[]) => Promise<MadeBrief>;

/**
 * The same as JSON, as stored (a big story's brief is megabytes: an answer that only sends it need
 * not parse it). `make` builds a missing or stale brief (the server's is a worker thread).
 */
export async function cachedStoryBriefJson(db: Database, id: number, make?: BriefMaker): Promise<{ story: number; json: string }> {
  const { story, json } = await currentBrief(db, id, make);
  return { story, json };
}

/** The brief's JSON, and the brief itself when it was just made on this thread. */
async function currentBrief(db: Database, id: number, make?: BriefMaker): Promise<{ story: number; json: string; brief?: Brief }> {
  const story = await resolveStory(db, id);
  const fingerprint = await storyFingerprint(db, story);
  const cached = await db.one<{ fingerprint: string; brief: string }>('SELECT fingerprint, brief FROM story_briefs WHERE story_id = $1', [story]);
  if (cached && cached.fingerprint === fingerprint) return { story, json: cached.brief };
  const inputs = await storyInputs(db, story);
  if (make) {
    const made = await make(inputs);
    await saveStoryBrief(db, story, fingerprint, made);
    return { story, json: made.json };
  }
  const brief = briefOfInputs(inputs);
  const json = JSON.stringify(brief);
  await saveStoryBrief(db, story, fingerprint, { json, facts: brief.facts.length, disagreements: brief.disagreements.length });
  return { story, json, brief };
}

/** Stores a brief with the counts its list badge shows (disagreements an editor dismissed left out). */
async function saveStoryBrief(db: Database, story: number, fingerprint: string, made: MadeBrief): Promise<void> {
  await db.run(
    `INSERT INTO story_briefs (story_id, fingerprint, facts, disagreements, brief, computed_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (story_id) DO UPDATE SET fingerprint = excluded.fingerprint, facts = excluded.facts,
       disagreements = excluded.disagreements, brief = excluded.brief, computed_at = excluded.computed_at`,
    [story, fingerprint, made.facts, await shownDisagreements(db, story, made.json, made.disagreements), made.json, new Date().toISOString()],
  );
}
