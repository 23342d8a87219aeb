// The CLI as one CommonJS file, bundled by esbuild from src/cli/main.ts, so `npm run corroborate`
// starts with plain node: no tsx, no transpiling, one script to compile instead of a few hundred
// modules, and that script is compiled from V8's code cache once a run has written it (see
// launch.js). Packages are bundled too, so the cache covers their code, except the ones loaded
// late or made of data: the wink model (a large JSON), linkedom, Readability and cli-progress.
// `node src/cli/bundle.js` builds it (`npm run build`, and `prepare` on `npm ci`, which with
// `--word-vectors` also builds the word-vector file); launch.js builds it again whenever the
// sources changed since. Plain JavaScript: it runs before anything is built.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** One folder per checkout: worktrees may share one node_modules. */
const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'corroborate', createHash('sha256').update(ROOT).digest('hex').slice(0, 12));
export const BUNDLE = join(OUT_DIR, 'cli.cjs');
/** The prepare pool's thread, bundled from src/collect/prepare-worker.ts. */
const PREPARE_WORKER = join(OUT_DIR, 'prepare-worker.cjs');
/** The server's brief thread, bundled from src/serve/brief-worker.ts. */
const BRIEF_WORKER = join(OUT_DIR, 'brief-worker.cjs');
/** The fingerprint of the sources the bundle was built from. */
const BUILT_FROM = join(OUT_DIR, 'cli.sources');
// Native addons find their .node file relative to their own package; pg is loaded only for postgres://.
const EXTERNAL = ['wink-eng-lite-web-model', 'linkedom', '@mozilla/readability', 'cli-progress', 'better-sqlite3', 'pg'];

/** Every file under src/, and the two that change how it is built, with size and modification time. */
function fingerprint() {
  const lines = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else lines.push(`${path}\t${info.size}\t${info.mtimeMs}`);
    }
  };
  walk(join(ROOT, 'src'));
  // The lexicon and the pair model are imported JSON: the bundle carries them too.
  walk(join(ROOT, 'data'));
  for (const name of ['package.json', 'tsconfig.json']) {
    const info = statSync(join(ROOT, name));
    lines.push(`${name}\t${info.size}\t${info.mtimeMs}`);
  }
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Whether the bundle exists and was built from the sources as they are now. */
export function bundleIsFresh() {
  try {
    return readFileSync(BUILT_FROM, 'utf8') === fingerprint();
  } catch {
    return false;
  }
}

/**
 * Where V8's code cache for this bundle text is kept (launch.js writes it after a run). Named by
 * the text's hash: V8 checks a cache against the source's length only, so a cache must never be
 * offered to another bundle of the same length.
 */
export function codeCachePath(bundleText) {
  return join(OUT_DIR, `cli.${createHash('sha256').update(bundleText).digest('hex').slice(0, 16)}.v8-cache`);
}

/** Writes `data` under a temporary name, then renames it: a reader sees the whole old file or the whole new one. */
export function replaceFile(path, data) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** esbuild's options for a CommonJS bundle of `entry`, as the CLI is built. */
function bundleOptions(entry, outfile) {
  return {
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    external: EXTERNAL,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The sources are ES modules: strict code, and import.meta.url is the bundle's own URL.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: `"use strict";\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;` },
    logLevel: 'warning',
  };
}

function bundleEntry(entry, outfile) {
  const { outputFiles } = esbuild().buildSync(bundleOptions(entry, outfile));
  replaceFile(outfile, outputFiles[0].contents);
}

const esbuild = () => createRequire(import.meta.url)('esbuild');

/**
 * A benchmark (bench/launch.js) as one bundle beside the CLI's. `import.meta.url` is the bundle's
 * own URL in the sources, as in the CLI (their data and threads are found beside the bundle or in
 * node_modules), and the file's own in the benchmark and the test helpers it takes in (they find
 * ../shared and bench/out from it). Returns the bundle's path.
 */
export async function bundleBenchmark(entry, name) {
  const outfile = join(OUT_DIR, `bench-${name}.cjs`);
  const ownUrls = {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.startsWith(join(ROOT, 'src') + sep)) return undefined;
        return { contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  };
  mkdirSync(OUT_DIR, { recursive: true });
  const { outputFiles } = await esbuild().build({ ...bundleOptions(entry, outfile), plugins: [ownUrls] });
  replaceFile(outfile, outputFiles[0].contents);
  return outfile;
}

/**
 * Builds the bundle. The fingerprint is taken before building, so a source saved during the build
 * makes the next run build again. Code caches of older bundles are removed.
 */
export function buildBundle() {
  const sources = fingerprint();
  mkdirSync(OUT_DIR, { recursive: true });
  // The CLI, and beside it the thread that prepares articles for a large ingest (prepare-pool.ts
  // finds it next to the bundle).
  for (const [entry, outfile] of [
    [join(ROOT, 'src', 'cli', 'main.ts'), BUNDLE],
    [join(ROOT, 'src', 'collect', 'prepare-worker.ts'), PREPARE_WORKER],
    [join(ROOT, 'src', 'serve', 'brief-worker.ts'), BRIEF_WORKER],
  ])
    bundleEntry(entry, outfile);
  for (const name of readdirSync(OUT_DIR)) if (name.includes('.v8-cache')) rmSync(join(OUT_DIR, name), { force: true });
  replaceFile(BUILT_FROM, sources);
}

/**
 * Builds the compact word-vector file (scripts/build-word-vectors.ts) through a bundle of its own,
 * so installing (`prepare`) needs esbuild and node only, not tsx.
 */
function buildWordVectors() {
  const outfile = join(OUT_DIR, 'build-word-vectors.cjs');
  bundleEntry(join(ROOT, 'scripts', 'build-word-vectors.ts'), outfile);
  createRequire(import.meta.url)(outfile);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildBundle();
  if (process.argv.includes('--word-vectors')) buildWordVectors();
}
