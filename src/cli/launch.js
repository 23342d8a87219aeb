// `npm run corroborate`: the CLI from its bundle (bundle.js), built first when missing or older
// than the sources, so an edit is never run stale. The bundle is compiled with V8's code cache,
// which the first run of each command (and format) writes, so later runs skip parsing and
// compiling what they run; each new cache holds what the earlier ones held. Should the bundle not
// build or load (no esbuild, no write access), the CLI runs from the sources through tsx, as
// bin/corroborate.js does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { BUNDLE, buildBundle, bundleIsFresh, codeCachePath, replaceFile } from './bundle.js';

/** What a run compiles depends on its command and output format: `brief --format html`. */
function runKind(argv) {
  const format = argv.findIndex((a) => a === '--format' || a === '-f');
  return [argv[0] ?? '', format >= 0 ? (argv[format + 1] ?? '') : ''].join(' ').trim();
}

function readIfThere(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Compiles and runs the CommonJS bundle as Node would, offering V8 the code cache when there is one. */
function loadBundle(kind) {
  const text = readFileSync(BUNDLE, 'utf8');
  const cachePath = codeCachePath(text);
  const kindsPath = `${cachePath}.runs`;
  const cachedData = readIfThere(cachePath);
  const kinds = readIfThere(kindsPath)?.toString().split('\n') ?? [];
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${text}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  const saveCodeCache = () => {
    if (cachedData && !script.cachedDataRejected && kinds.includes(kind)) return;
    try {
      replaceFile(cachePath, script.createCachedData());
      replaceFile(kindsPath, [...(script.cachedDataRejected ? [] : kinds), kind].join('\n'));
    } catch {
      // A cache that cannot be written only makes the next start slower.
    }
  };
  return { cli: module.exports, saveCodeCache };
}

let loaded;
try {
  if (!bundleIsFresh()) buildBundle();
  loaded = loadBundle(runKind(process.argv.slice(2)));
} catch (error) {
  const reason = String(error?.message ?? error).split('\n')[0];
  // tsx is a development dependency: an installation without it has only the bundle to run.
  const tsx = await import('tsx/esm/api').catch(() => null);
  if (!tsx) {
    process.stderr.write(`corroborate: the CLI bundle could not be built or loaded (${reason}); reinstall the package (npm ci) so esbuild can build it\n`);
    process.exit(1);
  }
  process.stderr.write(`corroborate: note: running from the sources (the bundle could not be built or loaded: ${reason})\n`);
  tsx.register();
  loaded = { cli: await import('./main.ts'), saveCodeCache: () => {} };
}
process.exitCode = await loaded.cli.main(process.argv.slice(2));
loaded.saveCodeCache();
