// The job queue in the store. On PostgreSQL a claim is FOR UPDATE SKIP LOCKED, so workers on many
// machines take different jobs without waiting on each other; on SQLite the write lock serialises
// claims. A claim is a lease: a job whose worker died is claimed again once the lease runs out.
import { placeholders, powerOfTwoChunks, type Database } from './database.ts';

export type JobKind = 'index' | 'brief';

export interface Job {
  id: number;
  kind: JobKind;
  payload: string;
  attempts: number;
}

export const LEASE_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 5;

/** Queues a job; with a dedupe key, nothing is added while a job with that key is still waiting. */
export async function enqueue(db: Database, kind: JobKind, payload: unknown, dedupeKey: string | null = null, delayMs = 0): Promise<void> {
  const now = Date.now();
  await db.run(
    `INSERT INTO jobs (kind, payload, dedupe_key, run_after, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [kind, JSON.stringify(payload), dedupeKey, new Date(now + delayMs).toISOString(), new Date(now).toISOString()],
  );
}

/** Takes up to `limit` of the oldest jobs that are due (or whose lease expired) for `worker`, oldest first. */
export async function claimJobs(db: Database, worker: string, limit: number, leaseMs = LEASE_MS): Promise<Job[]> {
  const now = new Date();
  const skipLocked = db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  return db.transaction(async (tx) => {
    const jobs = await tx.all<Job>(
      `SELECT id, kind, payload, attempts FROM jobs
       WHERE ((state = 'queued' AND run_after <= $1) OR (state = 'running' AND locked_until < $1))
       ORDER BY id LIMIT $2 ${skipLocked}`,
      [now.toISOString(), limit],
    );
    const ids = jobs.map((job) => Number(job.id));
    for (const chunk of powerOfTwoChunks(ids)) {
      await tx.run(`UPDATE jobs SET state = 'running', locked_by = $1, locked_until = $2, attempts = attempts + 1 WHERE id IN (${placeholders(chunk.length, 3)})`, [
        worker,
        new Date(now.getTime() + leaseMs).toISOString(),
        ...chunk,
      ]);
    }
    return jobs.map((job) => ({ ...job, id: Number(job.id), attempts: Number(job.attempts) + 1 }));
  });
}

/** Marks jobs done, inside the transaction that made their effects, so both happen or neither; returns how many were still this worker's. */
export async function completeAll(tx: Database, jobs: Job[], worker: string): Promise<number> {
  // A worker whose lease ran out and was claimed by another must not finish the job twice.
  let changed = 0;
  for (const chunk of powerOfTwoChunks(jobs.map((job) => job.id))) {
    changed += await tx.run(`UPDATE jobs SET state = 'done', finished_at = $1, locked_by = $2 WHERE id IN (${placeholders(chunk.length, 3)}) AND state = 'running' AND locked_by = $2`, [
      new Date().toISOString(),
      worker,
      ...chunk,
    ]);
  }
  return changed;
}

/** Puts the job back for later (or marks it failed after MAX_ATTEMPTS), with the reason. */
export async function retry(db: Database, job: Job, worker: string, reason: string, delayMs: number): Promise<void> {
  const failed = job.attempts >= MAX_ATTEMPTS;
  await db.run(
    `UPDATE jobs SET state = $1, last_error = $2, run_after = $3, locked_until = NULL,
       finished_at = CASE WHEN $1 = 'failed' THEN $4 ELSE NULL END
     WHERE id = $5 AND locked_by = $6 AND state = 'running'`,
    [failed ? 'failed' : 'queued', reason.slice(0, 500), new Date(Date.now() + delayMs).toISOString(), new Date().toISOString(), job.id, worker],
  );
}

export async function queueCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db.all<{ state: string; n: number }>('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state');
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
