// Phase 1: ingest (walk, read, decode, parse JSONL) + cleanDocument (clean + segment) over the corpus.
import { InputError, readInputs } from '../src/ingest/index.ts';
import { cleanDocument } from '../src/pipeline/clean-document.ts';
import { distribution, maxRssBytes, RssSampler, type Distribution } from './measure.ts';

export interface ThroughputResult {
  documents: number;
  rejected: number;
  duplicates: number;
  inputBytes: number;
  seconds: number;
  ingestSeconds: number;
  cleanSeconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
  cleanMsPerDoc: Distribution;
  sentences: number;
  removedRegions: number;
  emptyDocuments: number;
  rssBeforeBytes: number;
  peakRssSampledBytes: number;
  rssSamples: number;
  maxRssBytes: number;
}

const BYTES_PER_MB = 1e6;

/**
 * `inputBytes`: what is on disk under `dir` (from the corpus writer), for MB/s.
 * Ingest time is time spent waiting on the readInputs iterator; clean time is cleanDocument.
 */
export async function measureThroughput(
  dir: string,
  inputBytes: number,
  onProgress?: (documents: number) => void,
): Promise<ThroughputResult> {
  const rssBeforeBytes = process.memoryUsage.rss();
  const sampler = new RssSampler().start();
  const cleanMs: number[] = [];
  let ingestMs = 0;
  let rejected = 0;
  let duplicates = 0;
  let sentences = 0;
  let removedRegions = 0;
  let emptyDocuments = 0;

  const started = performance.now();
  const items = readInputs([dir])[Symbol.asyncIterator]();
  for (;;) {
    const before = performance.now();
    const next = await items.next();
    const afterIngest = performance.now();
    ingestMs += afterIngest - before;
    if (next.done) break;
    const item = next.value;
    if (item instanceof InputError) {
      if (item.kind === 'duplicate') duplicates++;
      else rejected++;
      continue;
    }
    const doc = cleanDocument(item);
    cleanMs.push(performance.now() - afterIngest);
    sentences += doc.sentences.length;
    removedRegions += doc.removed.length;
    if (doc.body.length === 0) emptyDocuments++;
    sampler.sample();
    onProgress?.(cleanMs.length);
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = sampler.stop();
  const cleanSeconds = cleanMs.reduce((a, b) => a + b, 0) / 1000;

  return {
    documents: cleanMs.length,
    rejected,
    duplicates,
    inputBytes,
    seconds,
    ingestSeconds: ingestMs / 1000,
    cleanSeconds,
    docsPerSecond: cleanMs.length / seconds,
    mbPerSecond: inputBytes / BYTES_PER_MB / seconds,
    cleanMsPerDoc: distribution(cleanMs),
    sentences,
    removedRegions,
    emptyDocuments,
    rssBeforeBytes,
    peakRssSampledBytes: rss.peakBytes,
    rssSamples: rss.samples,
    maxRssBytes: maxRssBytes(),
  };
}
