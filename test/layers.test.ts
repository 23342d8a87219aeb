// The layer order of CONTRIBUTING.md, enforced by dependency-cruiser (.dependency-cruiser.cjs): no
// import cycles, no import from a later layer, nothing importing the interfaces. The rules are
// checked to catch a planted wrong-way import and a cycle, then run over the real sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

test('the layer rules catch a wrong-way import and a cycle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-layers-'));
  for (const folder of ['ingest', 'serve', 'compare']) mkdirSync(join(dir, 'src', folder), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', allowImportingTsExtensions: true, noEmit: true } }));
  writeFileSync(join(dir, 'src', 'serve', 'route.ts'), 'export const route = 1;\n');
  writeFileSync(join(dir, 'src', 'ingest', 'read.ts'), "import { route } from '../serve/route.ts';\nexport const read = route;\n");
  writeFileSync(join(dir, 'src', 'compare', 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b;\n");
  writeFileSync(join(dir, 'src', 'compare', 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
  const { status, out } = cruise(dir);
  assert.notEqual(status, 0, out);
  assert.match(out, /error ingest: src\/ingest\/read\.ts → src\/serve\/route\.ts/);
  assert.match(out, /no-cycles/);
});

test('the sources keep the layer order: no cycle, no import from a later layer', () => {
  const { status, out } = cruise(ROOT);
  assert.equal(status, 0, out);
  assert.match(out, /no dependency violations/);
});
