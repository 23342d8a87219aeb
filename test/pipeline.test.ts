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

test('names and quotes from the source are escaped in the Markdown brief', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { renderMarkdown } = await import('../src/index.ts');
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-escape-'));
  const file = join(dir, 'hostile.txt');
  writeFileSync(
    file,
    [
      'Port talks collapse',
      '',
      'Union leader Marta <b>Kovacs</b> walked out of the talks on Friday.',
      '',
      '"<img src=x onerror=alert(1)> is what they offered us, and it is not enough," Kovacs told reporters at the gate.',
      '',
      'The port authority said it would return to the table next week.',
    ].join('\n'),
  );
  const result = await brief([file]);
  const quote = result.quotes.find((q) => q.text.includes('onerror'));
  assert.ok(quote, 'the hostile quote is still found');
  const md = renderMarkdown(result);
  assert.doesNotMatch(md, /<img|<b>/, 'raw HTML from the source reached the Markdown');
  assert.match(md, /&lt;img src=x onerror=alert\(1\)&gt;/);
});
