// Story clustering on ECB+ (../shared/eval/clustering-ecbplus): the online clusterer and the
// TF-IDF + average-linkage baseline side by side, BCubed over all topics, the tuning half (odd
// topics) and the held-out half (even topics), in file-name order and over seeded shuffles.
// Also the parameter search that chose the defaults (--tune, on the odd topics only) and the
// speed of assign() on a long synthetic dated stream (--stream N). Run with --help.
import { parseArgs } from 'node:util';
import { DEFAULT_BASELINE_THRESHOLD } from '../src/stories/baseline.ts';
import type { BCubed } from '../src/stories/bcubed.ts';
import { bcubed } from '../src/stories/bcubed.ts';
import { DEFAULT_CLUSTER_OPTIONS, StoryClusterer, type ClusterOptions } from '../src/stories/clusterer.ts';
import { articleFeatures } from '../src/stories/features.ts';
import { hasEcbplus, isDevTopic, loadEcbplus, scoreBaseline, scoreOnline, withFeatures, ECBPLUS_DIR, type EcbArticle, type FeaturedArticle } from '../test/quality/ecbplus.ts';
import { pick, randomInt, seededRandom, type Random } from './prng.ts';

const USAGE = `usage: npx tsx bench/cluster-ecbplus.ts [--seeds N] [--tune] [--stream N]
  --seeds N     seeded shuffles of the stream order (default 10; seeds 1..N)
  --tune        search the clusterer's and the baseline's parameters on the odd topics only
  --stream N    time assign() on N synthetic dated articles (e.g. 100000) instead of scoring`;

function options() {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '10' },
      tune: { type: 'boolean', default: false },
      stream: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const seeds = Number(values.seeds);
  const stream = values.stream === undefined ? 0 : Number(values.stream);
  if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(stream) || stream < 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  return { seeds: Array.from({ length: seeds }, (_, i) => i + 1), tune: values.tune, stream };
}

const f3 = (x: number) => x.toFixed(3);
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const scores = (b: BCubed) => [f3(b.precision), f3(b.recall), f3(b.f1)];

function split(articles: readonly FeaturedArticle[]): [string, FeaturedArticle[]][] {
  return [
    ['all 43 topics', [...articles]],
    ['tuning half (odd topics)', articles.filter((a) => isDevTopic(a.topic))],
    ['held-out half (even topics)', articles.filter((a) => !isDevTopic(a.topic))],
  ];
}

function report(articles: readonly FeaturedArticle[], seeds: readonly number[]): void {
  console.log(`ECB+: ${articles.length} articles, ${new Set(articles.map((a) => a.story)).size} gold stories; BCubed P / R / F1`);
  console.log(`online: ${JSON.stringify(DEFAULT_CLUSTER_OPTIONS)}`);
  console.log(`baseline: TF-IDF, cosine, average linkage cut at ${DEFAULT_BASELINE_THRESHOLD}\n`);
  console.log(row(['topics', 'method', 'order', 'P', 'R', 'F1', 'ms']));
  console.log(row(['---', '---', '---', '---:', '---:', '---:', '---:']));
  const variation: string[] = [];
  for (const [name, set] of split(articles)) {
    let start = performance.now();
    const online = scoreOnline(set, seeds);
    const onlineMs = (performance.now() - start) / (seeds.length + 1);
    start = performance.now();
    const baseline = scoreBaseline(set, DEFAULT_BASELINE_THRESHOLD);
    const baselineMs = performance.now() - start;
    console.log(row([name, 'online', 'file-name order', ...scores(online.fileOrder), onlineMs.toFixed(0)]));
    console.log(row([name, 'online', `mean of ${seeds.length} shuffles`, ...scores(online.mean), '']));
    console.log(row([name, 'online', `min of ${seeds.length} shuffles`, ...scores(online.min), '']));
    console.log(row([name, 'baseline', 'batch (order-free)', ...scores(baseline), baselineMs.toFixed(0)]));
    variation.push(`${name}: F1 per shuffle ${online.shuffles.map((s) => f3(s.f1)).join(' ')}`);
  }
  console.log(`\nper-order variation of the online clusterer (seeds ${seeds[0]}..${seeds[seeds.length - 1]}):`);
  for (const line of variation) console.log(`  ${line}`);
}

/** Every combination of the listed values. */
function grid<T extends object>(axes: { [K in keyof T]: T[K][] }): T[] {
  let combos: Partial<T>[] = [{}];
  for (const key of Object.keys(axes) as (keyof T)[]) combos = combos.flatMap((c) => axes[key].map((v) => ({ ...c, [key]: v })));
  return combos as T[];
}

/** Parameters chosen on the odd topics only: mean F1 over the shuffles, ties to the worst shuffle. */
function tune(articles: readonly FeaturedArticle[], seeds: readonly number[]): void {
  const dev = articles.filter((a) => isDevTopic(a.topic));
  console.log(`tuning on ${dev.length} articles of the odd topics, ${seeds.length} shuffles each\n`);
  const tried = grid<Pick<ClusterOptions, 'threshold' | 'nameWeight' | 'mergeThreshold' | 'storyMergeThreshold'>>({
    threshold: [0.15, 0.2, 0.25, 0.3, 0.35],
    nameWeight: [0.3, 0.5, 0.7],
    mergeThreshold: [0.3, 0.4, 0.5],
    storyMergeThreshold: [0.3, 0.4, 0.5],
  })
    .filter((o) => o.mergeThreshold >= o.threshold)
    .map((o) => ({ o, s: scoreOnline(dev, seeds, o) }))
    .sort((a, b) => b.s.mean.f1 - a.s.mean.f1 || b.s.min.f1 - a.s.min.f1);
  console.log('online, best 10 (mean F1 / min F1 / file-order F1):');
  for (const { o, s } of tried.slice(0, 10)) console.log(`  ${f3(s.mean.f1)} ${f3(s.min.f1)} ${f3(s.fileOrder.f1)}  ${JSON.stringify(o)}`);
  console.log('\nbaseline thresholds (F1):');
  for (const threshold of [0.1, 0.15, 0.2, 0.22, 0.25, 0.28, 0.3, 0.35]) console.log(`  ${threshold}: ${f3(scoreBaseline(dev, threshold).f1)}`);
}

// ---- Speed on a long stream ----

/**
 * A dated stream of `count` articles about many invented events. Each event takes the wording of
 * one ECB+ topic but its own people and places: every capitalised word of the borrowed text is
 * replaced by an invented name, consistently within the event. So events of one kind share
 * their words, not their names (as in ECB+), the vocabulary grows like a real stream's, and old
 * stories must leave the index. An article mixes the sentences of two texts of its topic.
 */
function* syntheticStream(pool: readonly EcbArticle[], count: number, random: Random): Generator<{ id: string; event: number; text: string; published: string }> {
  const byTopic = new Map<number, EcbArticle[]>();
  for (const a of pool) byTopic.set(a.topic, [...(byTopic.get(a.topic) ?? []), a]);
  const topics = [...byTopic.values()];
  const perDay = 300;
  const start = Date.UTC(2024, 0, 1);
  const live: { id: number; texts: EcbArticle[]; ends: number }[] = [];
  let events = 0;
  for (let i = 0; i < count; i++) {
    const day = Math.floor(i / perDay);
    // About 15 new events a day, each living 1–10 days: about 80 live at a time.
    while (live.length === 0 || random() < 15 / perDay) live.push({ id: events++, texts: pick(random, topics), ends: day + randomInt(random, 1, 10) });
    for (let k = live.length - 1; k >= 0; k--) if (live[k]!.ends < day) live.splice(k, 1);
    const event = pick(random, live);
    const sentences = [...pick(random, event.texts).text.split('\n'), ...pick(random, event.texts).text.split('\n')].filter(() => random() < 0.6);
    const text = sentences.join('\n').replace(/\b[A-Z][a-z]+\b/g, (word) => inventedName(word, event.id));
    const published = new Date(start + day * 86_400_000 + randomInt(random, 0, 86_399_999)).toISOString();
    yield { id: `a${i}`, event: event.id, text, published };
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'vash', 'el', 'dun', 'qui', 'sar', 'bel', 'ost', 'ni', 'gra', 'pol', 'zef'];

/** The same invented name for the same word within one event; another in another event. */
function inventedName(word: string, event: number): string {
  const random = seededRandom(hash(`${event}:${word}`));
  const name = Array.from({ length: randomInt(random, 2, 4) }, () => pick(random, SYLLABLES)).join('');
  return name[0]!.toUpperCase() + name.slice(1);
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function measureStream(pool: readonly EcbArticle[], count: number): void {
  const clusterer = new StoryClusterer();
  const random = seededRandom(7);
  const assignMs: number[] = [];
  let featuresMs = 0;
  const gold = new Map<string, string>();
  const created = { stories: 0, merges: 0 };
  for (const article of syntheticStream(pool, count, random)) {
    let t = performance.now();
    const features = articleFeatures(article.text);
    featuresMs += performance.now() - t;
    t = performance.now();
    const assignment = clusterer.assign(article.id, features, article.published);
    assignMs.push(performance.now() - t);
    gold.set(article.id, String(article.event));
    if (assignment.created) created.stories++;
    if (assignment.merged) created.merges++;
  }
  const sorted = [...assignMs].sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const tenth = Math.floor(assignMs.length / 10);
  const predicted = new Map([...gold.keys()].map((id) => [id, clusterer.storyOf(id)!]));
  console.log(`synthetic stream: ${assignMs.length} dated articles, ${new Set(gold.values()).size} invented events`);
  console.log(`assign(): mean ${mean(assignMs).toFixed(4)} ms, p50 ${at(0.5).toFixed(4)}, p99 ${at(0.99).toFixed(4)}, max ${sorted[sorted.length - 1]!.toFixed(2)}`);
  console.log(`  first tenth mean ${mean(assignMs.slice(0, tenth)).toFixed(4)} ms, last tenth ${mean(assignMs.slice(-tenth)).toFixed(4)} ms`);
  console.log(`articleFeatures(): mean ${(featuresMs / assignMs.length).toFixed(4)} ms on these synthetic texts (full of never-seen invented names)`);
  // With node --expose-gc the heap figure is what stays alive, not what is waiting to be collected.
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`stories started ${created.stories}, merges ${created.merges}; heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
  const tenths = Array.from({ length: 10 }, (_, k) => mean(assignMs.slice(k * tenth, (k + 1) * tenth)).toFixed(3));
  console.log(`  mean ms per tenth of the stream: ${tenths.join(' ')}`);
  const b = bcubed(predicted, gold);
  console.log(`BCubed against the invented events (a sanity check, not a quality claim): P ${f3(b.precision)} R ${f3(b.recall)} F1 ${f3(b.f1)}`);
}

/** articleFeatures() on 7,000-character texts of real news: ECB+ articles run together, one text per article. */
function measureFeatures(pool: readonly EcbArticle[]): void {
  const texts = pool.map((_, i) => {
    let text = '';
    for (let k = i; text.length < 7000; k++) text += `${pool[k % pool.length]!.text}\n`;
    return text.slice(0, 7000);
  });
  let ms = 0;
  // The first passes warm the JIT and the word table, as a long-running ingest would be.
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    for (const text of texts) articleFeatures(text);
    ms = (performance.now() - start) / texts.length;
  }
  console.log(`articleFeatures() on ${texts.length} real 7 KB texts: ${ms.toFixed(4)} ms each (third pass)`);
}

function main(): void {
  const opts = options();
  if (!hasEcbplus()) {
    process.stderr.write(`ECB+ not found at ${ECBPLUS_DIR}\n`);
    process.exit(1);
  }
  const articles = loadEcbplus();
  if (opts.stream > 0) {
    measureFeatures(articles);
    measureStream(articles, opts.stream);
    return;
  }
  const featured = withFeatures(articles);
  if (opts.tune) tune(featured, opts.seeds);
  else report(featured, opts.seeds);
}

main();
