// Runs a benchmark from one bundle, built the way the CLI's is (src/cli/bundle.js), so it measures
// the code `corroborate` runs: under tsx every module stays an ES module of its own, and a call
// into another module in a hot loop (a character class, a hash step) costs several times what it
// does once esbuild has put the modules in one scope. `node bench/launch.js stream --quick` runs
// bench/stream.ts; the arguments after the name are the benchmark's. Plain JavaScript: it runs
// before anything is built.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, bundleBenchmark, bundleIsFresh } from '../src/cli/bundle.js';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[\w-]+$/.test(name)) {
  process.stderr.write('usage: node bench/launch.js <benchmark> [arguments]   (bench/<benchmark>.ts)\n');
  process.exit(2);
}
// The prepare threads of an ingest run prepare-worker.cjs, beside the bundles.
if (!bundleIsFresh()) buildBundle();
const bundle = await bundleBenchmark(join(BENCH_DIR, `${name}.ts`), name);
process.argv = [process.argv[0], bundle, ...args];
createRequire(import.meta.url)(bundle);
