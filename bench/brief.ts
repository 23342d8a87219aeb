// `npm run bench:brief`: how long one brief of the seed reports takes, stage by stage (warm), the
// whole `brief()` warm and cold, and the CLI end to end. Table to stdout, JSON to
// bench/out/brief.json. Run with `--help` for the options.
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { distribution, type Distribution } from './measure.ts';
import type { Message } from '../src/schema.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH_DIR, '..');
const OUT_FILE = join(BENCH_DIR, 'out', 'brief.json');

const USAGE = `usage: npm run bench:brief -- [--input DIR] [--runs N] [--warmup N] [--spawns N] [--no-cli]
  --input DIR   what to brief (default ../shared/seeds, relative to the repo root)
  --runs N      warm runs of brief() and of the staged pipeline (default 20)
  --warmup N    untimed runs first (default 3)
  --spawns N    CLI runs per format (default 5)
  --no-cli      skip the CLI end-to-end timing`;

function options() {
  const { values } = parseArgs({
    options: {
      input: { type: 'string', default: '../shared/seeds' },
      runs: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      spawns: { type: 'string', default: '5' },
      'no-cli': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const count = (text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) {
      process.stderr.write(`bench:brief: not a whole number ≥ ${min}: ${text}\n${USAGE}\n`);
      process.exit(2);
    }
    return n;
  };
  return { input: values.input, runs: count(values.runs, 1), warmup: count(values.warmup, 0), spawns: count(values.spawns, 1), cli: !values['no-cli'] };
}

/** Per stage, the milliseconds of each warm run. */
type StageTimes = Map<string, number[]>;

function record(times: StageTimes, stage: string, ms: number): void {
  let list = times.get(stage);
  if (!list) times.set(stage, (list = []));
  list.push(ms);
}

/** One run of `fn`, its time added to `stage`. */
function step<T>(times: StageTimes, stage: string, fn: () => T): T {
  const start = performance.now();
  const value = fn();
  record(times, stage, performance.now() - start);
  return value;
}

const modules = async () => ({
  run: await import('../src/pipeline/run.ts'),
  ingest: await import('../src/ingest/index.ts'),
  clean: await import('../src/clean/index.ts'),
  analyse: await import('../src/analyse/index.ts'),
  schema: await import('../src/schema.ts'),
  compare: await import('../src/compare/index.ts'),
  statements: await import('../src/compare/statements.ts'),
  similarity: await import('../src/compare/similarity.ts'),
  align: await import('../src/compare/align.ts'),
  syndication: await import('../src/compare/syndication.ts'),
  facts: await import('../src/compare/facts.ts'),
  valueDisagreements: await import('../src/compare/value-disagreements.ts'),
  values: await import('../src/compare/values/index.ts'),
  quoteVariants: await import('../src/compare/quote-variants.ts'),
  nameVariants: await import('../src/compare/name-variants.ts'),
  outlets: await import('../src/clean/outlet-label.ts'),
  synthesis: await import('../src/brief/synthesis.ts'),
  markdown: await import('../src/brief/markdown.ts'),
  html: await import('../src/brief/html.ts'),
});
type Modules = Awaited<ReturnType<typeof modules>>;

/**
 * `brief()` taken apart so each stage is timed on its own, compare() into its parts. The
 * compare parts repeat src/compare/index.ts; `check` says whether they still give what compare()
 * gives (if compare() changes, the parts must follow).
 */
async function stagedBrief(m: Modules, input: string, times: StageTimes, check = false): Promise<{ md: string; html: string; matches: boolean | null }> {
  type CleanDocument = import('../src/schema.ts').CleanDocument;
  type Brief = import('../src/schema.ts').Brief;
  type RawInput = import('../src/ingest/index.ts').RawInput;
  const documents: CleanDocument[] = [];
  const rejected: Brief['rejected'] = [];
  const raws: (RawInput | InstanceType<typeof m.ingest.InputError>)[] = [];
  let ingestMs = 0;
  let at = performance.now();
  for await (const item of m.ingest.readInputs([input])) {
    ingestMs += performance.now() - at;
    raws.push(item);
    at = performance.now();
  }
  ingestMs += performance.now() - at;
  record(times, 'ingest', ingestMs);
  step(times, 'clean', () => {
    for (const item of raws) {
      if (item instanceof m.ingest.InputError) rejected.push({ source: item.source, reason: item.reason });
      else documents.push(m.clean.cleanDocument(item));
    }
  });
  const analyses = step(times, 'analyse', () => documents.map((doc) => m.run.analyseSafely(doc)));
  const { entities, quotes } = step(times, 'merge', () => m.analyse.mergeAnalyses(analyses));

  const compareStart = performance.now();
  const references = step(times, 'compare: document dates', () => {
    const own = documents.map((d) => m.values.inferReferenceDate(d.original, d.published));
    const counts = new Map<string, number>();
    for (const date of own) if (date) counts.set(date, (counts.get(date) ?? 0) + 1);
    const shared = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    return own.map((date) => date ?? shared);
  });
  const quoteSpans = quotes.filter((q) => q.kind !== 'turn').map((q) => q.span);
  const { statements, minor } = step(times, 'compare: statements (incl. values)', () =>
    m.statements.findSentences(
      documents.map((doc, i) => ({ doc, analysis: analyses[i]!, outlet: m.outlets.outletLabel(doc), reference: references[i] ?? null })),
      [...entities],
      quoteSpans,
    ),
  );
  const vectors = step(times, 'compare: term weights', () => {
    const weights = new m.similarity.TermWeights(statements.map((s) => s.terms));
    return statements.map((s) => weights.vector(s.terms));
  });
  const alignment = step(times, 'compare: alignment', () => m.align.alignStatements(statements, vectors));
  const sourceOf = step(times, 'compare: syndication', () => {
    const map = new Map<string, number>();
    m.syndication.syndicationGroups(documents).forEach((group, g) => group.forEach((doc) => map.set(doc, g)));
    return map;
  });
  const facts = step(times, 'compare: facts', () =>
    m.facts.buildFacts({ statements, vectors, groups: alignment.groups, similarity: alignment.similarity, sourceOf, centre: m.similarity.centroid(vectors) }),
  );
  const factOf: number[] = [];
  alignment.groups.forEach((group, g) => group.forEach((i) => (factOf[i] = g)));
  for (const s of minor) factOf[s.index] = alignment.groups.length + s.index;
  const messages: Message[] = [];
  const byValue = step(times, 'compare: value disagreements', () =>
    m.valueDisagreements.valueDisagreements({ statements: [...statements, ...minor], factOf, factIds: facts.map((f) => f.id), entities, quoteSpans, onLimit: (x) => messages.push(x) }),
  );
  const byQuote = step(times, 'compare: quote variants', () => m.quoteVariants.quoteVariants([...documents], [...entities], [...quotes]));
  const byName = step(times, 'compare: name variants', () => m.nameVariants.nameVariants([...documents], [...entities]));
  const disagreements = m.compare.rankDisagreements([...byValue, ...byQuote, ...byName], documents);
  record(times, 'compare (all parts)', performance.now() - compareStart);

  let matches: boolean | null = null;
  if (check) {
    const whole = m.compare.compare({ documents, analyses, entities, quotes });
    matches = JSON.stringify({ facts: whole.facts, disagreements: whole.disagreements }) === JSON.stringify({ facts, disagreements });
  }
  const unsynthesized = { version: 1 as const, documents, entities, quotes, facts, disagreements, rejected, messages };
  const synthesis = step(times, 'synthesize', () => m.synthesis.synthesize(unsynthesized));
  const result = step(times, 'schema check', () => m.schema.BriefSchema.parse({ ...unsynthesized, brief: synthesis }));
  const md = step(times, 'render md', () => m.markdown.renderMarkdown(result));
  const html = step(times, 'render html', () => m.html.renderHtml(result));
  return { md, html, matches };
}

/**
 * Wall milliseconds of each run of the CLI, stdout discarded. One untimed run goes first: the
 * first run after an edit builds the CLI's bundle and writes its code cache (src/cli/launch.js).
 */
function cliRuns(input: string, format: string, runs: number): number[] {
  const out: number[] = [];
  for (let i = -1; i < runs; i++) {
    const start = performance.now();
    const child = spawnSync('npm', ['run', '--silent', 'corroborate', '--', 'brief', input, '--format', format], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    if (i >= 0) out.push(performance.now() - start);
    if (child.status !== 0) throw new Error(`CLI exited ${child.status}: ${child.stderr.toString().split('\n')[0]}`);
  }
  return out;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const summary = (d: Distribution) => `median ${ms(d.median)}, p95 ${ms(d.p95)} (min ${ms(d.min)}, max ${ms(d.max)})`;

async function main(): Promise<void> {
  const opts = options();
  process.chdir(REPO);
  // Nothing of the pipeline is loaded before this point, so the import and the first call are cold.
  const importStart = performance.now();
  const m = await modules();
  const importMs = performance.now() - importStart;
  const coldStart = performance.now();
  const first = await m.run.brief([opts.input]);
  const coldMs = performance.now() - coldStart;

  process.stderr.write(`bench:brief: ${first.documents.length} documents; ${opts.warmup} warm-up + ${opts.runs} runs of brief()…\n`);
  for (let i = 0; i < opts.warmup; i++) await m.run.brief([opts.input]);
  const wholeRuns: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const start = performance.now();
    await m.run.brief([opts.input]);
    wholeRuns.push(performance.now() - start);
  }

  process.stderr.write(`bench:brief: ${opts.warmup} warm-up + ${opts.runs} runs of the stages…\n`);
  const times: StageTimes = new Map();
  const checked = await stagedBrief(m, opts.input, new Map(), true);
  for (let i = 0; i < opts.warmup; i++) await stagedBrief(m, opts.input, new Map());
  for (let i = 0; i < opts.runs; i++) await stagedBrief(m, opts.input, times);
  const identical = checked.md === m.markdown.renderMarkdown(first) && checked.html === m.html.renderHtml(first);

  const cli: Record<string, Distribution> = {};
  if (opts.cli) {
    for (const format of ['md', 'html']) {
      process.stderr.write(`bench:brief: ${opts.spawns} CLI runs, --format ${format}…\n`);
      cli[format] = distribution(cliRuns(opts.input, format, opts.spawns));
    }
  }

  const stages = Object.fromEntries([...times].map(([stage, list]) => [stage, distribution(list)]));
  const whole = distribution(wholeRuns);
  const lines = [
    `brief(['${opts.input}']): ${first.documents.length} documents, ${first.facts.length} facts, ${first.disagreements.length} disagreements`,
    `machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ${process.platform}-${process.arch}`,
    '',
    `import of the pipeline modules: ${ms(importMs)}`,
    `cold first brief() (loads models and datasets): ${ms(coldMs)}`,
    `warm brief(), ${opts.runs} runs after ${opts.warmup} warm-up: ${summary(whole)}`,
    '',
    `per stage, warm (${opts.runs} runs; median and p95):`,
    ...[...times.keys()].map((stage) => `  ${stage.padEnd(36)} ${stages[stage]!.median.toFixed(1).padStart(7)} ${stages[stage]!.p95.toFixed(1).padStart(7)}`),
    `  (stage medians sum to ${ms([...times].filter(([s]) => s !== 'compare (all parts)' && !s.startsWith('render')).reduce((sum, [s]) => sum + stages[s]!.median, 0))} before rendering)`,
    checked.matches ? '  compare parts give what compare() gives' : '  WARNING: the compare parts no longer give what compare() gives: update bench/brief.ts',
    identical ? '  staged output identical to brief()' : '  WARNING: the staged pipeline renders differently from brief(): update bench/brief.ts',
    '',
    ...Object.entries(cli).map(([format, d]) => `CLI end to end, brief ${opts.input} --format ${format} (${d.count} runs): ${summary(d)}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');

  await mkdir(dirname(OUT_FILE), { recursive: true });
  const date = new Date().toISOString();
  const json = { date, input: opts.input, runs: opts.runs, warmup: opts.warmup, importMs, coldMs, whole, stages, cli, partsMatchCompare: checked.matches, stagedIdentical: identical };
  await writeFile(OUT_FILE, JSON.stringify(json, null, 2) + '\n');
}

await main();
