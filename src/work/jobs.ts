// What a worker does with each kind of job. Every job's effects and its "done" mark are written
// in one transaction, so a job is processed exactly once even when a worker dies half-way.
import { placeholders, powerOfTwoChunks, type Database } from '../store/database.ts';
import { ARTICLE_COLUMNS, rawInputsOf, type ArticleRow } from '../store/articles.ts';
import { prepareArticle, type PreparedArticle } from '../collect/prepare.ts';
import { fileCopy, fileUnderStory } from '../collect/file-story.ts';
import { lockStories } from '../collect/story-lock.ts';
import { WriteBatch } from '../store/write-batch.ts';
import type { StoryIndex } from '../collect/story-index.ts';
import { cachedStoryBrief } from '../collect/story-briefs.ts';
import { completeAll, enqueue, type Job } from '../store/job-queue.ts';

export type JobResult = 'done' | 'later';

/** Lost the lease to another worker while working: roll back, the other one finishes the job. */
export class LeaseLost extends Error {}

type StoredArticle = ArticleRow & { features: string | null };

async function articleRow(db: Database, id: number): Promise<StoredArticle | undefined> {
  return (await articleRows(db, [id])).get(id);
}

async function articleRows(db: Database, ids: number[]): Promise<Map<number, StoredArticle>> {
  const rows = new Map<number, StoredArticle>();
  for (const chunk of powerOfTwoChunks([...new Set(ids)])) {
    for (const row of await db.all<StoredArticle>(`SELECT ${ARTICLE_COLUMNS}, features FROM articles WHERE id IN (${placeholders(chunk.length)})`, chunk)) rows.set(Number(row.id), row);
  }
  return rows;
}

/** Marks the jobs done in their transaction, or rolls it back when another worker has taken any of them over. */
async function finish(tx: Database, jobs: Job[], worker: string): Promise<void> {
  if (jobs.length && (await completeAll(tx, jobs, worker)) !== jobs.length) throw new LeaseLost(`job${jobs.length > 1 ? 's' : ''} ${jobs.map((j) => j.id).join(', ')}: lease lost to another worker`);
}

/**
 * How long a story's brief waits after the story gains an article, by default: more articles that
 * join it meanwhile are briefed with it, so a story growing through a burst of the feed is briefed
 * once per wait, not once per claim. Nobody reads a stale brief meanwhile: a story page builds the
 * brief itself when the stored one is not of the story's current articles.
 */
export const BRIEF_DELAY_MS = 5000;

/** Clean an article, then file it under a story; queue its story's brief (due `briefDelayMs` from now). */
export async function runIndexJob(db: Database, index: StoryIndex, job: Job, worker: string, briefDelayMs = BRIEF_DELAY_MS): Promise<JobResult> {
  const [result] = await runIndexJobs(db, index, [job], worker, briefDelayMs);
  return result!;
}

/**
 * Several index jobs in one transaction (one lock, one catch-up, one completion): read and cleaned
 * first, outside it, then filed in job order. All or nothing, like a single job; a job whose
 * article is an exact copy of one not filed yet comes back 'later' and is not completed.
 */
export async function runIndexJobs(db: Database, index: StoryIndex, jobs: Job[], worker: string, briefDelayMs = BRIEF_DELAY_MS): Promise<JobResult[]> {
  const ids = jobs.map((job) => (JSON.parse(job.payload) as { article: number }).article);
  const rows = await articleRows(db, ids);
  // An exact copy (stored without features) waits for its original's story.
  const originals = await articleRows(
    db,
    [...rows.values()].filter((r) => r.copy_of !== null && r.features === null).map((r) => Number(r.copy_of)),
  );
  const exactCopyOf = (row: StoredArticle | undefined) => (row && row.copy_of !== null && row.features === null ? originals.get(Number(row.copy_of)) : undefined);
  const toPrepare = [...new Set(ids)].filter((id) => {
    const row = rows.get(id);
    return row && !exactCopyOf(row) && row.story_id === null;
  });
  const inputs = await rawInputsOf(db, toPrepare);
  if (inputs.length !== toPrepare.length) throw new Error('an article to index is no longer stored');
  const prepared = new Map(toPrepare.map((id, k) => [id, prepareArticle(inputs[k]!, rows.get(id)!.hash)]));

  return db.transaction(async (tx) => {
    await lockStories(tx);
    await index.catchUp(tx);
    const current = await articleRows(tx, ids);
    const at = new Date().toISOString();
    const writes = new WriteBatch(tx);
    const results: JobResult[] = [];
    const briefs = new Set<number>();
    const seen = new Set<number>();
    for (const id of ids) {
      // The same article twice in one batch: the second sees what the first did.
      const row = seen.has(id) ? await articleRow(tx, id) : current.get(id);
      seen.add(id);
      const filed = await fileArticle(tx, writes, index, id, row, exactCopyOf(rows.get(id)), prepared.get(id) ?? null, at);
      results.push(filed.result);
      if (filed.brief !== null) briefs.add(filed.brief);
    }
    index.recorded(await writes.flush());
    // A brief already waiting for the story takes these articles in too (one waiting job per key).
    for (const story of briefs) await enqueue(tx, 'brief', { story }, `brief:${story}`, briefDelayMs);
    await finish(
      tx,
      jobs.filter((_, k) => results[k] === 'done'),
      worker,
    );
    return results;
  });
}

/** Files one article inside the jobs' transaction; the story whose brief is then due, if any. */
async function fileArticle(
  tx: Database,
  writes: WriteBatch,
  index: StoryIndex,
  id: number,
  current: StoredArticle | undefined,
  exactCopyOf: StoredArticle | undefined,
  prepared: PreparedArticle | null,
  at: string,
): Promise<{ result: JobResult; brief: number | null }> {
  if (!current || current.story_id !== null) return { result: 'done', brief: null };
  if (exactCopyOf) {
    const original = await articleRow(tx, exactCopyOf.id);
    if (!original || original.story_id === null) return { result: 'later', brief: null };
    await fileCopy(writes, id, original, current.published, at, async (story) => {
      if (story !== null) await tx.run('UPDATE articles SET story_id = $1 WHERE id = $2', [story, id]);
    });
    return { result: 'done', brief: null };
  }
  if (!prepared) return { result: 'done', brief: null };
  // The row was stored as it came, without features: they, the story and any near-copy are written in one UPDATE.
  const filing = await fileUnderStory(writes, index, id, prepared, at, async (story, copy) => {
    // The story may be new: its row goes in before the article points at it.
    await writes.flush();
    await tx.run('UPDATE articles SET doc_id = $1, title = $2, outlet = $3, published = $4, features = $5, story_id = $6, copy_of = $7, copy_similarity = $8 WHERE id = $9', [
      prepared.docId,
      prepared.title,
      prepared.outlet,
      prepared.published,
      prepared.featuresJson,
      story,
      copy?.article ?? null,
      copy?.containment ?? null,
      id,
    ]);
  });
  return { result: 'done', brief: filing.story };
}

/** Build and keep a story's brief (the web UI's badges and story pages read it). */
export async function runBriefJob(db: Database, job: Job, worker: string): Promise<JobResult> {
  const { story } = JSON.parse(job.payload) as { story: number };
  await cachedStoryBrief(db, story);
  await db.transaction((tx) => finish(tx, [job], worker));
  return 'done';
}
