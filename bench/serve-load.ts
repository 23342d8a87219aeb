// Load test of `corroborate serve`: a store of real articles (examples/, the seeds, the 982 ECB+
// articles), the server in its own process on loopback, and autocannon in this one hammering the
// story list, a story page, the API list and a story's brief. Reports requests/s and latency
// percentiles per route; JSON to bench/out/serve-load.json. Run: npm run bench:serve [-- --seconds 10 --connections 10]
// Soak (--soak): every route at once for --seconds (default 60) over --connections (default 100)
// while an `ingest` of --ingest articles (default 10,000, from the stream benchmark's generator)
// writes into the same store; also the server's RSS at the start and the end.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openStore } from '../src/store/open-store.ts';
import { ingest } from '../src/collect/ingest.ts';
import { listStories } from '../src/store/stories.ts';
import { cachedStoryBrief } from '../src/collect/story-briefs.ts';
import { hasEcbplus, loadEcbplus } from '../test/quality/ecbplus.ts';
import { loadStreamSources } from './stream-sources.ts';
import { writeStream } from './stream-corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { seconds: { type: 'string' }, connections: { type: 'string' }, soak: { type: 'boolean', default: false }, ingest: { type: 'string', default: '10000' } },
});
const soak = values.soak;
const seconds = Number(values.seconds ?? (soak ? 60 : 10));
const connections = Number(values.connections ?? (soak ? 100 : 10));

async function buildStore(dir: string): Promise<{ path: string; story: number; stories: number; articles: number }> {
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  if (hasEcbplus()) for (const a of loadEcbplus()) writeFileSync(join(articles, a.id.replace(/\.xml$/, '.txt')), a.text);
  const path = join(dir, 'store.db');
  const db = await openStore(path);
  const summary = await ingest(db, [join(ROOT, 'examples'), join(ROOT, '../shared/seeds'), articles]);
  const stories = await listStories(db);
  // What the workers would have done: every story on the first page briefed.
  for (const s of stories.slice(0, 50)) await cachedStoryBrief(db, s.id);
  await db.close();
  return { path, story: stories[0]!.id, stories: stories.length, articles: summary.added + summary.copies };
}

function startServer(db: string): Promise<{ url: string; stop: () => void; pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = stderr.match(/at (http:\/\/\S+\/)/)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGINT'), pid: child.pid! });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

interface RouteResult {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

/** Resident memory of a process, in MiB (Linux). */
function rssMib(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** `ingest` of `count` generated articles into the store, in its own process; resolves with its summary line. */
async function ingestStream(db: string, count: number, dir: string): Promise<{ done: Promise<string> }> {
  const sources = await loadStreamSources(ROOT, join(ROOT, '..', 'shared'));
  const streamDir = join(dir, 'stream');
  mkdirSync(streamDir);
  writeStream(sources, { articles: count, seed: 7, dir: streamDir });
  const child = spawn(process.execPath, [join(ROOT, 'bin/corroborate.js'), 'ingest', streamDir, '--db', db, '--quiet'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return { done: new Promise((resolve) => child.on('close', (code) => resolve(`${out.trim()} (exit ${code})`))) };
}

async function hammer(base: string, route: string, share = connections): Promise<RouteResult> {
  const result = await autocannon({ url: base + route.slice(1), connections: share, duration: seconds });
  return {
    route,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'corroborate-load-'));
try {
  process.stderr.write('bench:serve: building the store…\n');
  const store = await buildStore(dir);
  const server = await startServer(store.path);
  try {
    const routes = ['/', `/stories/${store.story}`, '/api/stories?limit=50', `/api/stories/${store.story}/brief`, '/search?q=earthquake'];
    const results: RouteResult[] = [];
    let soakLine = '';
    if (soak) {
      process.stderr.write(`bench:serve: generating ${values.ingest} articles to ingest meanwhile…\n`);
      const writer = await ingestStream(store.path, Number(values.ingest), dir);
      const rssStart = rssMib(server.pid);
      process.stderr.write(`bench:serve: every route at once for ${seconds} s, ${connections} connections, an ingest running…\n`);
      const share = Math.max(1, Math.floor(connections / routes.length));
      results.push(...(await Promise.all(routes.map((route) => hammer(server.url, route, share)))));
      const rssEnd = rssMib(server.pid);
      const ingested = await writer.done;
      soakLine = `soak: server RSS ${rssStart.toFixed(0)} MiB at the start, ${rssEnd.toFixed(0)} MiB at the end (${(((rssEnd - rssStart) / rssStart) * 100).toFixed(0)}%); ingest meanwhile: ${ingested}`;
    } else {
      for (const route of routes) {
        process.stderr.write(`bench:serve: ${route} for ${seconds} s, ${connections} connections…\n`);
        results.push(await hammer(server.url, route));
      }
    }
    const lines = [
      `store: ${store.articles} articles in ${store.stories} stories (SQLite); server and load generator in two processes on loopback; ${connections} connections, ${seconds} s ${soak ? 'all routes at once' : 'per route'}`,
      ...(soakLine ? [soakLine] : []),
      '',
      '| route | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map((r) => `| ${r.route} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.non2xx} | ${r.errors} |`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(join(ROOT, `bench/out/serve-${soak ? 'soak' : 'load'}.json`), JSON.stringify({ store, seconds, connections, soak: soakLine || null, results }, null, 2));
  } finally {
    server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
