// The analysis hands its tokens on packed (PackedText), and a statement's tokens are made from them
// when read: the same tokens tokenize() made, and the same array when read again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { PackedText, tokenize } from '../src/analyse/tokens.ts';
import { mergeAnalyses } from '../src/analyse/index.ts';
import { bundleStatements } from '../src/compare/index.ts';
import { analyseSafely, cleanInputs } from '../src/pipeline/run.ts';
import type { CleanDocument } from '../src/schema.ts';

async function examples(): Promise<CleanDocument[]> {
  const documents: CleanDocument[] = [];
  for await (const item of cleanInputs([fileURLToPath(new URL('../examples', import.meta.url))])) if (!(item instanceof Error)) documents.push(item);
  assert.equal(documents.length, 4);
  return documents;
}

test('packed tokens are the tokens tokenize() made, field for field', async () => {
  for (const doc of await examples()) {
    const text = tokenize(doc.original, doc.body);
    const packed = new PackedText(text);
    assert.equal(packed.length, text.tokens.length);
    assert.deepEqual(packed.sentences, text.sentences);
    text.tokens.forEach((t, i) => assert.deepEqual(packed.token(i), t));
    const stretch = packed.tokens(3, 9);
    assert.deepEqual(stretch, text.tokens.slice(3, 9));
    assert.equal(packed.tokens(3, 9), stretch, 'the same stretch twice in a row: the same array');
    assert.deepEqual(packed.tokens(3, 10), text.tokens.slice(3, 10));
    assert.notEqual(packed.tokens(3, 9), stretch, 'made again after another stretch');
  }
});

test("a statement's tokens run from its first word to its last, and read twice are one array", async () => {
  const documents = await examples();
  const analyses = documents.map(analyseSafely);
  const { entities, quotes } = mergeAnalyses(analyses);
  const { statements } = bundleStatements({ documents, analyses, entities, quotes });
  assert.ok(statements.length > 20);
  for (const s of statements) {
    const tokens = s.tokens;
    assert.equal(tokens[0]!.start, s.span.start, s.text);
    assert.equal(tokens[tokens.length - 1]!.end, s.span.end, s.text);
    assert.ok(tokens.every((t, k) => k === 0 || t.start >= tokens[k - 1]!.end));
    assert.equal(s.tokens, tokens);
  }
});
