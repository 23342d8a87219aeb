// The results as a readable table for stdout and as JSON for bench/out/results.json.
import type { CorpusStats } from './corpus.ts';
import type { HtmlResult } from './html-pages.ts';
import type { Distribution } from './measure.ts';
import { growth, type MergeResult } from './merge.ts';
import type { AnalysisResult, ThroughputResult } from './throughput.ts';

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemoryBytes: number };
  code: { commit: string; srcModified: boolean };
  options: { documents: number; seed: number; quick: boolean; analyseDocs: number; mergeSizes: number[]; mergeGroups: number };
  sources: string[];
  corpus: Omit<CorpusStats, 'dir' | 'families'>;
  /** First pass: ingest + clean only (the foundation). */
  throughput: ThroughputResult;
  /** Second pass over the same corpus: ingest + clean + analyseDocument; null with --analyse-docs 0. */
  analysed: ThroughputResult | null;
  comparison: Comparison | null;
  merge: MergeResult | null;
  html: HtmlResult;
}

/** The budget: quotes + entities add at most this many times the foundation's time per document. */
export const ANALYSIS_BUDGET = 2;

export interface Comparison {
  /** Ingest + clean per document, from the first (clean-only) pass. */
  foundationMsPerDoc: number;
  /** analyseDocument per document (mean), timed on its own in the second pass. */
  analyseMsPerDoc: number;
  /** analyseMsPerDoc / foundationMsPerDoc. */
  ratio: number;
  /** analyseDocument / cleanDocument on the same documents of the second pass (ingest left out). */
  ratioToCleanSameDocs: number;
  /** Ingest + clean + analyse per document: the second pass's wall time, or projected when sampled. */
  pipelineMsPerDoc: number;
  pipelineMeasured: boolean;
  /** Ingest + clean per document inside the second pass: slower than alone (the analysis's garbage is collected there too). */
  interleavedFoundationMsPerDoc: number;
  /** pipeline − foundation: what the analysis adds to each document's time. */
  addedMsPerDoc: number;
  /** addedMsPerDoc / foundationMsPerDoc: the measure. */
  addedRatio: number;
  foundationDocsPerSecond: number;
  pipelineDocsPerSecond: number;
  withinBudget: boolean;
}

export function compare(foundation: ThroughputResult, second: ThroughputResult): Comparison | null {
  const a = second.analysis;
  if (!a || a.documents === 0 || foundation.documents === 0 || second.documents === 0) return null;
  const foundationMsPerDoc = (1000 * foundation.seconds) / foundation.documents;
  const interleavedFoundationMsPerDoc = (1000 * second.seconds) / second.documents;
  const analyseMsPerDoc = a.analyseMsPerDoc.mean;
  const measured = !a.sampled && a.documents === second.documents;
  const pipelineMsPerDoc = measured ? (1000 * second.wallSeconds) / second.documents : interleavedFoundationMsPerDoc + analyseMsPerDoc;
  const addedMsPerDoc = pipelineMsPerDoc - foundationMsPerDoc;
  const addedRatio = addedMsPerDoc / foundationMsPerDoc;
  return {
    foundationMsPerDoc,
    analyseMsPerDoc,
    ratio: analyseMsPerDoc / foundationMsPerDoc,
    ratioToCleanSameDocs: analyseMsPerDoc / a.cleanMsPerDoc.mean,
    pipelineMsPerDoc,
    pipelineMeasured: measured,
    interleavedFoundationMsPerDoc,
    addedMsPerDoc,
    addedRatio,
    foundationDocsPerSecond: 1000 / foundationMsPerDoc,
    pipelineDocsPerSecond: 1000 / pipelineMsPerDoc,
    withinBudget: addedRatio <= ANALYSIS_BUDGET,
  };
}

const MIB = 1024 * 1024;
const LABEL_WIDTH = 34;

type Row = [label: string, value: string];

export function formatTable(results: BenchResults): string {
  const { corpus: c, throughput: t, analysed: s, comparison: cmp, html: h, machine: m } = results;
  const sections: [string, Row[]][] = [
    [
      'Machine',
      [
        ['cpus', `${m.cpus} × ${m.cpuModel}`],
        ['node', `${m.node} (${m.platform})`],
        ['code', `commit ${results.code.commit}${results.code.srcModified ? ', src/ modified' : ''}`],
      ],
    ],
    [
      'Corpus',
      [
        ['documents', `${c.documents} (${c.txtFiles} .txt files, ${c.jsonlRecords} records in ${c.jsonlFiles} .jsonl files)`],
        ['input size', `${mb(c.bytes)} MB; per document ${bytes(c.docBytes.min)} min, ${bytes(c.docBytes.mean)} mean, ${bytes(c.docBytes.max)} max`],
        [
          '.txt encodings',
          Object.entries(c.encodings)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
        ],
        ['recombined from', `${results.sources.length} real reports`],
        ['generated in', `${fixed(c.seconds, 1)} s (not measured below)`],
      ],
    ],
    [
      'Ingest + clean + segment (foundation)',
      [
        ['documents cleaned', `${t.documents} (${t.rejected} rejected, ${t.duplicates} duplicates, ${t.emptyDocuments} with no body)`],
        ['throughput', `${fixed(t.docsPerSecond, 1)} docs/s, ${fixed(t.mbPerSecond, 3)} MB/s`],
        ['total', `${fixed(t.seconds, 2)} s`],
        ['  ingest (readInputs)', `${fixed(t.ingestSeconds, 2)} s (${percent(t.ingestSeconds, t.seconds)})`],
        ['  cleanDocument', `${fixed(t.cleanSeconds, 2)} s (${percent(t.cleanSeconds, t.seconds)})`],
        ['cleanDocument ms/doc', dist(t.cleanMsPerDoc)],
        ['output', `${t.sentences} sentences, ${t.removedRegions} chrome regions removed`],
        ['RSS before / peak (sampled)', `${mib(t.rssBeforeBytes)} / ${mib(t.peakRssSampledBytes)} MiB (${t.rssSamples} samples)`],
        ['maxRSS (resourceUsage)', `${mib(t.maxRssBytes)} MiB`],
      ],
    ],
    ...(s?.analysis ? [['Ingest + clean + analyse (second pass)', secondPassRows(s, s.analysis)] as [string, Row[]]] : []),
    ...(cmp ? [['Analysis vs foundation, per document', comparisonRows(cmp)] as [string, Row[]]] : []),
    ...(results.merge ? [['mergeAnalyses (one event per group)', mergeRows(results.merge, results.options.mergeGroups)] as [string, Row[]]] : []),
    ['HTML pages (AEB set)', htmlRows(h)],
  ];
  const lines = [`corroborate bench — ${results.date}`];
  for (const [title, rows] of sections) {
    lines.push('', title, '-'.repeat(title.length));
    for (const [label, value] of rows) lines.push(`  ${label.padEnd(LABEL_WIDTH)}${value}`);
  }
  return lines.join('\n') + '\n';
}

function secondPassRows(s: ThroughputResult, a: AnalysisResult): Row[] {
  const failures = a.failures ? `${a.failures} failed (first: ${a.firstFailure})` : 'none failed';
  return [
    ['documents analysed', a.sampled ? `${a.documents} of ${s.documents}: an evenly spaced SAMPLE (--analyse-docs), ${failures}` : `${a.documents} (all), ${failures}`],
    ['total', `${fixed(s.wallSeconds, 2)} s: ingest ${fixed(s.ingestSeconds, 2)}, cleanDocument ${fixed(s.cleanSeconds, 2)}, analyseDocument ${fixed(a.seconds, 2)}`],
    ['analyseDocument ms/doc', dist(a.analyseMsPerDoc)],
    ['cleanDocument ms/doc (this pass)', dist(s.cleanMsPerDoc)],
    ['output', `${a.entities} entities, ${a.unconfirmed} unconfirmed names, ${a.quotes} quotes`],
    ['RSS before / peak (sampled)', `${mib(s.rssBeforeBytes)} / ${mib(s.peakRssSampledBytes)} MiB (${s.rssSamples} samples)`],
    ['maxRSS (resourceUsage)', `${mib(s.maxRssBytes)} MiB`],
  ];
}

function comparisonRows(c: Comparison): Row[] {
  const how = c.pipelineMeasured ? 'measured' : 'projected from the sample';
  return [
    ['foundation (ingest + clean)', `${fixed(c.foundationMsPerDoc, 2)} ms/doc, ${fixed(c.foundationDocsPerSecond, 1)} docs/s (first pass)`],
    ['analyseDocument', `${fixed(c.analyseMsPerDoc, 2)} ms/doc = ${fixed(c.ratio, 2)}× foundation, ${fixed(c.ratioToCleanSameDocs, 2)}× cleanDocument`],
    ['ingest + clean + analyse', `${fixed(c.pipelineMsPerDoc, 2)} ms/doc, ${fixed(c.pipelineDocsPerSecond, 1)} docs/s (${how})`],
    ['  of which ingest + clean', `${fixed(c.interleavedFoundationMsPerDoc, 2)} ms/doc (vs ${fixed(c.foundationMsPerDoc, 2)} alone)`],
    ['added by the analysis', `${fixed(c.addedMsPerDoc, 2)} ms/doc = ${fixed(c.addedRatio, 2)}× foundation (budget ${ANALYSIS_BUDGET}×: ${c.withinBudget ? 'within' : 'OVER'})`],
  ];
}

function mergeRows(m: MergeResult, groups: number): Row[] {
  const rows: Row[] = m.sizes.map((s) => [
    `${s.documents} docs`,
    `median ${fixed(s.medianMs, 1)} ms, max ${fixed(s.maxMs, 1)} (${s.groups} group${s.groups === 1 ? '' : 's'}); ${Math.round(s.entitiesIn)} entities in (${Math.round(s.people)} full-name people) → ${Math.round(s.entitiesOut)} out`,
  ]);
  for (let i = 1; i < m.sizes.length; i++) {
    const [from, to] = [m.sizes[i - 1]!, m.sizes[i]!];
    const perFamily = growth(from, to).map((g) => `${g.family} ×${fixed(g.factor, 1)} (n^${fixed(g.exponent, 2)})`);
    rows.push([`growth ${from.documents} → ${to.documents} docs`, `${perFamily.join(', ')} for ×${fixed(to.documents / from.documents, 1)} docs`]);
  }
  if (m.skipped.length) rows.push(['skipped', `${m.skipped.join(', ')} docs: not one group: too few analysed documents of one event (${groups} groups wanted)`]);
  return rows;
}

function htmlRows(h: HtmlResult): Row[] {
  if (h.status === 'skipped') return [['status', `skipped: ${h.reason} (${h.pages} pages found)`]];
  const failures = (n: number, first?: string) => (n ? `${n} failed (first: ${first})` : 'none failed');
  return [
    ['pages', `${h.pages} (${mb(h.htmlBytes)} MB of HTML, ${h.undecodable} undecodable, ${h.warmupPages} warm-up)`],
    ['extractHtml ms/page', dist(h.extract.msPerPage)],
    ['  pages/s, failures', `${fixed(h.extract.pagesPerSecond, 1)}, ${failures(h.extract.failures, h.extract.firstFailure)}`],
    ['cleanDocument (html) ms/page', dist(h.cleanDocument.msPerPage)],
    ['  pages/s, failures', `${fixed(h.cleanDocument.pagesPerSecond, 1)}, ${failures(h.cleanDocument.failures, h.cleanDocument.firstFailure)}`],
    ['peak RSS (sampled)', `${mib(h.peakRssSampledBytes)} MiB`],
  ];
}

function dist(d: Distribution): string {
  if (d.count === 0) return 'n/a';
  return `mean ${fixed(d.mean, 2)}, median ${fixed(d.median, 2)}, p95 ${fixed(d.p95, 2)}, max ${fixed(d.max, 1)}`;
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const mb = (n: number) => fixed(n / 1e6, 2);
const mib = (n: number) => fixed(n / MIB, 1);
const bytes = (n: number) => `${Math.round(n)} B`;
const percent = (part: number, whole: number) => `${fixed((100 * part) / whole, 1)}%`;
