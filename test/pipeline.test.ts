// The library entry on the example bundle: every document kind yields valid spans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { brief } from '../src/index.ts';
import { assertSpansValid } from './support.ts';

test('every span of every document (text, transcript, HTML, JSONL) lies inside it and slices to its text', async () => {
  const result = await brief([fileURLToPath(new URL('../examples', import.meta.url))]);
  assert.deepEqual(result.rejected, []);
  assert.deepEqual(new Set(result.documents.map((d) => d.format)), new Set(['text', 'html']));
  for (const doc of result.documents) {
    assertSpansValid(doc);
    assert.ok(doc.sentences.length >= 5, `${doc.source}: too few sentences`);
    // Removed chrome is still addressable in the original, and never part of the text.
    for (const r of doc.removed) assert.ok(doc.original.slice(r.start, r.end).trim().length > 0);
  }
});
