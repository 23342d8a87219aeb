// What a worker does with each kind of job. Every job's effects and its "done" mark are written
// in one transaction, so a job is processed exactly once even when a worker dies half-way.
import type { Database } from '../store/database.ts';
import { ARTICLE_COLUMNS, rawInputsOf, type ArticleRow } from '../store/articles.ts';
import { prepareArticle } from '../collect/prepare.ts';
import { fileCopy, fileUnderStory } from '../collect/file-story.ts';
import { lockStories } from '../collect/story-lock.ts';
import { WriteBatch } from '../store/write-batch.ts';
import type { StoryIndex } from '../collect/story-index.ts';
import { cachedStoryBrief } from '../collect/story-briefs.ts';
import { complete, enqueue, type Job } from './queue.ts';

export type JobResult = 'done' | 'later';

/** Lost the lease to another worker while working: roll back, the other one finishes the job. */
export class LeaseLost extends Error {}

async function articleRow(db: Database, id: number): Promise<(ArticleRow & { features: string | null }) | undefined> {
  return db.one(`SELECT ${ARTICLE_COLUMNS}, features FROM articles WHERE id = $1`, [id]);
}

async function finish(tx: Database, job: Job, worker: string): Promise<void> {
  if (!(await complete(tx, job, worker))) throw new LeaseLost(`job ${job.id}: lease lost to another worker`);
}

/** Clean an article, then file it under a story; queue its story's brief. */
export async function runIndexJob(db: Database, index: StoryIndex, job: Job, worker: string): Promise<JobResult> {
  const { article: id } = JSON.parse(job.payload) as { article: number };
  const row = await articleRow(db, id);
  // An exact copy (stored without features) waits for its original's story.
  const exactCopyOf = row && row.copy_of !== null && row.features === null ? await articleRow(db, row.copy_of) : undefined;
  const prepared = row && !exactCopyOf && row.story_id === null ? prepareArticle((await rawInputsOf(db, [id]))[0]!, row.hash) : null;

  return db.transaction(async (tx) => {
    await lockStories(tx);
    await index.catchUp(tx);
    const current = await articleRow(tx, id);
    const at = new Date().toISOString();
    const writes = new WriteBatch(tx);
    if (current && current.story_id === null) {
      if (exactCopyOf) {
        const original = await articleRow(tx, exactCopyOf.id);
        if (!original || original.story_id === null) return 'later';
        await fileCopy(writes, id, original, current.published, at, async (story) => {
          if (story !== null) await tx.run('UPDATE articles SET story_id = $1 WHERE id = $2', [story, id]);
        });
      } else if (prepared) {
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
        await enqueue(tx, 'brief', { story: filing.story }, `brief:${filing.story}`);
      }
    }
    index.recorded(await writes.flush());
    await finish(tx, job, worker);
    return 'done';
  });
}

/** Build and keep a story's brief (the web UI's badges and story pages read it). */
export async function runBriefJob(db: Database, job: Job, worker: string): Promise<JobResult> {
  const { story } = JSON.parse(job.payload) as { story: number };
  await cachedStoryBrief(db, story);
  await db.transaction((tx) => finish(tx, job, worker));
  return 'done';
}
