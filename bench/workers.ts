// `npm run bench:workers`: the queue and its workers on PostgreSQL. The stream's first N articles
// (stream-corpus.ts, as `npm run bench` makes them) are queued with `corroborate ingest --queue`,
// then K `corroborate worker --exit-when-idle` processes drain the queue; the jobs table says when
// each kind of job ran. A throwaway server on loopback (test/helpers/postgres.ts) unless --db.
// Run: npm run bench:workers [-- --articles 2000 --workers 2 --db postgres://…]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/open-store.ts';
import { startPostgres } from '../test/helpers/postgres.ts';
import { writeStream } from './stream-corpus.ts';
import { loadStreamSources } from './stream-sources.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { articles: { type: 'string', default: '2000' }, workers: { type: 'string', default: '2' }, db: { type: 'string' } } });
const articles = Number(values.articles);
const workers = Number(values.workers);
if (!(articles > 0) || !(workers > 0)) {
  process.stderr.write('usage: npm run bench:workers -- [--articles N] [--workers K] [--db postgres://…]\n');
  process.exit(2);
}

/** The CLI as `npm run corroborate` runs it (the bundle, the larger young generation); resolves with its wall time. */
function cli(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--max-semi-space-size=32', join(ROOT, 'src/cli/launch.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) =>
    child.once('exit', (code) => (code === 0 ? done((performance.now() - started) / 1000) : fail(new Error(`corroborate ${args[0]} exited ${code}: ${stderr.trim().split('\n').pop()}`)))),
  );
}

const work = mkdtempSync(join(tmpdir(), 'corroborate-workers-'));
const server = values.db ? null : await startPostgres();
try {
  const url = values.db ?? (await server!.newDatabase());
  const stream = join(work, 'stream');
  mkdirSync(stream);
  writeStream(await loadStreamSources(ROOT, resolve(ROOT, '..', 'shared')), { articles, seed: 20261130, dir: stream });
  process.stderr.write(`bench:workers: queueing ${articles} articles…\n`);
  const queueSeconds = await cli(['ingest', '--queue', stream, '--db', url, '--quiet']);
  process.stderr.write(`bench:workers: ${workers} workers draining the queue…\n`);
  const drainStarted = performance.now();
  await Promise.all(Array.from({ length: workers }, (_, k) => cli(['worker', '--db', url, '--id', `bench-${k + 1}`, '--exit-when-idle', '--quiet'])));
  const drainSeconds = (performance.now() - drainStarted) / 1000;
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
    `${articles} stream articles, ${workers} workers, PostgreSQL ${values.db ? 'as given' : 'on loopback (fsync off)'}; ${stories} stories`,
    '| step | jobs | attempts | seconds | per second |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| queue (ingest --queue) | | | ${queueSeconds.toFixed(1)} | ${(articles / queueSeconds).toFixed(0)} |`,
    ...rows.map((r) => `| ${r.kind} jobs, first to last | ${r.jobs} | ${r.attempts} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(0)} |`),
    `| the drain, workers' start to exit | | | ${drainSeconds.toFixed(1)} | |`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'out', 'workers.json'), JSON.stringify({ articles, workers, stories, queueSeconds, drainSeconds, jobs: rows }, null, 2));
} finally {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}
