// Scores our quote attribution (direct quotes and who said them) on PolNeAR.
// Run: npx tsx scripts/eval-attribution.ts [--split dev|train] [--errors N]
// --errors N prints up to N missed quotes, N wrong speakers and N quotes matching no attribution.
import { fileURLToPath } from 'node:url';
import { analyseText } from '../src/analyse/index.ts';
import {
  hasPolnear,
  loadPolnear,
  POLNEAR_DIR,
  predictedQuotes,
  scoreAttribution,
  type AttributionScores,
  type GoldDoc,
  type PredictedQuote,
  type Range,
} from '../test/quality/attribution-scorer.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A range of the text on one line, cut to `max` characters. */
function snippet(text: string, ranges: Range[], max = 160): string {
  if (ranges.length === 0) return '—';
  const s = ranges.map((r) => text.slice(r.start, r.end)).join(' … ').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The surface forms of our speaker's mentions, most frequent first. */
function speakerOf(text: string, q: PredictedQuote): string {
  if (q.speakerMentions.length === 0) return '(none)';
  const forms = new Map<string, number>();
  for (const m of q.speakerMentions) {
    const form = text.slice(m.start, m.end).replace(/\s+/g, ' ');
    forms.set(form, (forms.get(form) ?? 0) + 1);
  }
  return [...forms].sort((a, b) => b[1] - a[1]).map(([f]) => f).join(' / ');
}

function printScores(s: AttributionScores, docs: number): void {
  const c = s.counts;
  const row = (name: string, p: number, r: number, f: number, detail: string) =>
    `${name.padEnd(8)} ${p.toFixed(3)}      ${r.toFixed(3)}   ${f.toFixed(3)}  ${detail}`;
  console.log(`${docs} texts, ${c.goldDirect} gold direct attributions (${c.goldDirectWithSource} with a Source), ${c.predicted} predicted quotes`);
  console.log(`${''.padEnd(8)} precision  recall  F1`);
  console.log(row('quote', s.quotePrecision, s.quoteRecall, s.quoteF1, `P ${c.predictedMatched}/${c.predicted}, R ${c.goldDirectMatched}/${c.goldDirect}`));
  console.log(row('speaker', s.speakerPrecision, s.speakerRecall, s.speakerF1, `P ${c.speakerCorrect}/${c.speakerPredicted}, R ${c.speakerCorrect}/${c.goldDirectWithSource}`));
}

function printErrors(s: AttributionScores, byName: Map<string, GoldDoc>, n: number): void {
  const text = (doc: string) => byName.get(doc)!.text;
  console.log(`\nmissed (${s.missed.length}; first ${Math.min(n, s.missed.length)}):`);
  for (const { doc, gold } of s.missed.slice(0, n)) {
    console.log(`  ${doc}\n    gold:   ${snippet(text(doc), gold.content)}\n    source: ${snippet(text(doc), gold.source)}`);
  }
  console.log(`\nwrong or no speaker (${s.wrongSpeaker.length}; first ${Math.min(n, s.wrongSpeaker.length)}):`);
  for (const { doc, gold, predicted } of s.wrongSpeaker.slice(0, n)) {
    console.log(
      `  ${doc}\n    gold:   ${snippet(text(doc), gold.content)}\n    source: ${snippet(text(doc), gold.source)}\n    ours:   ${speakerOf(text(doc), predicted)}`,
    );
  }
  console.log(`\nmatching no attribution (${s.spurious.length}; first ${Math.min(n, s.spurious.length)}):`);
  for (const { doc, predicted } of s.spurious.slice(0, n)) {
    console.log(`  ${doc}\n    ours:   ${snippet(text(doc), [predicted])}\n    by:     ${speakerOf(text(doc), predicted)}`);
  }
}

function main(): void {
  const split = option('--split') ?? 'dev';
  if (split !== 'dev' && split !== 'train') throw new Error(`--split must be dev or train, not ${split}`);
  if (!hasPolnear(split)) {
    console.error(`PolNeAR ${split} not found at ${POLNEAR_DIR}`);
    process.exitCode = 1;
    return;
  }
  const errors = Number(option('--errors') ?? 0);
  const docs = loadPolnear(split);
  const started = performance.now();
  const predictions = new Map(docs.map((d) => [d.name, predictedQuotes(analyseText(d.text, d.name))]));
  const ms = (performance.now() - started) / docs.length;
  const scores = scoreAttribution(docs, predictions);
  printScores(scores, docs.length);
  console.log(`${ms.toFixed(1)} ms/text`);
  const { missed, wrongSpeaker, spurious, ...summary } = scores;
  console.log(`\n${JSON.stringify({ split, ...summary }, null, 2)}`);
  if (errors > 0) printErrors(scores, new Map(docs.map((d) => [d.name, d])), errors);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
