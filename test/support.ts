// Shared test helpers: where the shared evaluation data and seeds are, and span checks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { CleanDocument, Span } from '../src/schema.ts';

export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export const SEEDS = join(SHARED, 'seeds');
export const hasSeeds = existsSync(SEEDS);

export function seedFiles(): { path: string; text: string }[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: join(SEEDS, f), text: readFileSync(join(SEEDS, f), 'utf8') }));
}

/** Every span of a document lies inside it and slices to what it stands for. */
export function assertSpansValid(doc: CleanDocument): void {
  const check = (span: Span, what: string) => {
    assert.equal(span.doc, doc.id, `${what}: span of another document`);
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets are integers`);
    assert.ok(span.start >= 0 && span.start < span.end && span.end <= doc.original.length, `${what}: [${span.start}, ${span.end}) outside 0..${doc.original.length}`);
    const text = doc.original.slice(span.start, span.end);
    assert.equal(text, text.trim(), `${what}: span has untrimmed whitespace`);
  };
  doc.body.forEach((s, i) => check(s, `body[${i}]`));
  doc.sentences.forEach((s, i) => check(s, `sentences[${i}]`));
  doc.removed.forEach((s, i) => check(s, `removed[${i}]`));
  doc.turns?.forEach((t, i) => {
    check(t.label, `turns[${i}].label`);
    check(t.span, `turns[${i}].span`);
  });
  // The cleaned text is exactly the body passages, in order.
  assert.equal(doc.text, doc.body.map((s) => doc.original.slice(s.start, s.end)).join('\n\n'));
  // Body passages in reading order, never overlapping; so the passage that can hold a span is the
  // last one starting at or before it (a binary search: linear overall, even on 100k sentences).
  for (let i = 1; i < doc.body.length; i++) assert.ok(doc.body[i - 1]!.end <= doc.body[i]!.start, `body passages ${i - 1} and ${i} overlap or are out of order`);
  const holder = (span: Span): number => {
    let lo = 0;
    let hi = doc.body.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doc.body[mid]!.start <= span.start) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  // Every sentence lies inside a body passage; body and removed never overlap.
  for (const s of doc.sentences) {
    const b = doc.body[holder(s)];
    assert.ok(b && s.end <= b.end, 'sentence outside the body');
  }
  for (const r of doc.removed) {
    const k = holder(r);
    const [b, next] = [doc.body[k], doc.body[k + 1]];
    assert.ok(!(b && r.start < b.end) && !(next && next.start < r.end), `removed region overlaps the body: ${doc.original.slice(r.start, r.end).slice(0, 80)}`);
  }
}

/**
 * Asks `done` every `everyMs` until it says yes or `timeoutMs` have passed (a background job, a
 * child process, a server catching up); the caller then asserts what it waited for.
 */
export async function pollUntil(done: () => Promise<boolean> | boolean, timeoutMs: number, everyMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await done()) && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, everyMs));
}
