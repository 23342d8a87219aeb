// The learned "same fact" model: a logistic regression over the pair features, trained on
// hand-labelled pairs of outlets' sentences (scripts/train-pair-model.ts writes the data file).
// Imported, not read from disk: the CLI's bundle carries it. Nothing is fetched.
import shipped from '../../data/alignment/pair-model.json' with { type: 'json' };
import { lexicalFeatures, PAIR_FEATURES, VECTOR_FEATURES, vectorFeatures } from './pair-features.ts';
import type { Vector } from './similarity.ts';
import type { Statement } from './statements.ts';

export interface PairModelFile {
  about: string;
  /** The hand-labelled pairs it was trained on, with their digests. */
  inputs: { file: string; sha256: string }[];
  features: string[];
  weights: number[];
  bias: number;
  /** SHA-256 of the JSON of `[features, weights, bias]`, so a hand edit shows. */
  digest: string;
  training: Record<string, number | string>;
}

export const PAIR_MODEL_FILE = new URL('../../data/alignment/pair-model.json', import.meta.url);

let weights: number[] | null = null;
let bias = 0;

function load(): number[] {
  if (weights) return weights;
  const file = shipped as unknown as PairModelFile;
  // A model trained on other features would weigh the wrong numbers: refuse it loudly.
  if (file.features.join() !== PAIR_FEATURES.join()) throw new Error(`${PAIR_MODEL_FILE.pathname}: trained on other features; run scripts/train-pair-model.ts`);
  bias = file.bias;
  return (weights = file.weights);
}

/** The logistic function of a weighted sum: what a logistic regression predicts (also in training). */
export function logistic(weights: readonly number[], bias: number, features: readonly number[]): number {
  let z = bias;
  for (let k = 0; k < weights.length; k++) z += weights[k]! * features[k]!;
  return sigmoid(z);
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** How likely two sentences report the same fact, 0 to 1, from their pair features. */
export function sameFactProbability(features: readonly number[]): number {
  const w = load();
  return logistic(w, bias, features);
}

/** A pair that cannot reach this probability whatever its vector features is scored without them. */
const NEGLIGIBLE = 0.3;

/**
 * sameFactProbability of two statements, reading word vectors (the costly features) only when they
 * could matter: when even their best values leave the pair below `negligible`, it is scored with
 * them at 0 (which understates it a little).
 */
export function pairProbability(a: Statement, b: Statement, va: Vector, vb: Vector, negligible = NEGLIGIBLE): number {
  const w = load();
  const lexical = lexicalFeatures(a, b, va, vb);
  const split = lexical.length;
  let z = bias;
  for (let k = 0; k < split; k++) z += w[k]! * lexical[k]!;
  let most = z;
  for (let k = split; k < w.length; k++) most += Math.max(0, w[k]!);
  if (sigmoid(most) < negligible) return sigmoid(z);
  const vector = vectorFeatures(a, b);
  for (let k = 0; k < VECTOR_FEATURES.length; k++) z += w[split + k]! * vector[k]!;
  return sigmoid(z);
}
