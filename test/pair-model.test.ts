// The shipped "same fact" model (data/alignment/pair-model.json) is what its build script makes
// of the hand-labelled pairs in the repository: trained on the features the code computes, from
// the gold files as they are now, and not edited by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PAIR_FEATURES } from '../src/compare/pair-features.ts';
import { PAIR_MODEL_FILE, sameFactProbability, type PairModelFile } from '../src/compare/pair-model.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

test('the pair model was trained on the current features and gold files, and not edited since', () => {
  const model = JSON.parse(readFileSync(PAIR_MODEL_FILE, 'utf8')) as PairModelFile;
  assert.deepEqual(model.features, [...PAIR_FEATURES]);
  assert.equal(model.weights.length, PAIR_FEATURES.length);
  assert.equal(model.digest, sha256(JSON.stringify([model.features, model.weights, model.bias])), 'weights changed by hand: rerun scripts/train-pair-model.ts');
  assert.ok(model.inputs.length >= 1);
  for (const input of model.inputs) {
    assert.match(input.file, /^test\/fixtures\/gold\/alignment-train/, 'trained on the train split only, never on the val gold it is scored on');
    assert.equal(sha256(readFileSync(ROOT + input.file, 'utf8')), input.sha256, `${input.file} changed since training: rerun scripts/train-pair-model.ts`);
  }
});

test('the model scores more shared and related wording higher, all else equal', () => {
  const none = PAIR_FEATURES.map(() => 0);
  const withWords = PAIR_FEATURES.map((f) => (f === 'cosine' || f === 'coveredMore' || f === 'sharedWords' ? 0.6 : 0));
  assert.ok(sameFactProbability(withWords) > sameFactProbability(none));
  assert.ok(sameFactProbability(none) < 0.5, 'nothing in common is not the same fact');
});
