// Two ingest processes into one SQLite store at once: each takes the write lock a batch at a time,
// and whatever order their batches land in, every input is stored once and filed in one story.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open-store.ts';
import { assertConsistent } from './helpers/store-checks.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');

function ingest(dir: string, db: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', dir, '--db', db, '--batch', '5', '--quiet'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test('two ingests of the same folder into one SQLite store at once: every input stored once, each in one story', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-two-ingests-'));
  const files = join(dir, 'reports');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(files);
  // Sixty short reports of six events, so both processes decide stories while the other writes.
  for (let i = 0; i < 60; i++) {
    const event = i % 6;
    writeFileSync(
      join(files, `r${String(i).padStart(2, '0')}.txt`),
      `Event ${event}: harbour crane ${event} collapses at Kessing pier ${event}\n\nA crane numbered ${event} collapsed at pier ${event} of Kessing harbour on Tuesday, report ${i} said, injuring ${i % 5} workers and closing berth ${event}.\n`,
    );
  }
  const db = join(dir, 'store.db');
  const [a, b] = await Promise.all([ingest(files, db), ingest(files, db)]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  const store = await openStore(db);
  try {
    const rows = await store.all<{ source: string; n: number }>('SELECT source, COUNT(*) AS n FROM articles GROUP BY source');
    assert.equal(rows.length, readdirSync(files).length, 'every file stored');
    assert.ok(
      rows.every((r) => Number(r.n) === 1),
      'none stored twice',
    );
    const unfiled = await store.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE story_id IS NULL');
    assert.equal(Number(unfiled!.n), 0);
    await assertConsistent(store);
  } finally {
    await store.close();
  }
});
