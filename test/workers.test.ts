// Two workers on one PostgreSQL share the queue: every article is processed exactly once.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open-store.ts';
import { storyFingerprint } from '../src/collect/story-briefs.ts';
import { listStories } from '../src/store/stories.ts';
import { postgresAvailable, POSTGRES_MISSING, startPostgres, type TestPostgres } from './helpers/postgres.ts';
import { assertConsistent, writeArticles } from './helpers/store-checks.ts';
import { hasEcbplus } from './quality/ecbplus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');
const work = mkdtempSync(join(tmpdir(), 'corroborate-workers-'));
let postgres: TestPostgres | null = null;

after(async () => {
  await postgres?.stop();
  rmSync(work, { recursive: true, force: true });
});

function runWorker(url: string, id: string): Promise<{ code: number | null; stderr: string }> {
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

  const [a, b] = await Promise.all([runWorker(url, 'worker-a'), runWorker(url, 'worker-b')]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);

  const db = await openStore(url);
  try {
    await assertConsistent(db);
    const jobs = await db.all<{ kind: string; state: string; attempts: number; locked_by: string }>('SELECT kind, state, attempts, locked_by FROM jobs');
    const index = jobs.filter((j) => j.kind === 'index');
    assert.equal(index.length, n, 'one index job per article');
    assert.deepEqual([...new Set(jobs.map((j) => j.state))], ['done'], 'every job done');
    assert.ok(index.every((j) => Number(j.attempts) === 1), 'no index job ran twice');
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
