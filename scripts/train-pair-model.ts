// Trains the "same fact" pair model (src/compare/pair-model.ts) on hand-labelled pairs of units
// from outlets' versions of one event (multi-outlet-allsides train split), and writes
// data/alignment/pair-model.json with its inputs' digests. Features are computed through the
// path `brief` runs (cleaned text files, analysis, the bundle's statements and vectors).
// Prints event-grouped cross-validation on the training pairs and the pair-level precision and
// recall on the val gold (never trained on).
// Run: npx tsx scripts/train-pair-model.ts [--gold a.json,b.json] [--split train|val] [--dry-run]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeAnalyses } from '../src/analyse/index.ts';
import { bundleStatements } from '../src/compare/index.ts';
import { pairFeatures, PAIR_FEATURES } from '../src/compare/pair-features.ts';
import { logistic, PAIR_MODEL_FILE, type PairModelFile } from '../src/compare/pair-model.ts';
import { pushTo } from '../src/util/multimap.ts';
import { analyseSafely } from '../src/pipeline/run.ts';
import { hasAllsides, loadAllsides, type AllsidesEvent } from '../test/quality/allsides.ts';
import { ALIGNMENT_GOLD, covers, eventDocuments, unitSpan, type GoldPair, type GoldUnit } from '../test/quality/allsides-scorer.ts';

const GOLD_DIR = fileURLToPath(new URL('../test/fixtures/gold/', import.meta.url));
/** L2 penalty: the training set is a few hundred pairs; keep weights modest. */
const L2 = 0.002;
const STEPS = 6000;
const RATE = 1;

interface Example {
  line: number;
  x: number[];
  y: number;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Features of each gold pair whose two units are both claim units of the brief. */
function examples(split: 'train' | 'val', pairs: GoldPair[]): { examples: Example[]; unmapped: number } {
  const events = loadAllsides(split);
  const byLine = new Map<number, GoldPair[]>();
  for (const p of pairs) pushTo(byLine, p.line, p);
  const out: Example[] = [];
  let unmapped = 0;
  for (const [line, linePairs] of byLine) {
    const event: AllsidesEvent = events[line]!;
    const documents = eventDocuments(event);
    const analyses = documents.map(analyseSafely);
    const { entities, quotes } = mergeAnalyses(analyses);
    const { statements, vectors } = bundleStatements({ documents, analyses, entities, quotes });
    const docs = documents.map((d) => d.id);
    const find = (unit: GoldUnit) => {
      const span = unitSpan(event, docs, unit);
      return statements.findIndex((s) => covers(s.span, span));
    };
    for (const p of linePairs) {
      const i = find(p.a);
      const j = find(p.b);
      if (i < 0 || j < 0) {
        unmapped++;
        continue;
      }
      out.push({ line, x: pairFeatures(statements[i]!, statements[j]!, vectors[i]!, vectors[j]!), y: p.same ? 1 : 0 });
    }
  }
  return { examples: out, unmapped };
}

/** Logistic regression by full-batch gradient descent with an L2 penalty (features lie in [0, 1]). */
function train(data: Example[]): { weights: number[]; bias: number } {
  const d = PAIR_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < STEPS; step++) {
    const g = new Array<number>(d).fill(0);
    let gb = 0;
    for (const { x, y } of data) {
      const err = logistic(w, b, x) - y;
      for (let k = 0; k < d; k++) g[k]! += err * x[k]!;
      gb += err;
    }
    for (let k = 0; k < d; k++) w[k]! -= RATE * (g[k]! / data.length + L2 * w[k]!);
    b -= (RATE * gb) / data.length;
  }
  return { weights: w.map(round), bias: round(b) };
}

function probability(model: { weights: number[]; bias: number }, x: number[]): number {
  return logistic(model.weights, model.bias, x);
}

function curve(name: string, scored: { p: number; y: number }[], positives: number): void {
  const cells = [0.5, 0.6, 0.7, 0.8].map((t) => {
    const hit = scored.filter((s) => s.p >= t);
    const tp = hit.filter((s) => s.y === 1).length;
    return `≥${t}: P ${(hit.length ? tp / hit.length : 1).toFixed(3)} R ${(tp / positives).toFixed(3)}`;
  });
  console.log(`${name.padEnd(22)} ${cells.join('  ')}`);
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

if (!hasAllsides()) {
  console.error('multi-outlet-allsides not found in ../shared/eval');
  process.exit(1);
}
const goldFiles = (
  option('--gold')?.split(',') ??
  readdirSync(GOLD_DIR)
    .filter((f) => /^alignment-train.*\.json$/.test(f))
    .map((f) => GOLD_DIR + f)
).sort();
if (!goldFiles.length) {
  console.error('no training pairs: test/fixtures/gold/alignment-train*.json');
  process.exit(1);
}
const goldText = goldFiles.map((f) => readFileSync(f, 'utf8'));
const trainPairs = goldText.flatMap((text) => (JSON.parse(text) as { pairs: GoldPair[] }).pairs);
// --split val: a dry run on the val gold itself (to try features before training pairs exist).
const split = option('--split') === 'val' ? 'val' : 'train';
const { examples: trainSet, unmapped } = examples(split, trainPairs);
const positives = trainPairs.filter((p) => p.same).length;
console.log(`training pairs ${trainPairs.length} (${positives} same fact) from ${new Set(trainPairs.map((p) => p.line)).size} events; ${unmapped} with a unit that is not a claim unit`);

// Event-grouped cross-validation: no event's pairs on both sides.
const lines = [...new Set(trainSet.map((e) => e.line))].sort((a, b) => a - b);
const folds = 5;
const heldOut: { p: number; y: number }[] = [];
for (let k = 0; k < folds; k++) {
  const test = new Set(lines.filter((_, i) => i % folds === k));
  const model = train(trainSet.filter((e) => !test.has(e.line)));
  for (const e of trainSet) if (test.has(e.line)) heldOut.push({ p: probability(model, e.x), y: e.y });
}
curve('train, 5-fold by event', heldOut, positives);

const model = train(trainSet);
const valPairs = (JSON.parse(readFileSync(ALIGNMENT_GOLD, 'utf8')) as { pairs: GoldPair[] }).pairs;
const { examples: valSet } = examples('val', valPairs);
curve(
  'val gold (pair level)',
  valSet.map((e) => ({ p: probability(model, e.x), y: e.y })),
  valPairs.filter((p) => p.same).length,
);
console.log(PAIR_FEATURES.map((f, k) => `${f} ${model.weights[k]}`).join(', ') + `, bias ${model.bias}`);

if (!process.argv.includes('--dry-run')) {
  const file: PairModelFile = {
    about:
      'Logistic regression: whether two sentences (or headlines) of two outlets report the same fact. Built by scripts/train-pair-model.ts from hand-labelled pairs of multi-outlet-allsides train.source; do not edit by hand.',
    inputs: goldFiles.map((f, i) => ({ file: f.slice(f.indexOf('test/fixtures/')), sha256: sha256(goldText[i]!) })),
    features: [...PAIR_FEATURES],
    weights: model.weights,
    bias: model.bias,
    digest: sha256(JSON.stringify([PAIR_FEATURES, model.weights, model.bias])),
    training: { pairs: trainSet.length, sameFact: trainSet.filter((e) => e.y === 1).length, events: lines.length, l2: L2, steps: STEPS },
  };
  writeFileSync(PAIR_MODEL_FILE, JSON.stringify(file, null, 1) + '\n');
  console.log(`wrote ${fileURLToPath(PAIR_MODEL_FILE)}`);
}
