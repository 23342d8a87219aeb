// Reads the pinned quality floors; a gate test fails when a score drops below its floor.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const FLOORS = JSON.parse(readFileSync(new URL('../../quality/floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number | string>>;

export function assertAboveFloors(gate: string, scores: Record<string, number>): void {
  const floors = FLOORS[gate];
  assert.ok(floors, `no floors pinned for "${gate}" in quality/floors.json`);
  for (const [metric, floor] of Object.entries(floors)) {
    if (typeof floor !== 'number') continue; // a note beside the floors
    const score = scores[metric];
    assert.ok(score !== undefined, `${gate}: no score for ${metric}`);
    assert.ok(score >= floor, `${gate}.${metric} = ${score.toFixed(4)} fell below its floor ${floor}`);
  }
}
