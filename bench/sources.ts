// The real text the corpus is recombined from: the example bundle and the shared seed reports,
// read at run time (the seeds must never be copied into the repository).
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** One real report cut into the pieces the generator reshuffles. */
export interface SourceReport {
  name: string;
  /** Reports about the same event; bodies are only extended with paragraphs of the same family. */
  family: string;
  /** Article paragraphs (or transcript turns). */
  body: string[];
  /** Short lines seen near the top (section labels, headlines, bylines, players). */
  headChrome: string[];
  /** Short lines seen between body paragraphs (captions, share bars). */
  midChrome: string[];
  /** Short lines seen near the end (bios, teasers, follow-us, copyright). */
  tailChrome: string[];
  /** Title and outlet when the source says so (the JSONL record); used for JSONL hints. */
  title?: string;
  outlet?: string;
}

/** A line this long that ends a sentence is taken as article text; shorter lines as chrome. */
const BODY_MIN_CHARS = 100;
/** Between the head and the tail, shorter sentences are usually one-line paragraphs. */
const MID_BODY_MIN_CHARS = 40;
const SENTENCE_END = /[.!?]["'”’)]?$/;
/** Share of a report's lines counted as "top" and "bottom" when placing its chrome. */
const HEAD_SHARE = 0.3;
const TAIL_SHARE = 0.3;
const FAMILY_EXAMPLES = 'examples';
const FAMILY_SEEDS = 'seeds';

export async function loadSources(examplesDir: string, seedsDir: string): Promise<SourceReport[]> {
  const reports: SourceReport[] = [];
  for (const file of await listFiles(examplesDir)) {
    const path = join(examplesDir, file);
    const ext = extname(file).toLowerCase();
    if (ext === '.txt') reports.push(fromLines(file, FAMILY_EXAMPLES, lines(await readFile(path, 'utf8'))));
    else if (ext === '.html') reports.push(fromLines(file, FAMILY_EXAMPLES, lines(htmlToText(await readFile(path, 'utf8')))));
    else if (ext === '.jsonl') reports.push(...fromJsonLines(file, await readFile(path, 'utf8')));
  }
  const seeds = (await listFiles(seedsDir)).filter((f) => extname(f) === '.txt');
  if (seeds.length === 0) throw new Error(`no seed reports (*.txt) in ${seedsDir}`);
  for (const file of seeds) reports.push(fromLines(file, FAMILY_SEEDS, lines(await readFile(join(seedsDir, file), 'utf8'))));
  return reports.filter((r) => r.body.length > 0);
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    throw new Error(`cannot read ${dir}: ${(error as Error).message}`);
  }
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
}

function isBody(line: string, inMiddle: boolean): boolean {
  return line.length >= (inMiddle ? MID_BODY_MIN_CHARS : BODY_MIN_CHARS) && SENTENCE_END.test(line.trim());
}

function fromLines(name: string, family: string, all: string[]): SourceReport {
  const report: SourceReport = { name, family, body: [], headChrome: [], midChrome: [], tailChrome: [] };
  all.forEach((line, index) => {
    const inHead = index < all.length * HEAD_SHARE;
    const inTail = index >= all.length * (1 - TAIL_SHARE);
    if (isBody(line, !inHead && !inTail)) report.body.push(line);
    else if (inHead) report.headChrome.push(line);
    else if (inTail) report.tailChrome.push(line);
    else report.midChrome.push(line);
  });
  return report;
}

function fromJsonLines(file: string, content: string): SourceReport[] {
  const reports: SourceReport[] = [];
  lines(content).forEach((line, index) => {
    const record = JSON.parse(line) as { text?: unknown; title?: unknown; outlet?: unknown };
    if (typeof record.text !== 'string') return;
    const report = fromLines(`${file}#${index + 1}`, FAMILY_EXAMPLES, lines(record.text));
    if (typeof record.title === 'string') report.title = record.title;
    if (typeof record.outlet === 'string') report.outlet = record.outlet;
    reports.push(report);
  });
  return reports;
}

/** Enough of an HTML page's visible text to recombine: one line per block element. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head|form)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|h[1-6]|li|div|figcaption|nav|aside|header|footer|article)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .join('\n');
}
