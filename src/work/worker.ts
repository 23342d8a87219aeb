// `corroborate worker`: takes jobs from the store's queue until stopped (or, with exitWhenIdle,
// until nothing is left). Any number of workers, on any machines, can share one PostgreSQL.
import { hostname } from 'node:os';
import type { Database } from '../store/database.ts';
import { StoryIndex } from '../collect/story-index.ts';
import { firstLine } from '../ingest/network-errors.ts';
import { claimJobs, queueCounts, retry, type Job } from '../store/job-queue.ts';
import { BRIEF_DELAY_MS, LeaseLost, runBriefJob, runIndexJob, runIndexJobs, type JobResult } from './jobs.ts';

export interface WorkerOptions {
  id?: string;
  /** Return once no job is queued or running (tests, batch runs). */
  exitWhenIdle?: boolean;
  pollMs?: number;
  /** How long a changed story waits for its brief (BRIEF_DELAY_MS by default; 0: at once). */
  briefDelayMs?: number;
  signal?: AbortSignal;
  onJob?: (job: Job, result: JobResult | 'failed', error?: string) => void;
  /** A store error (e.g. the database restarting): told, then retried after a pause. */
  onStoreError?: (message: string) => void;
}

export interface WorkerStats {
  done: number;
  later: number;
  failed: number;
}

/**
 * Jobs claimed at once: a worker's index jobs are filed in one transaction (on PostgreSQL each
 * statement is a round trip, and the story lock is held for all of them), small enough that
 * other workers still find work and a lost worker's jobs wait out only one lease.
 */
const JOBS_PER_CLAIM = 32;

/** Waits `ms`, or until `signal` aborts. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export async function runWorker(db: Database, options: WorkerOptions = {}): Promise<WorkerStats> {
  const worker = options.id ?? `${hostname()}:${process.pid}`;
  const pollMs = options.pollMs ?? 500;
  const briefDelayMs = options.briefDelayMs ?? BRIEF_DELAY_MS;
  const stats: WorkerStats = { done: 0, later: 0, failed: 0 };
  let index = new StoryIndex();
  /** Jobs that failed while the store was unreachable: given back as soon as it answers again. */
  const unreleased: { job: Job; reason: string }[] = [];

  /** Runs one job, and deals with how it ended (done, later, failed, lease lost). */
  const runOne = async (job: Job) => {
    try {
      const result = job.kind === 'index' ? await runIndexJob(db, index, job, worker, briefDelayMs) : await runBriefJob(db, job, worker);
      await ended(job, result);
    } catch (error) {
      // The transaction rolled back: the index may hold a decision the store never got.
      index = new StoryIndex();
      if (error instanceof LeaseLost) return;
      const reason = firstLine(error).slice(0, 300);
      stats.failed++;
      options.onJob?.(job, 'failed', reason);
      await retry(db, job, worker, reason, 1000 * job.attempts).catch((e: unknown) => {
        // Left "running", it would wait out its lease: hand it back once the store is reachable.
        options.onStoreError?.(firstLine(e));
        unreleased.push({ job, reason });
      });
    }
  };
  const ended = async (job: Job, result: JobResult) => {
    if (result === 'later') {
      stats.later++;
      await retry(db, job, worker, 'waiting for another job', 200);
    } else stats.done++;
    options.onJob?.(job, result);
  };

  while (!options.signal?.aborted) {
    let jobs: Job[];
    try {
      while (unreleased.length) {
        const { job: held, reason } = unreleased[0]!;
        await retry(db, held, worker, reason, 0);
        unreleased.shift();
      }
      jobs = await claimJobs(db, worker, JOBS_PER_CLAIM);
      if (!jobs.length) {
        if (options.exitWhenIdle) {
          const counts = await queueCounts(db);
          if (!counts.queued && !counts.running) return stats;
        }
        await sleep(pollMs, options.signal);
        continue;
      }
    } catch (error) {
      options.onStoreError?.(firstLine(error));
      await sleep(Math.max(pollMs, 1000), options.signal);
      continue;
    }
    // Index jobs filed together, in one transaction; if that fails, one at a time, so a job that
    // cannot be done fails alone.
    const indexJobs = jobs.filter((job) => job.kind === 'index');
    let together: JobResult[] | null = null;
    if (indexJobs.length > 1) {
      together = await runIndexJobs(db, index, indexJobs, worker, briefDelayMs).catch(() => {
        index = new StoryIndex();
        return null;
      });
    }
    for (const job of jobs) {
      const k = indexJobs.indexOf(job);
      if (together && k >= 0) {
        await ended(job, together[k]!).catch((e: unknown) => {
          // A 'later' job the store did not take back: given back once it answers, as runOne does.
          options.onStoreError?.(firstLine(e));
          unreleased.push({ job, reason: 'waiting for another job' });
        });
      } else await runOne(job);
    }
  }
  return stats;
}
