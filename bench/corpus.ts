// Writes the benchmark corpus to a temporary directory: mostly .txt files (in a few
// encodings) and some .jsonl files of several records, so the run measures real ingest.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { RawInput } from '../src/ingest/index.ts';
import { composeDocument } from './compose.ts';
import { encodeText, type FileEncoding } from './encodings.ts';
import { pick, seededRandom, type Random } from './prng.ts';
import type { SourceReport } from './sources.ts';

export interface CorpusStats {
  dir: string;
  documents: number;
  files: number;
  txtFiles: number;
  jsonlFiles: number;
  jsonlRecords: number;
  /** Bytes on disk: what ingest reads. */
  bytes: number;
  docBytes: { min: number; mean: number; max: number };
  encodings: Partial<Record<FileEncoding, number>>;
  /** Compositions thrown away because they repeated an earlier document. */
  redraws: number;
  seconds: number;
  /** The event family of each document's base report, by document number (see `documentNumber`). */
  families: string[];
}

/** Share of documents written as JSONL records rather than single .txt files. */
const JSONL_SHARE = 0.15;
const RECORDS_PER_JSONL = 25;
/** Keeps directories small enough that listing them is not what gets measured. */
const FILES_PER_DIR = 1000;
/** Cumulative shares of .txt encodings; the rest is plain UTF-8. */
const ENCODING_SHARES: [number, FileEncoding][] = [
  [0.03, 'utf-8 with BOM'],
  [0.08, 'utf-8 CRLF'],
  [0.13, 'windows-1252'],
];
/** Attempts at a document that differs from every earlier one before giving up. */
const MAX_DRAWS = 50;
const BENCH_URL = 'https://bench.invalid/story/';

export async function writeCorpus(options: { documents: number; seed: number; sources: readonly SourceReport[]; onProgress?: (written: number) => void }): Promise<CorpusStats> {
  const started = performance.now();
  const random = seededRandom(options.seed);
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-bench-'));
  const stats: CorpusStats = {
    dir,
    documents: 0,
    files: 0,
    txtFiles: 0,
    jsonlFiles: 0,
    jsonlRecords: 0,
    bytes: 0,
    docBytes: { min: Infinity, mean: 0, max: 0 },
    encodings: {},
    redraws: 0,
    seconds: 0,
    families: [],
  };
  const seen = new Set<string>();
  const madeDirs = new Set<string>();
  let pendingRecords: string[] = [];

  const writeNext = async (name: string, bytes: Uint8Array): Promise<void> => {
    const sub = join(dir, `part-${String(Math.floor(stats.files / FILES_PER_DIR)).padStart(3, '0')}`);
    if (!madeDirs.has(sub)) {
      await mkdir(sub);
      madeDirs.add(sub);
    }
    await writeFile(join(sub, name), bytes);
    stats.files++;
    stats.bytes += bytes.length;
  };
  const flushRecords = async (): Promise<void> => {
    if (pendingRecords.length === 0) return;
    await writeNext(`batch-${String(stats.jsonlFiles).padStart(5, '0')}.jsonl`, Buffer.from(pendingRecords.join('\n') + '\n', 'utf8'));
    stats.jsonlFiles++;
    pendingRecords = [];
  };

  for (let i = 0; i < options.documents; i++) {
    const { text, base } = uniqueDocument(random, options.sources, seen, stats);
    stats.families.push(base.family);
    const docBytes = Buffer.byteLength(text, 'utf8');
    stats.docBytes.min = Math.min(stats.docBytes.min, docBytes);
    stats.docBytes.max = Math.max(stats.docBytes.max, docBytes);
    stats.docBytes.mean += docBytes / options.documents;

    if (random() < JSONL_SHARE) {
      pendingRecords.push(JSON.stringify({ outlet: base.outlet, title: base.title, url: `${BENCH_URL}${i}`, text }));
      stats.jsonlRecords++;
      if (pendingRecords.length === RECORDS_PER_JSONL) await flushRecords();
    } else {
      const encoded = encodeText(text, chooseEncoding(random));
      stats.encodings[encoded.encoding] = (stats.encodings[encoded.encoding] ?? 0) + 1;
      await writeNext(`doc-${String(i).padStart(6, '0')}.txt`, encoded.bytes);
      stats.txtFiles++;
    }
    stats.documents++;
    options.onProgress?.(stats.documents);
  }
  await flushRecords();
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

const TXT_NAME = /^doc-(\d+)\.txt$/;

/** Which generated document an ingested input is: from its file name, or its JSONL record's URL. */
export function documentNumber(input: RawInput): number | undefined {
  const fromName = TXT_NAME.exec(basename(input.source));
  if (fromName) return Number(fromName[1]);
  const url = input.hints.url;
  return url?.startsWith(BENCH_URL) ? Number(url.slice(BENCH_URL.length)) : undefined;
}

function uniqueDocument(random: Random, sources: readonly SourceReport[], seen: Set<string>, stats: CorpusStats) {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const doc = composeDocument(random, pick(random, sources), sources);
    const key = createHash('sha1').update(doc.text).digest('hex');
    if (!seen.has(key)) {
      seen.add(key);
      return doc;
    }
    stats.redraws++;
  }
  throw new Error(`could not compose a new document after ${MAX_DRAWS} draws; the sources are too small`);
}

function chooseEncoding(random: Random): FileEncoding {
  const roll = random();
  for (const [upTo, encoding] of ENCODING_SHARES) if (roll < upTo) return encoding;
  return 'utf-8';
}
