// Load test of `corroborate serve`: a store of real articles (examples/, the seeds, the 982 ECB+
// articles), the server in its own process on loopback, and autocannon in this one hammering the
// story list, a story page, the API list and a story's brief. Reports requests/s and latency
// percentiles per route; JSON to bench/out/serve-load.json. Run: npm run bench:serve [-- --seconds 10 --connections 10]
// Soak (--soak): every route at once for --seconds (default 60) over --connections (default 100)
// while an `ingest` of --ingest articles (default 10,000, from the stream benchmark's generator)
// writes into the same store; also the server's RSS at the start and the end.
// Big store (--articles N, e.g. 100000): the store is filled from the stream benchmark's generator
// (stream-corpus.ts) through `ingest`, as `npm run bench` fills it; the first page of the list is
// briefed as above. Besides autocannon, warm time to first byte (--ttfb-runs sequential requests
// after a warm-up, median and p95) of the list, the list filtered and sorted, the API list, the
// biggest story's page and sources, and search; and whether a request waits on a brief being
// made: `/` timed while a story without a brief is briefed, and a story whose brief is stale asked
// for. --keep keeps the store and prints where; --store PATH serves a kept store without building.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../src/store/open-store.ts';
import { ingest } from '../src/collect/ingest.ts';
import { listStories } from '../src/store/stories.ts';
import { cachedStoryBrief } from '../src/collect/story-briefs.ts';
import { catchUpSearchIndex } from '../src/store/search-index.ts';
import { request as httpRequest, Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { hasEcbplus, loadEcbplus } from '../test/quality/ecbplus.ts';
import { loadStreamSources } from './stream-sources.ts';
import { writeStream } from './stream-corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    connections: { type: 'string' },
    soak: { type: 'boolean', default: false },
    ingest: { type: 'string', default: '10000' },
    articles: { type: 'string' },
    seed: { type: 'string', default: '20261130' },
    'ttfb-runs': { type: 'string', default: '30' },
    store: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const streamArticles = values.articles === undefined ? null : Number(values.articles);
const ttfbRuns = Number(values['ttfb-runs']);
/** Stories on the list's first page: what the workers would have briefed. */
const FIRST_PAGE = 50;
const soak = values.soak;
const seconds = Number(values.seconds ?? (soak ? 60 : 10));
const connections = Number(values.connections ?? (soak ? 100 : 10));

interface BuiltStore {
  path: string;
  /** The biggest story (briefed), and the biggest without a brief (null in a store of one page). */
  story: number;
  unbriefed: number | null;
  stories: number;
  articles: number;
  /** Seconds to generate the stream, ingest it, catch up the search index, brief the first page. */
  build?: { generate: number; ingest: number; searchIndex: number; briefs: number };
}

async function buildStore(dir: string): Promise<BuiltStore> {
  if (streamArticles !== null) return buildStreamStore(dir, streamArticles);
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  if (hasEcbplus()) for (const a of loadEcbplus()) writeFileSync(join(articles, a.id.replace(/\.xml$/, '.txt')), a.text);
  const path = join(dir, 'store.db');
  const db = await openStore(path);
  const summary = await ingest(db, [join(ROOT, 'examples'), join(ROOT, '../shared/seeds'), articles]);
  const stories = await listStories(db);
  // What the workers would have done: every story on the first page briefed.
  for (const s of stories.slice(0, FIRST_PAGE)) await cachedStoryBrief(db, s.id);
  await db.close();
  return { path, story: stories[0]!.id, unbriefed: stories[FIRST_PAGE]?.id ?? null, stories: stories.length, articles: summary.added + summary.copies };
}

/** A store of `count` generated articles (the stream benchmark's), ingested as the CLI does, its first page briefed. */
async function buildStreamStore(dir: string, count: number): Promise<BuiltStore> {
  let started = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = (now - started) / 1000;
    started = now;
    return seconds;
  };
  const sources = await loadStreamSources(ROOT, join(ROOT, '..', 'shared'));
  const streamDir = join(dir, 'stream');
  mkdirSync(streamDir);
  const corpus = writeStream(sources, { articles: count, seed: Number(values.seed), dir: streamDir });
  const generate = lap();
  process.stderr.write(`bench:serve: ${corpus.articles} articles generated (${generate.toFixed(1)} s); ingesting…\n`);
  const path = join(dir, 'store.db');
  const db = await openStore(path);
  const summary = await ingest(db, [streamDir]);
  const ingestSeconds = lap();
  rmSync(streamDir, { recursive: true, force: true });
  process.stderr.write(`bench:serve: ingested in ${ingestSeconds.toFixed(1)} s; search index…\n`);
  // `serve` would catch it up in the background; done here so the search timed is the warm one.
  await catchUpSearchIndex(db);
  const searchIndex = lap();
  const stories = await listStories(db);
  process.stderr.write(`bench:serve: ${stories.length} stories; briefing the first ${FIRST_PAGE}…\n`);
  for (const s of stories.slice(0, FIRST_PAGE)) await cachedStoryBrief(db, s.id);
  const briefs = lap();
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.close();
  return {
    path,
    story: stories[0]!.id,
    unbriefed: stories[FIRST_PAGE]?.id ?? null,
    stories: stories.length,
    articles: summary.added + summary.copies,
    build: { generate, ingest: ingestSeconds, searchIndex, briefs },
  };
}

/** What a kept store (--store) holds, read as buildStore would have reported it. */
async function describeStore(path: string): Promise<BuiltStore> {
  const db = await openStore(path);
  try {
    const stories = await listStories(db, { limit: FIRST_PAGE * 2 });
    const briefed = new Set((await db.all<{ story_id: number }>('SELECT story_id FROM story_briefs')).map((r) => Number(r.story_id)));
    const count = async (sql: string) => Number((await db.one<{ n: number }>(sql))!.n);
    return {
      path,
      story: Number(stories[0]!.id),
      unbriefed: Number(stories.find((s) => !briefed.has(Number(s.id)))?.id ?? NaN) || null,
      stories: await count('SELECT COUNT(*) AS n FROM stories WHERE merged_into IS NULL'),
      articles: await count('SELECT COUNT(*) AS n FROM articles'),
    };
  } finally {
    await db.close();
  }
}

type MemoryUsage = ReturnType<typeof process.memoryUsage> & { heapUsedBeforeGc: number };

function startServer(db: string): Promise<{ url: string; stop: () => void; pid: number; memoryUsage: () => Promise<MemoryUsage> }> {
  // bench/report-memory.cjs: the server collects its garbage and tells its process.memoryUsage() when sent SIGUSR2.
  const child = spawn(process.execPath, ['--expose-gc', '--require', join(ROOT, 'bench/report-memory.cjs'), '--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const waiting: ((usage: MemoryUsage) => void)[] = [];
  const memoryUsage = () =>
    new Promise<MemoryUsage>((resolve) => {
      waiting.push(resolve);
      child.kill('SIGUSR2');
    });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const m of stderr.matchAll(/memory-usage (\{.*\})\n/g)) waiting.shift()?.(JSON.parse(m[1]!) as MemoryUsage);
      stderr = stderr.replace(/memory-usage \{.*\}\n/g, '');
      const url = stderr.match(/at (http:\/\/\S+\/)/)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGINT'), pid: child.pid!, memoryUsage });
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

/**
 * Where a process's resident memory is, in KiB, by mapping: a file's path (code, SQLite's
 * mapped -shm), [heap] (malloc's main arena), [stack], or "anonymous" (V8's heaps, threads'
 * malloc arenas and stacks); and its thread count. What the soak compares at its start and end.
 */
function residentParts(pid: number): { byMapping: Map<string, number>; threads: number } {
  const byMapping = new Map<string, number>();
  let mapping = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) mapping = header[1]!.trim() || 'anonymous';
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) byMapping.set(mapping, (byMapping.get(mapping) ?? 0) + Number(rss[1]));
  }
  const threads = Number(/Threads:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return { byMapping, threads };
}

/** V8's heap (used, live after a collection, reserved) and memory outside it (Buffers, native) at the start and the end, in MiB. */
function usageGrowth(start: MemoryUsage, end: MemoryUsage): string {
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const pair = (key: keyof MemoryUsage) => `${mib(start[key])} → ${mib(end[key])}`;
  return `heap used ${pair('heapUsedBeforeGc')}, live ${pair('heapUsed')}, heap total ${pair('heapTotal')}, external ${pair('external')} MiB`;
}

/** The mappings whose resident memory grew most between two readings, e.g. "anonymous +61 MiB". */
function growth(start: ReturnType<typeof residentParts>, end: ReturnType<typeof residentParts>): string {
  const grown = [...end.byMapping]
    .map(([name, kib]) => [name, kib - (start.byMapping.get(name) ?? 0)] as const)
    .filter(([, kib]) => Math.abs(kib) >= 1024)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, kib]) => `${name.split('/').pop()} ${kib > 0 ? '+' : ''}${(kib / 1024).toFixed(0)} MiB`);
  return `${grown.join(', ') || 'no mapping by 1 MiB or more'}; threads ${start.threads} → ${end.threads}`;
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

const keepAlive = new Agent({ keepAlive: true, maxSockets: 4 });

interface Timed {
  status: number;
  /** Milliseconds from sending the request to the response's first byte (its status line), and to its last. */
  ttfb: number;
  total: number;
  bytes: number;
}

/** One GET on a kept-alive connection, timed to its first and last byte. */
function timedGet(url: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = httpRequest(url, { agent: keepAlive }, (res) => {
      const ttfb = performance.now() - start;
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ttfb, total: performance.now() - start, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

interface TtfbResult {
  route: string;
  /** The first request's, before any warm-up: what the first reader after a start (or a story-log change) waits. */
  first: number;
  median: number;
  p95: number;
  max: number;
  totalMedian: number;
  kib: number;
  statuses: number[];
}

/** Warm time to first byte: `runs` sequential requests after a warm-up of 5. */
async function ttfb(base: string, route: string, runs: number): Promise<TtfbResult> {
  const first = await timedGet(base + route.slice(1));
  for (let i = 0; i < 4; i++) await timedGet(base + route.slice(1));
  const samples: Timed[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timedGet(base + route.slice(1)));
  const firstBytes = samples.map((t) => t.ttfb).sort((a, b) => a - b);
  const totals = samples.map((t) => t.total).sort((a, b) => a - b);
  return {
    route,
    first: first.ttfb,
    median: quantile(firstBytes, 0.5),
    p95: quantile(firstBytes, 0.95),
    max: firstBytes[firstBytes.length - 1]!,
    totalMedian: quantile(totals, 0.5),
    kib: samples[0]!.bytes / 1024,
    statuses: [...new Set([first, ...samples].map((t) => t.status))],
  };
}

interface WaitResult {
  what: string;
  route: string;
  /** The slow request's own time to first byte. */
  ttfb: number;
  status: number;
  /** `/` asked over and over while it ran: how many times, median and slowest time to first byte. */
  probes: number;
  probeMedian: number;
  probeMax: number;
}

/** Asks for `route` and, until it answers, asks for `/` again and again: does the list wait? */
async function whileBuilding(base: string, what: string, route: string): Promise<WaitResult> {
  let done = false;
  const slow = timedGet(base + route.slice(1)).finally(() => (done = true));
  const probes: number[] = [];
  await new Promise((r) => setTimeout(r, 20));
  while (!done) {
    probes.push((await timedGet(base)).ttfb);
    await new Promise((r) => setTimeout(r, 10));
  }
  const answered = await slow;
  probes.sort((a, b) => a - b);
  return { what, route, ttfb: answered.ttfb, status: answered.status, probes: probes.length, probeMedian: quantile(probes, 0.5), probeMax: probes[probes.length - 1] ?? NaN };
}

/** Makes the brief of the briefed story with the biggest brief (not `except`) stale, as a new article would; returns that story. */
async function staleBrief(path: string, except: number): Promise<number | null> {
  const db = await openStore(path);
  try {
    const row = await db.one<{ story_id: number }>('SELECT story_id FROM story_briefs WHERE story_id <> $1 ORDER BY LENGTH(brief) DESC LIMIT 1', [except]);
    if (!row) return null;
    await db.run("UPDATE story_briefs SET fingerprint = 'stale:' || fingerprint WHERE story_id = $1", [row.story_id]);
    return Number(row.story_id);
  } finally {
    await db.close();
  }
}

/** Seconds from `started` until the story's stored brief is current again (its fingerprint no longer marked stale). */
async function rebuilt(path: string, story: number, started: number): Promise<number> {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const marked = db.prepare<[number], { stale: number }>("SELECT fingerprint LIKE 'stale:%' AS stale FROM story_briefs WHERE story_id = ?");
    while (marked.get(story)?.stale) await new Promise((r) => setTimeout(r, 100));
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
  }
}

/** The outlet with the most articles, and the days the stories span: for the filtered list. */
async function listFilterArgs(path: string): Promise<{ outlet: string | null; from: string | null; to: string | null }> {
  const db = await openStore(path);
  try {
    const outlet = await db.one<{ outlet: string }>('SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 1');
    // The middle fifth of the stories, by the day they were last seen.
    const dated = Number((await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM stories WHERE merged_into IS NULL AND last_seen IS NOT NULL'))!.n);
    const at = async (share: number) =>
      (
        await db.one<{ day: string }>('SELECT SUBSTR(last_seen, 1, 10) AS day FROM stories WHERE merged_into IS NULL AND last_seen IS NOT NULL ORDER BY last_seen LIMIT 1 OFFSET $1', [
          Math.floor(dated * share),
        ])
      )?.day ?? null;
    return { outlet: outlet?.outlet ?? null, from: dated ? await at(0.4) : null, to: dated ? await at(0.6) : null };
  } finally {
    await db.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'corroborate-load-'));
try {
  process.stderr.write('bench:serve: building the store…\n');
  const buildStarted = performance.now();
  const store = values.store ? await describeStore(values.store) : await buildStore(dir);
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const stale = soak ? null : await staleBrief(store.path, store.story);
  const args = await listFilterArgs(store.path);
  const server = await startServer(store.path);
  try {
    const routes = ['/', `/stories/${store.story}`, '/api/stories?limit=50', `/api/stories/${store.story}/brief`, '/search?q=earthquake'];
    const results: RouteResult[] = [];
    const ttfbs: TtfbResult[] = [];
    const waits: WaitResult[] = [];
    let rebuiltBehind: number | null = null;
    let soakLine = '';
    if (!soak) {
      const filtered = `/?sort=newest${args.from ? `&from=${args.from}&to=${args.to}` : ''}`;
      const contested = `/?sort=contested${args.outlet ? `&outlet=${encodeURIComponent(args.outlet)}` : ''}`;
      const ttfbRoutes = [
        '/',
        filtered,
        '/?sort=contested',
        contested,
        '/api/stories?limit=50',
        `/api/stories?sort=newest&limit=50`,
        `/stories/${store.story}`,
        `/stories/${store.story}/sources`,
        '/search?q=earthquake',
      ];
      for (const route of ttfbRoutes) {
        process.stderr.write(`bench:serve: time to first byte of ${route}, ${ttfbRuns} requests after a warm-up…\n`);
        ttfbs.push(await ttfb(server.url, route, ttfbRuns));
      }
      if (store.unbriefed !== null) {
        process.stderr.write(`bench:serve: story ${store.unbriefed} has no brief: its page, and / meanwhile…\n`);
        waits.push(await whileBuilding(server.url, 'no brief yet', `/stories/${store.unbriefed}`));
      }
      if (stale !== null) {
        process.stderr.write(`bench:serve: story ${stale}'s brief is stale: its page, and / meanwhile…\n`);
        const started = performance.now();
        waits.push(await whileBuilding(server.url, 'stale brief', `/stories/${stale}`));
        // The new brief, if it is made behind the answer, is waited for: its thread would share the CPU with what follows.
        rebuiltBehind = await rebuilt(store.path, stale, started);
      }
    }
    if (soak) {
      process.stderr.write(`bench:serve: generating ${values.ingest} articles to ingest meanwhile…\n`);
      const writer = await ingestStream(store.path, Number(values.ingest), dir);
      const rssStart = rssMib(server.pid);
      const partsStart = residentParts(server.pid);
      const usageStart = await server.memoryUsage();
      process.stderr.write(`bench:serve: every route at once for ${seconds} s, ${connections} connections, an ingest running…\n`);
      const share = Math.max(1, Math.floor(connections / routes.length));
      results.push(...(await Promise.all(routes.map((route) => hammer(server.url, route, share)))));
      const rssEnd = rssMib(server.pid);
      const partsEnd = residentParts(server.pid);
      const usageEnd = await server.memoryUsage();
      const ingested = await writer.done;
      soakLine = `soak: server RSS ${rssStart.toFixed(0)} MiB at the start, ${rssEnd.toFixed(0)} MiB at the end (${(((rssEnd - rssStart) / rssStart) * 100).toFixed(0)}%; grew in ${growth(partsStart, partsEnd)}; main thread ${usageGrowth(usageStart, usageEnd)}); ingest meanwhile: ${ingested}`;
    } else if (seconds > 0) {
      for (const route of routes) {
        process.stderr.write(`bench:serve: ${route} for ${seconds} s, ${connections} connections…\n`);
        results.push(await hammer(server.url, route));
      }
    }
    const ms = (x: number) => x.toFixed(1);
    const build = store.build;
    const lines = [
      `store: ${store.articles} articles in ${store.stories} stories (SQLite); server and load generator in two processes on loopback; ${connections} connections, ${seconds} s ${soak ? 'all routes at once' : 'per route'}`,
      build
        ? `built in ${buildSeconds.toFixed(0)} s: stream generated ${build.generate.toFixed(1)} s, ingest ${build.ingest.toFixed(1)} s, search index ${build.searchIndex.toFixed(1)} s, first ${FIRST_PAGE} stories briefed ${build.briefs.toFixed(1)} s`
        : `built (or read) in ${buildSeconds.toFixed(0)} s`,
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} at the end`,
      ...(soakLine ? [soakLine] : []),
      ...(ttfbs.length
        ? [
            '',
            `time to first byte, warm: ${ttfbRuns} sequential requests on a kept-alive connection after 5 (the first of them cold)`,
            '',
            '| route | first ms | median ms | p95 ms | max ms | median to last byte ms | KiB | status |',
            '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
            ...ttfbs.map((t) => `| ${t.route} | ${ms(t.first)} | ${ms(t.median)} | ${ms(t.p95)} | ${ms(t.max)} | ${ms(t.totalMedian)} | ${t.kib.toFixed(0)} | ${t.statuses.join(',')} |`),
          ]
        : []),
      ...(waits.length
        ? [
            '',
            '| while a brief is made | the page: first byte ms | status | `/` meanwhile: requests | median ms | max ms |',
            '| --- | ---: | --- | ---: | ---: | ---: |',
            ...waits.map((w) => `| ${w.what}: ${w.route} | ${ms(w.ttfb)} | ${w.status} | ${w.probes} | ${ms(w.probeMedian)} | ${ms(w.probeMax)} |`),
            ...(rebuiltBehind !== null ? ['', `the stale brief was current again ${rebuiltBehind.toFixed(1)} s after it was asked for`] : []),
          ]
        : []),
      '',
      '| route | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map((r) => `| ${r.route} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.non2xx} | ${r.errors} |`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
    writeFileSync(
      join(ROOT, `bench/out/serve-${soak ? 'soak' : 'load'}.json`),
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cpus: cpus().length, loadAverage: loadavg() },
          store,
          buildSeconds,
          seconds,
          connections,
          soak: soakLine || null,
          ttfb: ttfbs,
          waits,
          rebuiltBehind,
          results,
        },
        null,
        2,
      ),
    );
  } finally {
    server.stop();
    keepAlive.destroy();
  }
} finally {
  if (values.keep && !values.store) process.stderr.write(`bench:serve: kept ${dir} (serve it again with --store ${join(dir, 'store.db')})\n`);
  else rmSync(dir, { recursive: true, force: true });
}
