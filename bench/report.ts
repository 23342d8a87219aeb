// The results as a readable table for stdout and as JSON for bench/out/results.json.
import type { CorpusStats } from './corpus.ts';
import type { HtmlResult } from './html-pages.ts';
import type { Distribution } from './measure.ts';
import type { ThroughputResult } from './throughput.ts';

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemoryBytes: number };
  options: { documents: number; seed: number; quick: boolean };
  sources: string[];
  corpus: Omit<CorpusStats, 'dir'>;
  throughput: ThroughputResult;
  html: HtmlResult;
}

const MIB = 1024 * 1024;
const LABEL_WIDTH = 34;

type Row = [label: string, value: string];

export function formatTable(results: BenchResults): string {
  const { corpus: c, throughput: t, html: h, machine: m } = results;
  const sections: [string, Row[]][] = [
    ['Machine', [
      ['cpus', `${m.cpus} × ${m.cpuModel}`],
      ['node', `${m.node} (${m.platform})`],
    ]],
    ['Corpus', [
      ['documents', `${c.documents} (${c.txtFiles} .txt files, ${c.jsonlRecords} records in ${c.jsonlFiles} .jsonl files)`],
      ['input size', `${mb(c.bytes)} MB; per document ${bytes(c.docBytes.min)} min, ${bytes(c.docBytes.mean)} mean, ${bytes(c.docBytes.max)} max`],
      ['.txt encodings', Object.entries(c.encodings).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['recombined from', `${results.sources.length} real reports`],
      ['generated in', `${fixed(c.seconds, 1)} s (not measured below)`],
    ]],
    ['Ingest + clean + segment', [
      ['documents cleaned', `${t.documents} (${t.rejected} rejected, ${t.duplicates} duplicates, ${t.emptyDocuments} with no body)`],
      ['throughput', `${fixed(t.docsPerSecond, 1)} docs/s, ${fixed(t.mbPerSecond, 3)} MB/s`],
      ['total', `${fixed(t.seconds, 2)} s`],
      ['  ingest (readInputs)', `${fixed(t.ingestSeconds, 2)} s (${percent(t.ingestSeconds, t.seconds)})`],
      ['  cleanDocument', `${fixed(t.cleanSeconds, 2)} s (${percent(t.cleanSeconds, t.seconds)})`],
      ['cleanDocument ms/doc', dist(t.cleanMsPerDoc)],
      ['output', `${t.sentences} sentences, ${t.removedRegions} chrome regions removed`],
      ['RSS before / peak (sampled)', `${mib(t.rssBeforeBytes)} / ${mib(t.peakRssSampledBytes)} MiB (${t.rssSamples} samples)`],
      ['maxRSS (resourceUsage)', `${mib(t.maxRssBytes)} MiB`],
    ]],
    ['HTML pages (AEB set)', htmlRows(h)],
  ];
  const lines = [`corroborate bench — ${results.date}`];
  for (const [title, rows] of sections) {
    lines.push('', title, '-'.repeat(title.length));
    for (const [label, value] of rows) lines.push(`  ${label.padEnd(LABEL_WIDTH)}${value}`);
  }
  return lines.join('\n') + '\n';
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
