// `npm run bench:clean`: builds a recombined corpus, then measures ingest + clean throughput, the
// analysis stage (entities + quotes) per document, mergeAnalyses on brief-sized groups and
// per-page HTML extraction. Table to stdout, JSON to bench/out/results.json, progress to stderr.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyseDocument, type DocumentAnalysis } from '../src/analyse/index.ts';
import type { RawInput } from '../src/ingest/index.ts';
import { cleanDocument } from '../src/clean/index.ts';
import { documentNumber, writeCorpus } from './corpus.ts';
import { measureHtml } from './html-pages.ts';
import { measureMerge } from './merge.ts';
import { compare, formatTable, type BenchResults } from './report.ts';
import { loadSources, type SourceReport } from './sources.ts';
import { measureThroughput, type ThroughputResult } from './throughput.ts';

const DEFAULT_DOCS = 10_000;
const QUICK_DOCS = 1_000;
const DEFAULT_SEED = 20261123;
/** Brief sizes for mergeAnalyses: a handful of reports, a busy story, a very large brief. */
const DEFAULT_MERGE_SIZES = [5, 20, 100];
/** Disjoint groups timed per merge size. */
const MERGE_GROUPS = 3;
/** Progress lines per phase: enough to see it move, few enough to keep stderr readable. */
const PROGRESS_STEPS = 10;

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH_DIR, '..');
const SHARED = resolve(REPO, '..', 'shared');
const EXAMPLES_DIR = join(REPO, 'examples');
const SEEDS_DIR = join(SHARED, 'seeds');
const HTML_DIR = join(SHARED, 'eval', 'html-extraction-aeb', 'html');
const OUT_FILE = join(BENCH_DIR, 'out', 'results.json');

const USAGE = `usage: npm run bench:clean -- [--docs N] [--quick] [--seed N] [--analyse-docs N] [--merge-sizes A,B,…] [--keep-corpus]
  --docs N            documents in the generated corpus (default ${DEFAULT_DOCS})
  --quick             ${QUICK_DOCS} documents, for a smoke run
  --seed N            corpus seed (default ${DEFAULT_SEED})
  --analyse-docs N    run analyseDocument on N evenly spaced cleaned documents (default: all;
                      0: clean only, as before the analysis stage)
  --merge-sizes LIST  documents per mergeAnalyses group (default ${DEFAULT_MERGE_SIZES.join(',')}; ${MERGE_GROUPS} groups each)
  --keep-corpus       leave the generated files in the temp dir and print where`;

function options() {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'analyse-docs': { type: 'string' },
      'merge-sizes': { type: 'string' },
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
  const analyseDocs = values['analyse-docs'] !== undefined ? Math.min(documents, nonNegativeInt(values['analyse-docs'], '--analyse-docs')) : documents;
  const mergeSizes = values['merge-sizes'] !== undefined ? values['merge-sizes'].split(',').map((n) => positiveInt(n.trim(), '--merge-sizes')) : DEFAULT_MERGE_SIZES;
  return { documents, seed, quick: values.quick, analyseDocs, mergeSizes, keepCorpus: values['keep-corpus'] };
}

function nonNegativeInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} wants a whole number (0 or more), not "${text}"`);
  return n;
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

/** Loads the NLP model and compiles the cleaner (and the analyser) before timing, as a long-running tool would be. */
function warmUp(sources: readonly SourceReport[], analyse: boolean): void {
  for (const s of sources) {
    const doc = cleanDocument({ source: s.name, format: 'text', content: s.body.join('\n\n'), hints: {} });
    if (analyse) analyseDocument(doc);
  }
}

/** Whether the k-th of `total` documents is in an evenly spaced sample of `wanted`. */
function evenSample(wanted: number, total: number): (k: number) => boolean {
  return (k) => Math.floor(((k + 1) * wanted) / total) > Math.floor((k * wanted) / total);
}

/** The commit measured, and whether src/ differs from it: figures are only comparable per commit. */
function codeVersion(): { commit: string; srcModified: boolean } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), srcModified: git('status', '--porcelain', '--', 'src') !== '' };
  } catch {
    return { commit: 'unknown', srcModified: false };
  }
}

async function main(): Promise<void> {
  const opts = options();
  // Read before anything is timed: src/ is loaded once, at start-up.
  const code = codeVersion();
  log(`reading sources from ${EXAMPLES_DIR} and ${SEEDS_DIR}`);
  const sources = await loadSources(EXAMPLES_DIR, SEEDS_DIR);

  const corpus = await writeCorpus({ documents: opts.documents, seed: opts.seed, sources, onProgress: progress('corpus: wrote', opts.documents) });
  log(`corpus in ${corpus.dir}`);
  try {
    log('warming up cleanDocument');
    warmUp(sources, false);
    const throughput = await measureThroughput(corpus.dir, corpus.bytes, progress('clean: documents', opts.documents));

    // Second pass over the same corpus: the same loop, with analyseDocument after each clean.
    const analyse = opts.analyseDocs > 0;
    let analysed: ThroughputResult | null = null;
    const byFamily = new Map<string, DocumentAnalysis[]>();
    if (analyse) {
      log('warming up analyseDocument');
      warmUp(sources, true);
      if (opts.analyseDocs < opts.documents) log(`analysis: an evenly spaced sample of ${opts.analyseDocs} of ${opts.documents} documents`);
      // Kept for the merge groups: the first analyses of each event family, as many as the groups use.
      const familyCount = new Set(sources.map((s) => s.family)).size;
      const keepPerFamily = Math.max(0, ...opts.mergeSizes) * Math.ceil(MERGE_GROUPS / familyCount);
      const keep = (input: RawInput, analysis: DocumentAnalysis) => {
        const n = documentNumber(input);
        const family = n === undefined ? undefined : corpus.families[n];
        if (family === undefined) return;
        const list = byFamily.get(family) ?? [];
        if (list.length < keepPerFamily) list.push(analysis);
        byFamily.set(family, list);
      };
      analysed = await measureThroughput(corpus.dir, corpus.bytes, progress('clean + analyse: documents', opts.documents), {
        include: evenSample(opts.analyseDocs, opts.documents),
        sampled: opts.analyseDocs < opts.documents,
        onAnalysis: keep,
      });
    }
    const merge = analyse ? measureMerge(byFamily, opts.mergeSizes, MERGE_GROUPS, log) : null;
    byFamily.clear();
    const html = await measureHtml(HTML_DIR, log);
    if (html.status === 'skipped') log(`html: skipped: ${html.reason}`);

    const { dir: _dir, families: _families, ...corpusStats } = corpus;
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}`, totalMemoryBytes: totalmem() },
      code,
      options: { documents: opts.documents, seed: opts.seed, quick: opts.quick, analyseDocs: opts.analyseDocs, mergeSizes: opts.mergeSizes, mergeGroups: MERGE_GROUPS },
      sources: sources.map((s) => s.name),
      corpus: corpusStats,
      throughput,
      analysed,
      comparison: analysed ? compare(throughput, analysed) : null,
      merge,
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
