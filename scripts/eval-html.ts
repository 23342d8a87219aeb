// Scores our HTML extractor on the article-extraction benchmark next to the saved outputs of
// other extractors. Run: npx tsx scripts/eval-html.ts [--worst N]
// Env: DIGITS=4 for more decimals; DISABLE_RULES=name,name to measure content filters by ablation.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { extractHtml } from '../src/clean/html/extract.ts';
import { loadDataset, loadSavedOutputs, scoreBodies, scoreExtractor, type Scores } from '../test/quality/aeb-scorer.ts';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'eval', 'html-extraction-aeb');
const OURS = 'corroborate (ours)';

/** Our body text as scored: kept blocks joined by blank lines. */
export function ourBody(html: string, url: string): string {
  const x = extractHtml(html, { url, disableRules: process.env.DISABLE_RULES?.split(',') });
  return x.blocks.map((b) => x.original.slice(b.start, b.end)).join('\n\n');
}

function row(name: string, s: Scores): string {
  const d = process.env.DIGITS ? Number(process.env.DIGITS) : 3;
  return `${name.padEnd(22)} ${s.f1.toFixed(d)}  ${s.precision.toFixed(d)}  ${s.recall.toFixed(d)}`;
}

function main(): void {
  const ds = loadDataset(DATA_DIR);
  if (!ds) {
    console.error(`benchmark data not found at ${DATA_DIR}`);
    process.exitCode = 1;
    return;
  }
  const worstArg = process.argv.indexOf('--worst');
  const worst = worstArg >= 0 ? Number(process.argv[worstArg + 1] ?? 10) : 0;

  const rows: [string, Scores][] = [];
  for (const [name, bodies] of Object.entries(loadSavedOutputs(ds))) rows.push([name, scoreBodies(ds.truth, bodies)]);
  const ours = scoreExtractor(ds, ourBody);
  rows.push([OURS, ours]);
  rows.sort((a, b) => b[1].f1 - a[1].f1);

  console.log(`${'tool'.padEnd(22)} F1     P      R      (${Object.keys(ds.truth).length} pages)`);
  for (const [name, s] of rows) console.log(row(name, s));
  console.log(`\nours: ${ours.msPerPage.toFixed(1)} ms/page`);

  if (worst > 0) {
    const f1 = (c: { tp: number; fp: number; fn: number }) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);
    const ranked = Object.entries(ours.perDoc).sort((a, b) => f1(a[1]) - f1(b[1]));
    console.log(`\nworst ${worst} pages (id, F1, fp share, fn share, url):`);
    for (const [id, c] of ranked.slice(0, worst)) {
      console.log(`${id.slice(0, 12)} ${f1(c).toFixed(3)} fp=${c.fp.toFixed(2)} fn=${c.fn.toFixed(2)} ${ds.urls[id]}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
