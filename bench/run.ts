// `npm run bench`: builds a recombined corpus, then measures ingest + clean throughput and
// per-page HTML extraction. Table to stdout, JSON to bench/out/results.json, progress to stderr.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanDocument } from '../src/pipeline/clean-document.ts';
import { writeCorpus } from './corpus.ts';
import { measureHtml } from './html-pages.ts';
import { formatTable, type BenchResults } from './report.ts';
import { loadSources, type SourceReport } from './sources.ts';
import { measureThroughput } from './throughput.ts';

const DEFAULT_DOCS = 10_000;
const QUICK_DOCS = 1_000;
const DEFAULT_SEED = 20261123;
/** Progress lines per phase: enough to see it move, few enough to keep stderr readable. */
const PROGRESS_STEPS = 10;

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH_DIR, '..');
const SHARED = resolve(REPO, '..', 'shared');
const EXAMPLES_DIR = join(REPO, 'examples');
const SEEDS_DIR = join(SHARED, 'seeds');
const HTML_DIR = join(SHARED, 'eval', 'html-extraction-aeb', 'html');
const OUT_FILE = join(BENCH_DIR, 'out', 'results.json');

const USAGE = `usage: npm run bench -- [--docs N] [--quick] [--seed N] [--keep-corpus]
  --docs N        documents in the generated corpus (default ${DEFAULT_DOCS})
  --quick         ${QUICK_DOCS} documents, for a smoke run
  --seed N        corpus seed (default ${DEFAULT_SEED})
  --keep-corpus   leave the generated files in the temp dir and print where`;

function options() {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'keep-corpus': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const documents = values.docs !== undefined ? positiveInt(values.docs, '--docs') : values.quick ? QUICK_DOCS : DEFAULT_DOCS;
  const seed = values.seed !== undefined ? positiveInt(values.seed, '--seed') : DEFAULT_SEED;
  return { documents, seed, quick: values.quick, keepCorpus: values['keep-corpus'] };
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} wants a positive integer, not "${text}"`);
  return n;
}

class UsageError extends Error {}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function progress(label: string, total: number): (done: number) => void {
  const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
  return (done) => {
    if (done % step === 0 || done === total) log(`${label} ${done}/${total}`);
  };
}

/** Loads the NLP model and compiles the cleaner before timing, as a long-running tool would be. */
function warmUp(sources: readonly SourceReport[]): void {
  for (const s of sources) cleanDocument({ source: s.name, format: 'text', content: s.body.join('\n\n'), hints: {} });
}

async function main(): Promise<void> {
  const opts = options();
  log(`reading sources from ${EXAMPLES_DIR} and ${SEEDS_DIR}`);
  const sources = await loadSources(EXAMPLES_DIR, SEEDS_DIR);

  const corpus = await writeCorpus({ documents: opts.documents, seed: opts.seed, sources, onProgress: progress('corpus: wrote', opts.documents) });
  log(`corpus in ${corpus.dir}`);
  try {
    log('warming up cleanDocument');
    warmUp(sources);
    const throughput = await measureThroughput(corpus.dir, corpus.bytes, progress('clean: documents', opts.documents));
    const html = await measureHtml(HTML_DIR, log);
    if (html.status === 'skipped') log(`html: skipped: ${html.reason}`);

    const { dir: _dir, ...corpusStats } = corpus;
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}`, totalMemoryBytes: totalmem() },
      options: { documents: opts.documents, seed: opts.seed, quick: opts.quick },
      sources: sources.map((s) => s.name),
      corpus: corpusStats,
      throughput,
      html,
    };
    await mkdir(dirname(OUT_FILE), { recursive: true });
    await writeFile(OUT_FILE, JSON.stringify(results, null, 2) + '\n');
    process.stdout.write(formatTable(results));
    log(`wrote ${OUT_FILE}`);
  } finally {
    if (opts.keepCorpus) log(`kept corpus at ${corpus.dir}`);
    else await rm(corpus.dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
