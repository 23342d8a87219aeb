// Phase 2: extractHtml and cleanDocument (format 'html') per real page of the AEB evaluation set.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeBytes } from '../src/ingest/index.ts';
import { extractHtml } from '../src/clean/html/extract.ts';
import { cleanDocument } from '../src/clean/index.ts';
import { distribution, RssSampler, timed, type Distribution } from './measure.ts';

interface Page {
  name: string;
  html: string;
  url?: string;
}

interface Timing {
  msPerPage: Distribution;
  pagesPerSecond: number;
  failures: number;
  firstFailure?: string;
}

export type HtmlResult =
  | { status: 'skipped'; reason: string; pages: number }
  | {
      status: 'ok';
      pages: number;
      /** Pages the decoder refused (binary, empty); not timed. */
      undecodable: number;
      htmlBytes: number;
      warmupPages: number;
      extract: Timing;
      cleanDocument: Timing;
      peakRssSampledBytes: number;
    };

/** Pages run untimed first, so JIT compilation and lazy loading are not charged to page one. */
const WARMUP_PAGES = 20;
const PAGE_SUFFIX = '.html.gz';
const NOT_IMPLEMENTED = /not implemented/i;

export async function measureHtml(dir: string, onProgress?: (message: string) => void): Promise<HtmlResult> {
  const { pages, undecodable } = await loadPages(dir);
  if (pages.length === 0) return { status: 'skipped', reason: `no ${PAGE_SUFFIX} pages in ${dir}`, pages: 0 };
  try {
    extractHtml(pages[0]!.html, urlOption(pages[0]!));
  } catch (error) {
    if (NOT_IMPLEMENTED.test((error as Error).message)) {
      return { status: 'skipped', reason: 'HTML extractor unavailable', pages: pages.length };
    }
    // Any other failure is the page's, counted per page below.
  }

  const sampler = new RssSampler().start();
  const warmup = pages.slice(0, WARMUP_PAGES);
  for (const page of warmup) attempt(() => cleanDocument(htmlInput(page)));
  onProgress?.(`html: warmed up on ${warmup.length} pages`);
  const extract = timePages(pages, (page) => extractHtml(page.html, urlOption(page)));
  onProgress?.(`html: extractHtml done (${pages.length} pages)`);
  const clean = timePages(pages, (page) => cleanDocument(htmlInput(page)));
  onProgress?.(`html: cleanDocument done (${pages.length} pages)`);

  return {
    status: 'ok',
    pages: pages.length,
    undecodable,
    htmlBytes: pages.reduce((sum, p) => sum + Buffer.byteLength(p.html, 'utf8'), 0),
    warmupPages: warmup.length,
    extract,
    cleanDocument: clean,
    peakRssSampledBytes: sampler.stop().peakBytes,
  };
}

/** Each page once, in file order; a page that throws is counted, not timed. */
function timePages(pages: readonly Page[], run: (page: Page) => unknown): Timing {
  const ms: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  for (const page of pages) {
    try {
      ms.push(timed(() => run(page)).ms);
    } catch (error) {
      failures++;
      firstFailure ??= `${page.name}: ${(error as Error).message}`;
    }
  }
  const totalSeconds = ms.reduce((a, b) => a + b, 0) / 1000;
  return { msPerPage: distribution(ms), pagesPerSecond: ms.length / totalSeconds, failures, ...(firstFailure ? { firstFailure } : {}) };
}

function attempt(run: () => unknown): void {
  try {
    run();
  } catch {
    // Warm-up only; failures are reported by the timed pass.
  }
}

function htmlInput(page: Page) {
  return { source: page.name, format: 'html' as const, content: page.html, hints: page.url ? { url: page.url } : {} };
}

function urlOption(page: Page): { url?: string } {
  return page.url ? { url: page.url } : {};
}

/** Gunzipped and decoded as ingest would (BOM, UTF-8, Windows-1252), with the page's URL if known. */
async function loadPages(dir: string): Promise<{ pages: Page[]; undecodable: number }> {
  const urls = await loadUrls(join(dir, '..', 'ground-truth.json'));
  const names = (await readdir(dir)).filter((n) => n.endsWith(PAGE_SUFFIX)).sort();
  const pages: Page[] = [];
  let undecodable = 0;
  for (const name of names) {
    const decoded = decodeBytes(gunzipSync(await readFile(join(dir, name))));
    if (!decoded.ok) {
      undecodable++;
      continue;
    }
    const url = urls.get(name.slice(0, -PAGE_SUFFIX.length));
    pages.push({ name, html: decoded.text, ...(url ? { url } : {}) });
  }
  return { pages, undecodable };
}

async function loadUrls(path: string): Promise<Map<string, string>> {
  try {
    const truth = JSON.parse(await readFile(path, 'utf8')) as Record<string, { url?: unknown }>;
    return new Map(Object.entries(truth).flatMap(([id, entry]) => (typeof entry.url === 'string' ? [[id, entry.url] as [string, string]] : [])));
  } catch {
    return new Map(); // the URL is only a hint
  }
}
