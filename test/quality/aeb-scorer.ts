// Scorer for the scrapinghub article-extraction-benchmark (AEB), re-implemented from its
// published method: 4-token shingles over \w+ tokens, per-document tp/fp/fn normalised by
// their sum, then precision and recall averaged over documents and F1 taken from the means.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, basename } from 'node:path';

/** Shingle length used by the benchmark. */
export const SHINGLE_SIZE = 4;

/** Python's re `\w` with re.UNICODE: letters, numbers and the underscore. */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  f1: number;
  precision: number;
  recall: number;
}

export type Extractor = (html: string, url: string) => string;

export function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** Multiset of shingles; a text shorter than the shingle size yields one short shingle. */
export function shingles(text: string, n = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + n);
    if (gram.length === 0) continue;
    // \u0001 cannot occur inside a \w token, so the joined key is unambiguous.
    const key = gram.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** tp/fp/fn of one document, normalised to sum to 1 so long articles do not dominate. */
export function matchDocument(truth: string, predicted: string): Counts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Macro-averaged precision and recall (documents without any predicted/true shingle skipped). */
export function aggregate(docs: Counts[]): Scores {
  const precision = mean(docs.filter((d) => d.tp + d.fp > 0).map(precisionOf));
  const recall = mean(docs.filter((d) => d.tp + d.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

/** id → article body. */
export type Bodies = Record<string, string>;

export function scoreBodies(truth: Bodies, predicted: Bodies): Scores & { perDoc: Record<string, Counts> } {
  const perDoc: Record<string, Counts> = {};
  for (const id of Object.keys(truth)) perDoc[id] = matchDocument(truth[id] ?? '', predicted[id] ?? '');
  return { ...aggregate(Object.values(perDoc)), perDoc };
}

// ---------------------------------------------------------------------------------------------
// Dataset access

export interface AebPage {
  id: string;
  url: string;
  html: string;
}

export interface AebDataset {
  dir: string;
  truth: Bodies;
  urls: Record<string, string>;
}

type BodyFile = Record<string, { articleBody?: string; url?: string }>;

/** Saved outputs come either as `{id: {...}}` or wrapped as `{output: {id: {...}}, version}`. */
function unwrapOutput(raw: unknown): BodyFile {
  const obj = raw as Record<string, unknown>;
  if (obj && typeof obj === 'object' && 'output' in obj && typeof obj.output === 'object') {
    return obj.output as BodyFile;
  }
  return obj as BodyFile;
}

function bodiesOf(file: BodyFile): Bodies {
  const out: Bodies = {};
  for (const [id, rec] of Object.entries(file)) out[id] = rec?.articleBody ?? '';
  return out;
}

export function loadDataset(dir: string): AebDataset | null {
  const gtPath = join(dir, 'ground-truth.json');
  if (!existsSync(gtPath)) return null;
  const gt = unwrapOutput(JSON.parse(readFileSync(gtPath, 'utf8')));
  const urls: Record<string, string> = {};
  for (const [id, rec] of Object.entries(gt)) urls[id] = rec.url ?? '';
  return { dir, truth: bodiesOf(gt), urls };
}

export function loadPage(ds: AebDataset, id: string): AebPage {
  const html = gunzipSync(readFileSync(join(ds.dir, 'html', `${id}.html.gz`))).toString('utf8');
  return { id, url: ds.urls[id] ?? '', html };
}

/** Saved outputs of other extractors, by tool name. */
export function loadSavedOutputs(ds: AebDataset): Record<string, Bodies> {
  const outDir = join(ds.dir, 'output');
  const result: Record<string, Bodies> = {};
  for (const f of readdirSync(outDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    result[basename(f, '.json')] = bodiesOf(unwrapOutput(JSON.parse(readFileSync(join(outDir, f), 'utf8'))));
  }
  return result;
}

export interface ExtractorRun extends Scores {
  msPerPage: number;
  perDoc: Record<string, Counts>;
  bodies: Bodies;
}

/** Runs `extract` over every page and scores it; the timing covers extraction only. */
export function scoreExtractor(ds: AebDataset, extract: Extractor): ExtractorRun {
  const bodies: Bodies = {};
  let ms = 0;
  const ids = Object.keys(ds.truth);
  for (const id of ids) {
    const page = loadPage(ds, id);
    const t0 = performance.now();
    bodies[id] = extract(page.html, page.url);
    ms += performance.now() - t0;
  }
  const scored = scoreBodies(ds.truth, bodies);
  return { ...scored, msPerPage: ids.length ? ms / ids.length : 0, bodies };
}
