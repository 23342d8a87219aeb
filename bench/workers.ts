// `npm run bench:workers`: the queue and its workers on PostgreSQL. The stream's first N articles
// (stream-corpus.ts, as `npm run bench` makes them) are queued with `corroborate ingest --queue`,
// then K `corroborate worker --exit-when-idle` processes drain the queue; the jobs table says when
// each kind of job ran. A throwaway server on loopback (test/helpers/postgres.ts) unless --db.
// With --trickle R the articles arrive as a feed does instead, R a second, while the workers run
// (they are stopped once nothing is left): how often a growing story is briefed again.
// Run: npm run bench:workers [-- --articles 2000 --workers 2 --trickle 100 --brief-delay 5000 --db postgres://…]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/open-store.ts';
import { enqueueInputs } from '../src/collect/enqueue.ts';
import { queueCounts } from '../src/store/job-queue.ts';
import { startPostgres } from '../test/helpers/postgres.ts';
import { writeStream } from './stream-corpus.ts';
import { loadStreamSources } from './stream-sources.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { articles: { type: 'string', default: '2000' }, workers: { type: 'string', default: '2' }, trickle: { type: 'string' }, 'brief-delay': { type: 'string' }, db: { type: 'string' } },
});
const articles = Number(values.articles);
const workers = Number(values.workers);
const trickle = values.trickle === undefined ? null : Number(values.trickle);
const briefDelay = values['brief-delay'];
if (!(articles > 0) || !(workers > 0) || (trickle !== null && !(trickle > 0)) || (briefDelay !== undefined && !/^\d+$/.test(briefDelay))) {
  process.stderr.write('usage: npm run bench:workers -- [--articles N] [--workers K] [--trickle ARTICLES_PER_SECOND] [--brief-delay MS] [--db postgres://…]\n');
  process.exit(2);
}

/** The CLI as `npm run corroborate` runs it (the bundle, the larger young generation); `done` resolves with its wall time. */
function cli(args: string[]): { child: ChildProcess; done: Promise<number> } {
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-semi-space-size=32', join(ROOT, 'src/cli/launch.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<number>((resolve, fail) =>
    child.once('exit', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : fail(new Error(`corroborate ${args[0]} exited ${code}: ${stderr.trim().split('\n').pop()}`)))),
  );
  return { child, done };
}

const workerArgs = (url: string, k: number, untilIdle: boolean) => [
  'worker',
  '--db',
  url,
  '--id',
  `bench-${k + 1}`,
  ...(untilIdle ? ['--exit-when-idle'] : []),
  ...(briefDelay !== undefined ? ['--brief-delay', briefDelay] : []),
  '--quiet',
];

/** The stream's records in the order written, as one JSONL line each. */
function streamRecords(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));
}

/**
 * A feed: the records queued a tenth of a second's worth at a time, `rate` a second, while the
 * workers run; then the workers are stopped once no job is queued or running. Returns the queueing
 * and drain times.
 */
async function trickleThrough(url: string, stream: string, rate: number): Promise<{ queueSeconds: number; drainSeconds: number }> {
  const records = streamRecords(stream);
  const db = await openStore(url);
  const started = performance.now();
  const running = Array.from({ length: workers }, (_, k) => cli(workerArgs(url, k, false)));
  const perTick = Math.max(1, Math.round(rate / 10));
  const feed = join(work, 'feed');
  mkdirSync(feed);
  for (let from = 0, tick = 0; from < records.length; from += perTick, tick++) {
    const file = join(feed, `tick-${String(tick).padStart(6, '0')}.jsonl`);
    writeFileSync(file, records.slice(from, from + perTick).join('\n') + '\n');
    await enqueueInputs(db, [file]);
    const due = started + ((tick + 1) * 1000) / 10;
    await new Promise((wake) => setTimeout(wake, Math.max(0, due - performance.now())));
  }
  const queueSeconds = (performance.now() - started) / 1000;
  for (;;) {
    const counts = await queueCounts(db);
    if (!counts.queued && !counts.running) break;
    await new Promise((wake) => setTimeout(wake, 200));
  }
  for (const { child } of running) child.kill('SIGTERM');
  await Promise.all(running.map((r) => r.done));
  await db.close();
  return { queueSeconds, drainSeconds: (performance.now() - started) / 1000 };
}

const work = mkdtempSync(join(tmpdir(), 'corroborate-workers-'));
const server = values.db ? null : await startPostgres();
try {
  const url = values.db ?? (await server!.newDatabase());
  const stream = join(work, 'stream');
  mkdirSync(stream);
  writeStream(await loadStreamSources(ROOT, resolve(ROOT, '..', 'shared')), { articles, seed: 20261130, dir: stream });
  let queueSeconds: number;
  let drainSeconds: number;
  if (trickle !== null) {
    process.stderr.write(`bench:workers: ${articles} articles fed at ${trickle} a second to ${workers} workers…\n`);
    ({ queueSeconds, drainSeconds } = await trickleThrough(url, stream, trickle));
  } else {
    process.stderr.write(`bench:workers: queueing ${articles} articles…\n`);
    queueSeconds = await cli(['ingest', '--queue', stream, '--db', url, '--quiet']).done;
    process.stderr.write(`bench:workers: ${workers} workers draining the queue…\n`);
    const drainStarted = performance.now();
    await Promise.all(Array.from({ length: workers }, (_, k) => cli(workerArgs(url, k, true)).done));
    drainSeconds = (performance.now() - drainStarted) / 1000;
  }
  const db = await openStore(url);
  const kinds = await db.all<{ kind: string; n: number; first: string; last: string; attempts: number }>(
    'SELECT kind, COUNT(*) AS n, MIN(finished_at) AS first, MAX(finished_at) AS last, SUM(attempts) AS attempts FROM jobs GROUP BY kind ORDER BY kind DESC',
  );
  const stories = Number((await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM stories WHERE merged_into IS NULL'))!.n);
  await db.close();
  const rows = kinds.map((k) => {
    const seconds = (Date.parse(k.last) - Date.parse(k.first)) / 1000;
    return { kind: k.kind, jobs: Number(k.n), attempts: Number(k.attempts), seconds, perSecond: Number(k.n) / seconds };
  });
  const lines = [
    `${articles} stream articles${trickle !== null ? ` fed at ${trickle}/s` : ''}, ${workers} workers (brief delay ${briefDelay ?? 'default'}), PostgreSQL ${values.db ? 'as given' : 'on loopback (fsync off)'}; ${stories} stories`,
    '| step | jobs | attempts | seconds | per second |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| ${trickle !== null ? 'the feed, first to last article queued' : 'queue (ingest --queue)'} | | | ${queueSeconds.toFixed(1)} | ${(articles / queueSeconds).toFixed(0)} |`,
    ...rows.map((r) => `| ${r.kind} jobs, first to last | ${r.jobs} | ${r.attempts} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(0)} |`),
    `| ${trickle !== null ? "the feed's start to the last job done" : "the drain, workers' start to exit"} | | | ${drainSeconds.toFixed(1)} | |`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'out', 'workers.json'), JSON.stringify({ articles, workers, trickle, briefDelay: briefDelay ?? null, stories, queueSeconds, drainSeconds, jobs: rows }, null, 2));
} finally {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}
