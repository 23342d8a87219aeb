// `npm run bench`: ingest + cluster a stream of 100,000 articles into a fresh store and report how
// fast (articles/s, time per 10k as the store grows), how much memory (peak RSS) and disk, and what
// came out (stories, copies). The stream is recombined from real text at run time
// (stream-corpus.ts) into JSON Lines files in a temp dir, removed at the end. Table to stdout,
// JSON to bench/out/stream.json, progress to stderr.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { emptyTimings, ingest, type IngestOptions, type IngestSummary } from '../src/collect/ingest.ts';
import type { Database } from '../src/store/database.ts';
import { isPostgresUrl, openStore } from '../src/store/open-store.ts';
import { catchUpSearchIndex } from '../src/store/search-index.ts';
import { bcubed } from '../src/stories/bcubed.ts';
import { maxRssBytes, RssSampler } from './measure.ts';
import { storeDigest } from './stream-digest.ts';
import { writeStream, type StreamCorpus } from './stream-corpus.ts';
import { loadStreamSources } from './stream-sources.ts';

const DEFAULT_ARTICLES = 100_000;
const QUICK_ARTICLES = 10_000;
const DEFAULT_SEED = 20261130;
/** The growth curve is reported per this many articles. */
const CHUNK = 10_000;
const GOAL_SECONDS = 60;
const MIB = 2 ** 20;

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH_DIR, '..');
const SHARED = resolve(REPO, '..', 'shared');
const OUT_FILE = join(BENCH_DIR, 'out', 'stream.json');

const USAGE = `usage: npm run bench -- [--articles N] [--quick] [--db postgres://…] [--seed N] [--batch N] [--threads N] [--verify] [--keep]
  --articles N   articles in the stream (default ${DEFAULT_ARTICLES})
  --quick        ${QUICK_ARTICLES} articles
  --db URL       a PostgreSQL server instead of the embedded store (a schema of its own, dropped at the end)
  --seed N       stream seed (default ${DEFAULT_SEED})
  --batch N      articles per transaction (default: ingest's)
  --threads N    prepare threads (default: ingest's, one per core; 0: all on the main thread)
  --keep         keep the generated stream and the store in the temp dir, and print where
  --verify       ingest the stream again on the main thread alone into another embedded store, and
                 check that both stores hold the same (their digests agree)`;

interface Chunk {
  /** Articles ingested at the end of the chunk. */
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  /** Resident memory when the chunk ended, and the main thread's JavaScript heap then. */
  rssMiB: number;
  heapMiB: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      quick: { type: 'boolean', default: false },
      db: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      threads: { type: 'string' },
      keep: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const articles = values.articles ? positive(values.articles, '--articles') : values.quick ? QUICK_ARTICLES : DEFAULT_ARTICLES;
  const seed = values.seed ? positive(values.seed, '--seed') : DEFAULT_SEED;
  const batchSize = values.batch ? positive(values.batch, '--batch') : undefined;
  const threads = values.threads === undefined ? undefined : nonNegative(values.threads, '--threads');
  if (values.db && !isPostgresUrl(values.db)) throw new Error('--db takes a postgres:// URL (the embedded store is the default)');

  const work = mkdtempSync(join(tmpdir(), 'corroborate-stream-'));
  const corpusDir = join(work, 'stream');
  mkdirSync(corpusDir);
  let schema: string | null = null;
  try {
    let started = performance.now();
    const sources = await loadStreamSources(REPO, SHARED);
    log(
      `sources: ${sources.texts.length} texts (${Object.entries(sources.read)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')})`,
    );
    const corpus = writeStream(sources, { articles, seed, dir: corpusDir });
    const generateSeconds = (performance.now() - started) / 1000;
    log(`stream: ${corpus.articles} articles, ${corpus.events} events, ${(corpus.bytes / MIB).toFixed(0)} MiB in ${corpus.files.length} files (${generateSeconds.toFixed(1)} s)`);

    let location = join(work, 'store.db');
    if (values.db) {
      schema = `corroborate_bench_${process.pid}`;
      location = await createSchema(values.db, schema);
    }
    const db = await openStore(location);
    // What is left from generating the stream is not the ingest's to carry.
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage.rss();
    const sampler = new RssSampler().start();
    const timings = emptyTimings();
    const chunks: Chunk[] = [];
    let done = 0;
    let chunkStart = performance.now();
    const options: IngestOptions = {
      timings,
      onArticle: () => {
        done++;
        if (done % CHUNK !== 0) return;
        sampler.sample();
        const now = performance.now();
        const seconds = (now - chunkStart) / 1000;
        const memory = process.memoryUsage();
        chunks.push({ articles: done, seconds, articlesPerSecond: CHUNK / seconds, rssMiB: memory.rss / MIB, heapMiB: memory.heapUsed / MIB });
        log(`${done} articles: ${seconds.toFixed(2)} s for the last ${CHUNK}; RSS ${(memory.rss / MIB).toFixed(0)} MiB, main heap ${(memory.heapUsed / MIB).toFixed(0)} MiB`);
        chunkStart = now;
      },
      onInputError: (error) => log(`rejected: ${error.message}`),
      ...(batchSize ? { batchSize } : {}),
      ...(threads !== undefined ? { prepareThreads: threads } : {}),
    };
    started = performance.now();
    const cpuStart = process.cpuUsage();
    const load = loadAverage();
    const summary = await ingest(db, [corpusDir], options);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const memory = sampler.stop();
    if (done % CHUNK !== 0) {
      const memory = process.memoryUsage();
      const last = (performance.now() - chunkStart) / 1000;
      chunks.push({ articles: done, seconds: last, articlesPerSecond: (done % CHUNK) / last, rssMiB: memory.rss / MIB, heapMiB: memory.heapUsed / MIB });
    }

    // Ingest leaves SQLite's full-text index to the first search (or `serve`, in the background):
    // timed apart, as that search would pay it, and before the store's size is taken.
    started = performance.now();
    const searchIndexed = await catchUpSearchIndex(db);
    const searchIndex = { articles: searchIndexed, seconds: (performance.now() - started) / 1000 };
    const outcome = await storeOutcome(db, corpus, schema);
    const digest = await storeDigest(db);
    await db.close();
    log(`store digest ${digest.digest}`);
    let verified: { digest: string; same: boolean } | null = null;
    if (values.verify) {
      log('verify: the same stream again, all on the main thread, into another embedded store');
      const again = await openStore(join(work, 'verify.db'));
      await ingest(again, [corpusDir], { prepareThreads: 0, ...(batchSize ? { batchSize } : {}) });
      const other = await storeDigest(again);
      await again.close();
      verified = { digest: other.digest, same: other.digest === digest.digest };
      log(verified.same ? 'verify: same digest' : `verify: DIFFERENT (${JSON.stringify(digest.tables)} vs ${JSON.stringify(other.tables)})`);
      if (!verified.same) process.exitCode = 1;
    }
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, totalMemoryMiB: Math.round(totalmem() / MIB) },
      code: codeVersion(),
      options: { articles, seed, store: values.db ? 'postgres' : 'sqlite', batchSize: batchSize ?? null, prepareThreads: timings.threads },
      stream: { ...corpusFacts(corpus), generateSeconds },
      ingest: {
        summary,
        seconds,
        articlesPerSecond: summary.read / seconds,
        /** CPU time of the whole process (all threads): what the work costs, whatever else the machine runs. */
        cpuSeconds,
        cpuMsPerArticle: (1000 * cpuSeconds) / summary.read,
        /** The machine's 1-minute load average before and after: another busy process slows the wall time. */
        loadAverage: [load, loadAverage()],
        split: {
          readSeconds: timings.read / 1000,
          prepareSeconds: timings.prepare / 1000,
          waitSeconds: timings.wait / 1000,
          storeAndClusterSeconds: timings.write / 1000,
          threads: timings.threads,
          preparedInline: timings.preparedInline,
          preparedByThreads: timings.preparedByThreads,
        },
        chunks,
        /** Last chunk's time over the first's: near 1 when the cost per article stays flat as the store grows. */
        growth: chunks.length >= 2 ? lastFull(chunks).seconds / chunks[0]!.seconds : null,
        peakRssMiB: memory.peakBytes / MIB,
        rssBeforeMiB: rssBefore / MIB,
        maxRssMiB: maxRssBytes() / MIB,
        rssSamples: memory.samples,
      },
      /** SQLite's full-text index caught up after the ingest (what the first search, or `serve` in the background, does). */
      searchIndex,
      store: { ...outcome, digest: digest.digest, digestTables: digest.tables, verified },
    };
    mkdirSync(dirname(OUT_FILE), { recursive: true });
    writeFileSync(OUT_FILE, JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(table(result.ingest, summary, corpus, outcome, result.options.store, digest, verified, searchIndex) + `\n(JSON: ${OUT_FILE})\n`);
    if (values.keep) log(`kept: ${work}`);
  } finally {
    if (schema && values.db) await dropSchema(values.db, schema);
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
}

interface StoreOutcome {
  articles: number;
  contents: number;
  /** Stories not merged into another. */
  stories: number;
  storiesWithOneArticle: number;
  storiesCreated: number;
  sizeMiB: number;
  /** The stories against the events the stream was generated from: a sanity check, not a quality claim. */
  bcubed: { precision: number; recall: number; f1: number };
}

async function storeOutcome(db: Database, corpus: StreamCorpus, schema: string | null): Promise<StoreOutcome> {
  const count = async (sql: string) => Number((await db.one<{ n: number }>(sql))!.n);
  const rows = await db.all<{ source: string; story_id: number | null }>('SELECT source, story_id FROM articles');
  const predicted = new Map<string, string>();
  const gold = new Map<string, string>();
  for (const row of rows) {
    const key = basename(row.source);
    const event = corpus.gold.get(key);
    if (event === undefined || row.story_id === null) continue;
    predicted.set(key, String(row.story_id));
    gold.set(key, String(event));
  }
  const scores = bcubed(predicted, gold);
  let size: number;
  if (db.dialect === 'postgres') {
    size = await count(
      `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${schema}' AND c.relkind IN ('r', 'm')`,
    );
  } else {
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const dir = dirname(db.location);
    size = readdirSync(dir)
      .filter((f) => f.startsWith(basename(db.location)))
      .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  }
  return {
    articles: await count('SELECT COUNT(*) AS n FROM articles'),
    contents: await count('SELECT COUNT(*) AS n FROM contents'),
    stories: await count('SELECT COUNT(*) AS n FROM stories WHERE merged_into IS NULL'),
    storiesWithOneArticle: await count('SELECT COUNT(*) AS n FROM (SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id HAVING COUNT(*) = 1) one'),
    storiesCreated: await count('SELECT COUNT(*) AS n FROM stories'),
    sizeMiB: size / MIB,
    bcubed: { precision: scores.precision, recall: scores.recall, f1: scores.f1 },
  };
}

function corpusFacts(corpus: StreamCorpus) {
  const { gold: _gold, dir: _dir, files, ...facts } = corpus;
  return { ...facts, files: files.length, mib: corpus.bytes / MIB };
}

function lastFull(chunks: Chunk[]): Chunk {
  const full = chunks.filter((c) => c.articles % CHUNK === 0);
  return full[full.length - 1] ?? chunks[chunks.length - 1]!;
}

function table(
  ingestResult: {
    seconds: number;
    articlesPerSecond: number;
    cpuSeconds: number;
    cpuMsPerArticle: number;
    loadAverage: number[];
    split: { readSeconds: number; prepareSeconds: number; waitSeconds: number; storeAndClusterSeconds: number; threads: number; preparedInline: number; preparedByThreads: number };
    chunks: Chunk[];
    growth: number | null;
    peakRssMiB: number;
    rssBeforeMiB: number;
  },
  summary: IngestSummary,
  corpus: StreamCorpus,
  store: StoreOutcome,
  kind: string,
  digest: { digest: string },
  verified: { digest: string; same: boolean } | null,
  searchIndex: { articles: number; seconds: number },
): string {
  const r = ingestResult;
  const s = r.split;
  const pct = (x: number) => `${((100 * x) / r.seconds).toFixed(0)}%`;
  const lines = [
    `| measure | value |`,
    `|---|---|`,
    `| stream | ${corpus.articles.toLocaleString('en')} articles, ${corpus.events.toLocaleString('en')} events, ${corpus.outlets} outlets, ${corpus.days} days; ${(corpus.bytes / MIB).toFixed(0)} MiB JSONL in ${corpus.files.length} files; body ${Math.round(corpus.words.mean)} words mean (${corpus.words.min}–${corpus.words.max}) |`,
    `| planted copies | ${corpus.exactCopies} exact (feed repeats), ${corpus.wireCopies} wire reprints |`,
    `| store | ${kind} |`,
    `| wall time | **${r.seconds.toFixed(1)} s** (goal ${GOAL_SECONDS} s for 100k on the embedded store) |`,
    `| throughput | **${r.articlesPerSecond.toFixed(0)} articles/s** |`,
    `| CPU | ${r.cpuSeconds.toFixed(1)} s of CPU, all threads (${r.cpuMsPerArticle.toFixed(2)} ms per article); load average ${r.loadAverage.map((x) => x.toFixed(2)).join(' → ')} on ${cpus().length} cores |`,
    s.threads === 0
      ? `| split (one thread) | read ${s.readSeconds.toFixed(1)} s (${pct(s.readSeconds)}), prepare ${s.prepareSeconds.toFixed(1)} s (${pct(s.prepareSeconds)}), store + cluster ${s.storeAndClusterSeconds.toFixed(1)} s (${pct(s.storeAndClusterSeconds)}) |`
      : `| split | main thread: read ${s.readSeconds.toFixed(1)} s (${pct(s.readSeconds)}), waiting for and taking in prepared articles ${s.waitSeconds.toFixed(1)} s (${pct(s.waitSeconds)}), store + cluster ${s.storeAndClusterSeconds.toFixed(1)} s (${pct(s.storeAndClusterSeconds)}); prepare ${s.prepareSeconds.toFixed(1)} s in all, ${s.preparedInline} articles on the main thread and ${s.preparedByThreads} on ${s.threads} other thread${s.threads === 1 ? '' : 's'} |`,
    `| s per 10k | ${r.chunks.map((c) => c.seconds.toFixed(1) + (c.articles % CHUNK ? ` (last ${c.articles % CHUNK})` : '')).join(' · ')} |`,
    `| growth (last 10k / first 10k) | ${r.growth === null ? 'n/a' : r.growth.toFixed(2)} |`,
    `| peak RSS | ${r.peakRssMiB.toFixed(0)} MiB sampled (${r.rssBeforeMiB.toFixed(0)} MiB before ingest) |`,
    ...(searchIndex.articles
      ? [
          `| search index, after the ingest | ${searchIndex.articles.toLocaleString('en')} articles in ${searchIndex.seconds.toFixed(1)} s (${((1e6 * searchIndex.seconds) / searchIndex.articles).toFixed(0)} µs each): done by the first search, or by \`serve\` in the background |`,
        ]
      : []),
    `| store on disk | ${store.sizeMiB.toFixed(0)} MiB (${store.articles.toLocaleString('en')} articles, ${store.contents.toLocaleString('en')} contents) |`,
    `| ingest summary | ${summary.added} new (${summary.nearCopies} near-copies), ${summary.copies} exact copies, ${summary.unchanged} unchanged, ${summary.rejected} rejected |`,
    `| stories | ${store.stories.toLocaleString('en')} live (${store.storiesCreated.toLocaleString('en')} started, ${summary.merges} merges; ${store.storiesWithOneArticle.toLocaleString('en')} of one article) for ${corpus.events.toLocaleString('en')} events |`,
    `| stories vs events (BCubed) | P ${store.bcubed.precision.toFixed(3)} R ${store.bcubed.recall.toFixed(3)} F1 ${store.bcubed.f1.toFixed(3)} |`,
    `| store digest | ${digest.digest}${verified ? (verified.same ? ' (verified: the same on one thread)' : ` — DIFFERENT on one thread (${verified.digest})`) : ''} |`,
  ];
  return lines.join('\n') + '\n';
}

/** A schema of its own on the server, so the benchmark never touches existing tables; the URL selects it. */
async function createSchema(url: string, schema: string): Promise<string> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return withSchema.toString();
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

function loadAverage(): number {
  return loadavg()[0]!;
}

function codeVersion(): { commit: string; srcModified: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench'], { cwd: REPO, encoding: 'utf8' }).trim();
    return { commit, srcModified: status !== '' };
  } catch {
    return { commit: 'unknown', srcModified: false };
  }
}

function nonNegative(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} takes a whole number (got ${text})`);
  return n;
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} takes a positive integer (got ${text})`);
  return n;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
