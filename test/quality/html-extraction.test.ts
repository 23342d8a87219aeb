// Quality gate: our HTML body extraction on the article-extraction benchmark must not fall
// below the floors pinned in quality/floors.json (key htmlExtraction).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractHtml } from '../../src/clean/html/extract.ts';
import { loadDataset, scoreExtractor } from './aeb-scorer.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA_DIR = join(ROOT, '..', 'shared', 'eval', 'html-extraction-aeb');
const FLOORS = JSON.parse(readFileSync(join(ROOT, 'quality', 'floors.json'), 'utf8')).htmlExtraction as {
  f1: number;
  precision: number;
  recall: number;
};

const available = existsSync(join(DATA_DIR, 'ground-truth.json'));

test('HTML extraction meets the benchmark floors', { skip: available ? false : `benchmark data not found at ${DATA_DIR}; skipping the HTML quality gate` }, () => {
  const ds = loadDataset(DATA_DIR)!;
  const run = scoreExtractor(ds, (html, url) => {
    const x = extractHtml(html, { url });
    return x.blocks.map((b) => x.original.slice(b.start, b.end)).join('\n\n');
  });
  const got = `F1 ${run.f1.toFixed(4)}, P ${run.precision.toFixed(4)}, R ${run.recall.toFixed(4)}`;
  assert.ok(run.f1 >= FLOORS.f1, `F1 below floor ${FLOORS.f1}: ${got}`);
  assert.ok(run.precision >= FLOORS.precision, `precision below floor ${FLOORS.precision}: ${got}`);
  assert.ok(run.recall >= FLOORS.recall, `recall below floor ${FLOORS.recall}: ${got}`);
});
