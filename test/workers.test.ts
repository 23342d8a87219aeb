// Two workers on one PostgreSQL share the queue: every article is processed exactly once.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open-store.ts';
import { enqueueInputs } from '../src/collect/enqueue.ts';
import { runWorker } from '../src/work/worker.ts';
import { claimJobs, MAX_ATTEMPTS } from '../src/store/job-queue.ts';
import { runBriefJob, runIndexJob } from '../src/work/jobs.ts';
import { StoryIndex } from '../src/collect/story-index.ts';
import { hasSeeds, pollUntil, seedFiles } from './support.ts';
import { storyFingerprint } from '../src/collect/story-briefs.ts';
import { listStories } from '../src/store/stories.ts';
import { postgresAvailable, POSTGRES_MISSING, startPostgres, type TestPostgres } from './helpers/postgres.ts';
import { assertConsistent, withStatementHook, writeArticles } from './helpers/store-checks.ts';
import { hasEcbplus } from './quality/ecbplus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');
const work = mkdtempSync(join(tmpdir(), 'corroborate-workers-'));
let postgres: TestPostgres | null = null;

after(async () => {
  await postgres?.stop();
  rmSync(work, { recursive: true, force: true });
});

function spawnWorker(url: string, id: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'worker', '--db', url, '--id', id, '--exit-when-idle', '--poll', '100'], { cwd: ROOT });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

test('two workers against one PostgreSQL process every queued article exactly once', { skip: !hasEcbplus() && 'no ECB+' }, async () => {
  assert.ok(postgresAvailable(), POSTGRES_MISSING);
  postgres = await startPostgres();
  const url = await postgres.newDatabase();
  const dir = join(work, 'stream');
  const n = writeArticles(dir, 120);

  const queued = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'ingest', '--queue', dir, '--db', url, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(queued.status, 0, queued.stderr);
  assert.equal((JSON.parse(queued.stdout) as { added: number }).added, n);

  const [a, b] = await Promise.all([spawnWorker(url, 'worker-a'), spawnWorker(url, 'worker-b')]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);

  const db = await openStore(url);
  try {
    await assertConsistent(db);
    const jobs = await db.all<{ kind: string; state: string; attempts: number; locked_by: string }>('SELECT kind, state, attempts, locked_by FROM jobs');
    const index = jobs.filter((j) => j.kind === 'index');
    assert.equal(index.length, n, 'one index job per article');
    assert.deepEqual([...new Set(jobs.map((j) => j.state))], ['done'], 'every job done');
    assert.ok(
      index.every((j) => Number(j.attempts) === 1),
      'no index job ran twice',
    );
    const byWorker = new Map<string, number>();
    for (const j of index) byWorker.set(j.locked_by, (byWorker.get(j.locked_by) ?? 0) + 1);
    assert.deepEqual([...byWorker.keys()].sort(), ['worker-a', 'worker-b'], `both workers took jobs: ${JSON.stringify([...byWorker])}`);
    // Every story's stored brief is of its final set of articles.
    for (const story of await listStories(db)) {
      const row = await db.one<{ fingerprint: string }>('SELECT fingerprint FROM story_briefs WHERE story_id = $1', [story.id]);
      assert.equal(row?.fingerprint, await storyFingerprint(db, story.id), `story ${story.id} briefed after its last article`);
    }
  } finally {
    await db.close();
  }
});

test('PostgreSQL restarts while two workers run: they reconnect, the interrupted jobs run again, no article is lost or filed twice', { skip: !hasEcbplus() && 'no ECB+' }, async (t) => {
  assert.ok(postgresAvailable(), POSTGRES_MISSING);
  postgres ??= await startPostgres();
  const url = await postgres.newDatabase();
  const dir = join(work, 'stream-restart');
  const n = writeArticles(dir, 200);
  const queued = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'ingest', '--queue', dir, '--db', url, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(queued.status, 0, queued.stderr);

  const workers = Promise.all([spawnWorker(url, 'worker-a'), spawnWorker(url, 'worker-b')]);
  const probe = await openStore(url);
  let doneBefore = 0;
  try {
    // Restart once the workers are well under way.
    await pollUntil(
      async () => {
        doneBefore = Number((await probe.one<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE state = 'done' AND kind = 'index'"))!.n);
        return doneBefore >= 30;
      },
      60_000,
      20,
    );
  } finally {
    await probe.close();
  }
  await postgres.restart();
  const [a, b] = await workers;
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.ok(doneBefore > 0 && doneBefore < n, `restarted mid-run (${doneBefore} of ${n} done)`);
  // Seen either between jobs (the store unavailable, retried) or by a job the restart cut short,
  // which failed with the server's state and ran again.
  assert.match(
    a.stderr + b.stderr,
    /store unavailable, retrying|failed: .*(?:not yet accepting connections|terminating connection|shutting down|starting up|Connection terminated)/,
    'the workers saw the restart',
  );

  const db = await openStore(url);
  try {
    await assertConsistent(db);
    assert.equal(Number((await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE story_id IS NOT NULL'))!.n), n, 'every article filed');
    const states = await db.all<{ state: string; n: number }>('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state');
    assert.deepEqual(
      states.map((s) => s.state),
      ['done'],
      `every job done: ${JSON.stringify(states)}`,
    );
    const retried = Number((await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM jobs WHERE attempts > 1'))!.n);
    t.diagnostic(`${n} articles; ${doneBefore} index jobs done before the restart; ${retried} jobs ran again after it; all ${n} filed once`);
  } finally {
    await db.close();
  }
});

test('index jobs are filed a claim at a time; a job that fails in the batch fails alone, and the others are filed once', { skip: !hasEcbplus() && 'no ECB+' }, async () => {
  const db = await openStore(join(work, 'batch-failure.db'));
  try {
    const dir = join(work, 'batch-failure');
    const n = writeArticles(dir, 40);
    await enqueueInputs(db, [dir]);
    const victim = Number((await db.one<{ id: number }>('SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET 5'))!.id);
    let batches = 0;
    // The victim's row cannot be written, as a broken disk sector or a constraint would refuse it.
    const failing = withStatementHook(db, (sql, params) => {
      if (sql.startsWith('UPDATE articles SET doc_id') && params[8] === victim) throw new Error('sector unreadable');
      if (/UPDATE jobs SET state = 'done'.*IN \(\$3, \$4/s.test(sql)) batches++;
    });
    const stats = await runWorker(failing, { id: 'solo', exitWhenIdle: true, pollMs: 20, onJob: () => undefined });
    assert.ok(batches >= 1, 'some jobs were completed together');
    const victimJob = await db.one<{ state: string; attempts: number; last_error: string }>("SELECT state, attempts, last_error FROM jobs WHERE kind = 'index' AND payload = $1", [
      JSON.stringify({ article: victim }),
    ]);
    assert.deepEqual([victimJob?.state, Number(victimJob?.attempts)], ['failed', MAX_ATTEMPTS], 'the failing job failed alone, after its attempts');
    assert.match(victimJob!.last_error, /sector unreadable/);
    assert.equal(stats.failed, MAX_ATTEMPTS);
    const filed = await db.all<{ id: number }>('SELECT id FROM articles WHERE story_id IS NOT NULL');
    assert.equal(filed.length, n - 1, 'every other article filed');
    const twice = await db.all("SELECT article_id FROM story_log WHERE kind = 'assign' GROUP BY article_id HAVING COUNT(*) <> 1");
    assert.deepEqual(twice, [], 'no article filed twice');
    const others = await db.all<{ attempts: number }>("SELECT attempts FROM jobs WHERE kind = 'index' AND payload <> $1", [JSON.stringify({ article: victim })]);
    assert.ok(
      others.every((j) => Number(j.attempts) <= 2),
      'the others ran again at most once (when their batch failed)',
    );
  } finally {
    await db.close();
  }
});

test('a story fed one article per claim is briefed once per brief delay, not once per claim', { skip: !hasSeeds && 'no seeds' }, async () => {
  const briefJobsByStory = async (delayMs: number) => {
    const db = await openStore(join(work, `trickle-${delayMs}.db`));
    try {
      const index = new StoryIndex();
      // A trickling feed: each report is queued, then a worker takes what is due, as its poll loop does.
      for (const seed of seedFiles()) {
        await enqueueInputs(db, [seed.path]);
        for (const job of await claimJobs(db, 'solo', 32)) {
          assert.equal(job.kind === 'index' ? await runIndexJob(db, index, job, 'solo', delayMs) : await runBriefJob(db, job, 'solo'), 'done');
        }
      }
      const jobs = await db.all<{ dedupe_key: string; state: string; run_after: string }>("SELECT dedupe_key, state, run_after FROM jobs WHERE kind = 'brief'");
      const byStory = new Map<string, typeof jobs>();
      for (const job of jobs) byStory.set(job.dedupe_key, [...(byStory.get(job.dedupe_key) ?? []), job]);
      return byStory;
    } finally {
      await db.close();
    }
  };
  const largest = (byStory: Map<string, unknown[]>) => Math.max(...[...byStory.values()].map((jobs) => jobs.length));

  const atOnce = await briefJobsByStory(0);
  assert.ok(largest(atOnce) >= 3, `without a delay the growing story is briefed again and again: ${largest(atOnce)} brief jobs`);
  const delayed = await briefJobsByStory(60_000);
  assert.deepEqual([...delayed.keys()].sort(), [...atOnce.keys()].sort(), 'the same stories are briefed');
  for (const [story, jobs] of delayed) {
    assert.equal(jobs.length, 1, `${story}: one brief job for all its articles`);
    assert.equal(jobs[0]!.state, 'queued');
    assert.ok(Date.parse(jobs[0]!.run_after) > Date.now() + 50_000, `${story}: due once the delay has passed`);
  }
});
