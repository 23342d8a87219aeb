// Quality gate: page-chrome removal on the team's gold fixtures (test/fixtures/chrome).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocument } from '../../src/clean/index.ts';
import { loadFixtures, scoreFixture, totals } from './chrome-scorer.ts';
import { assertAboveFloors } from './floors.ts';

test('chrome removal on the gold fixtures stays above its floors', () => {
  const fixtures = loadFixtures(new URL('../fixtures/chrome', import.meta.url).pathname);
  assert.ok(fixtures.length >= 6);
  const scores = fixtures.map(({ name, text, gold }) => scoreFixture(name, text, gold, cleanDocument({ source: name, format: 'text', content: text, hints: {} })));
  const summary = totals(scores);
  const misses = scores.flatMap((s) => s.misses.map((m) => `${s.name}: ${m}`));
  assertAboveFloors('chromeFixtures', summary);
  // Losing article text is never acceptable, whatever the floors say.
  assert.deepEqual(
    misses.filter((m) => m.includes('article lost')),
    [],
  );
});
