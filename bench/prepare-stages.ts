// `node bench/launch.js prepare-stages [--articles N] [--rounds N] [--only a,b]`: where one
// article's preparing time goes, stage by stage, and what storing + clustering the prepared
// articles costs (the `write` stage: batches of 200 into a fresh embedded store, as ingest's main
// thread does), on one thread and without a profiler's overhead. The articles come from the same
// recombined stream as `npm run bench`, read the way ingest reads them. This VM's speed drifts by
// a third within minutes: compare two versions by alternating runs, not one run each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readInputs } from '../src/ingest/index.ts';
import type { RawInput } from '../src/ingest/raw-input.ts';
import { cleanParts } from '../src/clean/index.ts';
import { articleFeatures } from '../src/stories/features.ts';
import { lineFeatures } from '../src/clean/line-features.ts';
import { termVectors } from '../src/clean/topic.ts';
import { splitLines } from '../src/text/lines.ts';
import { contentHash, prepareArticle } from '../src/collect/prepare.ts';
import { ArticleWriter } from '../src/collect/ingest.ts';
import { openStore } from '../src/store/open-store.ts';
import { writeStream } from './stream-corpus.ts';
import { loadStreamSources } from './stream-sources.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH_DIR, '..');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '3' }, only: { type: 'string' } } });
  const articles = Number(values.articles);
  const work = mkdtempSync(join(tmpdir(), 'corroborate-stages-'));
  try {
    const sources = await loadStreamSources(REPO, resolve(REPO, '..', 'shared'));
    writeStream(sources, { articles, seed: 20261130, dir: work });
    const inputs: RawInput[] = [];
    for await (const item of readInputs([work], { keepDuplicates: true })) if (!(item instanceof Error)) inputs.push(item);
    const stages: Record<string, (input: RawInput) => unknown> = {
      hash: (input) => contentHash(input.content),
      clean: (input) => cleanParts(input),
      lines: (input) => linesOf.get(input)!.map(lineFeatures),
      topic: (input) => termVectors(linesOf.get(input)!.map((line) => line.text.toLowerCase())),
      // The terms, the names and the near-copy sketch: one scan.
      features: (input) => articleFeatures(bodyOf(input), null),
      json: (input) => JSON.stringify(JSON.parse(prepared.get(input)!.featuresJson)),
      prepare: (input) => prepareArticle(input),
    };
    const bodies = new Map<RawInput, string>();
    const linesOf = new Map(inputs.map((input) => [input, splitLines(input.content)]));
    const prepared = new Map<RawInput, ReturnType<typeof prepareArticle>>();
    const bodyOf = (input: RawInput) => bodies.get(input)!;
    for (const input of inputs) {
      const { original, cleaning } = cleanParts(input);
      bodies.set(input, cleaning.paragraphs.map((p) => original.slice(p.start, p.end)).join('\n\n'));
      prepared.set(input, prepareArticle(input));
    }
    const chars = inputs.reduce((n, i) => n + i.content.length, 0) / inputs.length;
    const bodyChars = [...bodies.values()].reduce((n, b) => n + b.length, 0) / inputs.length;
    process.stdout.write(`${inputs.length} articles, ${chars.toFixed(0)} chars of input, ${bodyChars.toFixed(0)} of body on average\n`);
    for (const [name, run] of Object.entries(stages)) {
      if (values.only && !values.only.split(',').includes(name)) continue;
      const times: number[] = [];
      for (let round = 0; round < Number(values.rounds); round++) {
        const started = performance.now();
        for (const input of inputs) run(input);
        times.push(((performance.now() - started) * 1000) / inputs.length);
      }
      process.stdout.write(
        `${name.padEnd(10)} ${Math.min(...times)
          .toFixed(1)
          .padStart(7)} µs/article (best of ${times.length})\n`,
      );
    }
    if (!values.only || values.only.split(',').includes('write')) {
      const batch = [...prepared.values()];
      const times: number[] = [];
      const cpu: number[] = [];
      for (let round = 0; round < Number(values.rounds); round++) {
        const db = await openStore(join(work, `store-${round}.db`));
        const writer = new ArticleWriter(db);
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        for (let from = 0; from < batch.length; from += 200) await writer.write(batch.slice(from, from + 200));
        times.push(((performance.now() - started) * 1000) / batch.length);
        const used = process.cpuUsage(cpuBefore);
        cpu.push((used.user + used.system) / batch.length);
        await db.close();
      }
      // CPU time as well: waiting on the disk (a commit's write, a checkpoint's fsync) is not in it, and this VM's disk is noisier than its processors.
      process.stdout.write(
        `${'write'.padEnd(10)} ${Math.min(...times)
          .toFixed(1)
          .padStart(7)} µs/article (best of ${times.length}; store + cluster), CPU ${Math.min(...cpu).toFixed(1)} µs/article\n`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`prepare-stages: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
