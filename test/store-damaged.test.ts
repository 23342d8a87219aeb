// A damaged or mistaken store gives one line that names it and says what to do; nothing is written
// into a damaged file; a command that only reads never creates a store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/open-store.ts';
import { ingest } from '../src/collect/ingest.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');
const CLI = join(ROOT, 'src/cli/main.ts');

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

function assertOneLine(stderr: string, store: string, what: RegExp) {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.ok(lines[0]!.includes(store), `names the store: ${stderr}`);
  assert.match(lines[0]!, what);
  assert.doesNotMatch(stderr, /\bat [\w.<>]+ \(|node_modules/);
}

test('an empty file, a foreign file, a damaged store and a missing one: one line each, nothing written, nothing created', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-damaged-'));
  const good = join(dir, 'good.db');
  const db = await openStore(good);
  await ingest(db, [EXAMPLES]);
  await db.close();

  const empty = join(dir, 'empty.db');
  writeFileSync(empty, '');
  const foreign = join(dir, 'notes.db');
  writeFileSync(foreign, 'these are my notes, not a database\n'.repeat(100));
  for (const [path, what] of [
    [empty, /the file is empty \(0 bytes\), not a store/],
    [foreign, /not a SQLite database/],
  ] as const) {
    for (const args of [
      ['ingest', EXAMPLES, '--db', path, '--quiet'],
      ['stories', '--db', path],
    ]) {
      const r = run(args);
      assert.equal(r.code, 1, args.join(' '));
      assertOneLine(r.stderr, path, what);
    }
  }
  assert.equal(statSync(empty).size, 0, 'the empty file is left as it was');

  // Garbage over pages in the middle: ingest checks first and writes nothing.
  const damaged = join(dir, 'damaged.db');
  copyFileSync(good, damaged);
  const size = statSync(damaged).size;
  const fd = openSync(damaged, 'r+');
  writeSync(fd, Buffer.alloc(Math.min(40_000, size / 2), 0x5a), 0, Math.min(40_000, size / 2), Math.floor(size / 3));
  closeSync(fd);
  const before = readFileSync(damaged);
  const r = run(['ingest', EXAMPLES, '--db', damaged, '--quiet']);
  assert.equal(r.code, 1);
  assertOneLine(r.stderr, damaged, /the store is damaged .*nothing was written: restore it from a backup/);
  assert.ok(readFileSync(damaged).equals(before), 'not a byte written');
  // `check` says what SQLite's full integrity check finds: ok, or the damage with the store named.
  const healthy = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'check', '--db', good], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(healthy.status, 0, healthy.stderr);
  assert.equal(healthy.stdout, `${good}: ok\n`);
  const checked = run(['check', '--db', damaged]);
  assert.equal(checked.code, 1);
  assert.ok(
    checked.stderr
      .trim()
      .split('\n')
      .every((l) => l.startsWith('corroborate: ') && l.includes(damaged)),
    checked.stderr,
  );
  assert.doesNotMatch(checked.stderr, /\bat [\w.<>]+ \(|node_modules/);

  // A read-only command on a mistyped path creates neither folders nor a store.
  const typo = join(dir, 'typo', 'x.db');
  const listed = run(['stories', '--db', typo]);
  assert.equal(listed.code, 1);
  assertOneLine(listed.stderr, typo, /no store there/);
  assert.ok(!existsSync(join(dir, 'typo')));
});
