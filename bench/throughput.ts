// Phase 1: ingest (walk, read, decode, parse JSONL) + cleanDocument (clean + segment) over the corpus,
// and analyseDocument (entities + quotes) on each cleaned document, or on an evenly spaced sample.
// The analysis runs in the same loop, right after its document is cleaned, as the CLI does it;
// it is timed on its own and left out of the ingest + clean ("foundation") figures.
import { analyseDocument, type DocumentAnalysis } from '../src/analyse/index.ts';
import { InputError, readInputs, type RawInput } from '../src/ingest/index.ts';
import { cleanDocument } from '../src/clean/index.ts';
import { distribution, maxRssBytes, RssSampler, type Distribution } from './measure.ts';

export interface ThroughputResult {
  documents: number;
  rejected: number;
  duplicates: number;
  inputBytes: number;
  /** Ingest + clean: the loop's wall time less the time spent in analyseDocument. */
  seconds: number;
  /** The loop's wall time, analysis included. */
  wallSeconds: number;
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
  analysis: AnalysisResult | null;
}

export interface AnalysisResult {
  /** Documents analysed; all cleaned documents unless a sample was asked for. */
  documents: number;
  sampled: boolean;
  failures: number;
  firstFailure?: string;
  seconds: number;
  analyseMsPerDoc: Distribution;
  /** cleanDocument on the same documents, for a like-for-like comparison when sampled. */
  cleanMsPerDoc: Distribution;
  entities: number;
  unconfirmed: number;
  quotes: number;
}

export interface AnalyseOptions {
  /** Whether the k-th cleaned document (0-based) is analysed. */
  include: (k: number) => boolean;
  sampled: boolean;
  /** Handed each analysis, with the input it came from (for the merge groups). */
  onAnalysis?: (input: RawInput, analysis: DocumentAnalysis) => void;
}

const BYTES_PER_MB = 1e6;

/**
 * `inputBytes`: what is on disk under `dir` (from the corpus writer), for MB/s.
 * Ingest time is time spent waiting on the readInputs iterator; clean time is cleanDocument.
 */
export async function measureThroughput(dir: string, inputBytes: number, onProgress?: (documents: number) => void, analyse?: AnalyseOptions): Promise<ThroughputResult> {
  const rssBeforeBytes = process.memoryUsage.rss();
  const sampler = new RssSampler().start();
  const cleanMs: number[] = [];
  let ingestMs = 0;
  let rejected = 0;
  let duplicates = 0;
  let sentences = 0;
  let removedRegions = 0;
  let emptyDocuments = 0;
  const analyseMs: number[] = [];
  const analysedCleanMs: number[] = [];
  let analyseFailures = 0;
  /** Time in analyses that threw: not a timing sample, but not foundation time either. */
  let failedAnalyseMs = 0;
  let firstFailure: string | undefined;
  let entities = 0;
  let unconfirmed = 0;
  let quotes = 0;

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
    const afterClean = performance.now();
    const docCleanMs = afterClean - afterIngest;
    if (analyse?.include(cleanMs.length)) {
      try {
        const analysis = analyseDocument(doc);
        analyseMs.push(performance.now() - afterClean);
        analysedCleanMs.push(docCleanMs);
        entities += analysis.entities.length;
        unconfirmed += analysis.unconfirmed.length;
        quotes += analysis.quotes.length;
        analyse.onAnalysis?.(item, analysis);
      } catch (error) {
        failedAnalyseMs += performance.now() - afterClean;
        analyseFailures++;
        firstFailure ??= `${item.source}: ${(error as Error).message}`;
      }
    }
    cleanMs.push(docCleanMs);
    sentences += doc.sentences.length;
    removedRegions += doc.removed.length;
    if (doc.body.length === 0) emptyDocuments++;
    sampler.sample();
    onProgress?.(cleanMs.length);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const rss = sampler.stop();
  const cleanSeconds = sum(cleanMs) / 1000;
  const analyseSeconds = sum(analyseMs) / 1000;
  const seconds = wallSeconds - analyseSeconds - failedAnalyseMs / 1000;

  return {
    documents: cleanMs.length,
    rejected,
    duplicates,
    inputBytes,
    seconds,
    wallSeconds,
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
    analysis: analyse
      ? {
          documents: analyseMs.length,
          sampled: analyse.sampled,
          failures: analyseFailures,
          ...(firstFailure ? { firstFailure } : {}),
          seconds: analyseSeconds,
          analyseMsPerDoc: distribution(analyseMs),
          cleanMsPerDoc: distribution(analysedCleanMs),
          entities,
          unconfirmed,
          quotes,
        }
      : null,
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
