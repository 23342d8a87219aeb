// `npx tsx bench/long-report.ts`: one long report through the CLI, the way a user runs it (issue
// 24: a 20 MB report must brief in under 60 s and under 2 GB of peak resident memory). Writes a
// seeded report of distinct sentences (each names a speaker, a count, a place, a group number and
// a duration) to a temporary folder, then runs `node bin/corroborate.js brief FILE --format F -o
// OUT` under GNU time for each format: one untimed run first (it rebuilds the bundle when a source
// changed), then --runs timed runs. Prints each run's wall time and peak RSS and the median of
// each; JSON to bench/out/long-report.json. Run with `--help` for the options.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pick, randomInt, seededRandom, shuffled } from './prng.ts';
import { hasEcbplus, loadEcbplus } from '../test/quality/ecbplus.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH_DIR, '..');
const OUT_FILE = join(BENCH_DIR, 'out', 'long-report.json');
const TIME = '/usr/bin/time';
/** The goal of issue 24 (GB: 10^9 bytes). */
const GOAL = { seconds: 60, rssBytes: 2e9 };

const USAGE = `usage: npx tsx bench/long-report.ts [--mb N] [--runs N] [--formats json,md,html] [--input FILE] [--repeat-ecb N] [--seed N] [--keep]
  --mb N         size of the generated report in MB (10^6 bytes; default 19.5, under --max-mb 20)
  --runs N       timed runs per format (default 3)
  --formats L    output formats, comma-separated (default json,md)
  --input FILE   brief this file instead of a generated report
  --repeat-ecb N brief real sentences that repeat instead: ECB+'s sentences (../shared/eval),
                 shuffled into paragraphs of five, N times over (10: 18.8 MB, quotes and all)
  --seed N       the report's seed (default 24)
  --keep         leave the report and the outputs in the temporary folder`;

function options() {
  const { values } = parseArgs({
    options: {
      mb: { type: 'string', default: '19.5' },
      runs: { type: 'string', default: '3' },
      formats: { type: 'string', default: 'json,md' },
      input: { type: 'string' },
      'repeat-ecb': { type: 'string' },
      seed: { type: 'string', default: '24' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const fail = (why: string) => {
    process.stderr.write(`long-report: ${why}\n${USAGE}\n`);
    process.exit(2);
  };
  const mb = Number(values.mb);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (!(mb > 0)) fail(`not a size in MB: ${values.mb}`);
  if (!Number.isInteger(runs) || runs < 1) fail(`not a whole number ≥ 1: ${values.runs}`);
  if (!Number.isInteger(seed)) fail(`not a whole number: ${values.seed}`);
  const formats = values.formats.split(',').filter(Boolean);
  for (const f of formats) if (!['json', 'md', 'html'].includes(f)) fail(`not a format: ${f}`);
  const repeatEcb = values['repeat-ecb'] === undefined ? null : Number(values['repeat-ecb']);
  if (repeatEcb !== null && !(Number.isInteger(repeatEcb) && repeatEcb >= 1)) fail(`not a whole number ≥ 1: ${values['repeat-ecb']}`);
  if (repeatEcb !== null && !hasEcbplus()) fail('--repeat-ecb needs ../shared/eval/clustering-ecbplus');
  return { bytes: Math.round(mb * 1e6), runs, formats, input: values.input ?? null, repeatEcb, seed, keep: values.keep };
}

const SPEAKERS = ['Tomas Pell', 'Ilse Marchetti', 'Dagny Strand', 'Bruno Keller', 'Oriel Fenwick'];
const PLACES = ['Kessing', 'Dunmore', 'Harlow', 'Calder'];

/**
 * A report of `bytes` bytes (at most) whose sentences are all different: about 109,000 of them
 * for 19.5 MB, one a paragraph, each with a count, a duration and a day to compare.
 */
function longReport(bytes: number, seed: number): string {
  const random = seededRandom(seed);
  const parts = ['Storm damage closes harbours\n'];
  let size = parts[0]!.length;
  for (let group = 1; ; group++) {
    const paragraph =
      `\n${pick(random, SPEAKERS)} said on Tuesday that ${randomInt(random, 2, 900)} workers in ${pick(random, PLACES)} (group ${group}) had been told ` +
      `to stay home after the storm damaged the harbour wall, and that repairs would take ${randomInt(random, 2, 12)} weeks.\n`;
    if (size + paragraph.length > bytes) break;
    parts.push(paragraph);
    size += paragraph.length;
  }
  return parts.join('');
}

/**
 * Real sentences that repeat: every sentence of ECB+ (982 articles), shuffled into paragraphs of
 * five, `times` times over with a new order each time. Quotes cut by the shuffle run on.
 */
function repeatedReport(times: number, seed: number): string {
  const sentences = loadEcbplus().flatMap((a) => a.text.split(/(?<=[.!?]["”]?)\s+/).filter((s) => s.length > 20));
  const paragraphs: string[] = [];
  for (let t = 0; t < times; t++) {
    const order = shuffled(seededRandom(seed + t), sentences);
    for (let i = 0; i < order.length; i += 5) paragraphs.push(order.slice(i, i + 5).join(' '));
  }
  return paragraphs.join('\n\n');
}

interface Run {
  format: string;
  seconds: number;
  peakRssBytes: number;
  exit: number;
}

/** One CLI brief under GNU time: wall seconds and the kernel's peak RSS of the process. */
function timedBrief(input: string, format: string, out: string): Run {
  const result = spawnSync(TIME, ['-f', 'time %e %M', process.execPath, join(REPO, 'bin', 'corroborate.js'), 'brief', input, '--format', format, '-q', '-o', out], { cwd: REPO, encoding: 'utf8' });
  const line = /time ([\d.]+) (\d+)\s*$/.exec(result.stderr ?? '');
  if (!line) throw new Error(`no figures from ${TIME}: ${(result.stderr ?? '').slice(-500)}`);
  return { format, seconds: Number(line[1]), peakRssBytes: Number(line[2]) * 1024, exit: result.status ?? -1 };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

async function main(): Promise<void> {
  const o = options();
  if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time, Debian package "time") is needed to read the CLI's peak RSS`);
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-long-report-'));
  try {
    const input = o.input ? resolve(o.input) : join(dir, 'report.txt');
    if (!o.input) writeFileSync(input, o.repeatEcb ? repeatedReport(o.repeatEcb, o.seed) : longReport(o.bytes, o.seed));
    const runs: Run[] = [];
    for (const format of o.formats) {
      const out = join(dir, `brief.${format}`);
      process.stderr.write(`${format}: untimed run (builds the bundle if a source changed)\n`);
      const first = timedBrief(input, format, out);
      if (first.exit !== 0) throw new Error(`brief --format ${format} exited ${first.exit}`);
      for (let k = 0; k < o.runs; k++) {
        const run = timedBrief(input, format, out);
        runs.push(run);
        process.stderr.write(`${format} run ${k + 1}: ${run.seconds.toFixed(1)} s, peak RSS ${gb(run.peakRssBytes)}, exit ${run.exit}\n`);
      }
    }
    const summary = o.formats.map((format) => {
      const mine = runs.filter((r) => r.format === format);
      const seconds = median(mine.map((r) => r.seconds));
      const peak = median(mine.map((r) => r.peakRssBytes));
      return {
        format,
        seconds,
        peakRssBytes: peak,
        maxPeakRssBytes: Math.max(...mine.map((r) => r.peakRssBytes)),
        goalMet: seconds < GOAL.seconds && Math.max(...mine.map((r) => r.peakRssBytes)) < GOAL.rssBytes,
      };
    });
    const { size } = statSync(input);
    process.stdout.write(
      `long report: ${o.input ?? (o.repeatEcb ? `ECB+ sentences ${o.repeatEcb} times over, seed ${o.seed}` : `generated, seed ${o.seed}`)}, ${(size / 1e6).toFixed(1)} MB; ${o.runs} timed run(s) per format; ${cpus().length} cores, Node ${process.version}\n`,
    );
    process.stdout.write('format  median wall  median peak RSS  highest peak RSS  goal (< 60 s, < 2 GB)\n');
    for (const s of summary) {
      process.stdout.write(
        `${s.format.padEnd(6)}  ${`${s.seconds.toFixed(1)} s`.padStart(11)}  ${gb(s.peakRssBytes).padStart(15)}  ${gb(s.maxPeakRssBytes).padStart(16)}  ${s.goalMet ? 'met' : 'NOT met'}\n`,
      );
    }
    await mkdir(dirname(OUT_FILE), { recursive: true });
    await writeFile(OUT_FILE, JSON.stringify({ input: o.input, bytes: size, seed: o.seed, node: process.version, cores: cpus().length, runs, summary }, null, 2) + '\n');
  } finally {
    if (o.keep) process.stderr.write(`kept: ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
