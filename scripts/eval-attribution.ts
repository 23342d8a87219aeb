// Scores our quote attribution (direct quotes and who said them) on PolNeAR.
// Run: npx tsx scripts/eval-attribution.ts [--split dev|train] [--errors N] [--against DIR]
// --errors N prints up to N missed quotes, N wrong speakers and N quotes matching no attribution.
// Speaker recall is also given per class of attribution (issue 23's classes: a roundup's source
// on its own line, the paper's own voice, a speaker named in an earlier paragraph, a pronoun, and
// the ordinary speaker next to the quote), with the wrong speakers that are a quantity, a time or
// a group. --against DIR scores the checkout in DIR too (e.g. `git worktree add DIR <commit>`), so
// before and after come from one run.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyseText } from '../src/analyse/index.ts';
import {
  hasPolnear,
  loadPolnear,
  POLNEAR_DIR,
  predictedQuotes,
  scoreAttribution,
  type AttributionScores,
  type GoldAttribution,
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
  const s = ranges
    .map((r) => text.slice(r.start, r.end))
    .join(' … ')
    .replace(/\s+/g, ' ')
    .trim();
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
  return [...forms]
    .sort((a, b) => b[1] - a[1])
    .map(([f]) => f)
    .join(' / ');
}

function printScores(s: AttributionScores, docs: number): void {
  const c = s.counts;
  const row = (name: string, p: number, r: number, f: number, detail: string) => `${name.padEnd(8)} ${p.toFixed(3)}      ${r.toFixed(3)}   ${f.toFixed(3)}  ${detail}`;
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
    console.log(`  ${doc}\n    gold:   ${snippet(text(doc), gold.content)}\n    source: ${snippet(text(doc), gold.source)}\n    ours:   ${speakerOf(text(doc), predicted)}`);
  }
  console.log(`\nmatching no attribution (${s.spurious.length}; first ${Math.min(n, s.spurious.length)}):`);
  for (const { doc, predicted } of s.spurious.slice(0, n)) {
    console.log(`  ${doc}\n    ours:   ${snippet(text(doc), [predicted])}\n    by:     ${speakerOf(text(doc), predicted)}`);
  }
}

type Analyse = typeof analyseText;
const CLASSES = ['roundup line', "paper's own voice", 'named earlier', 'pronoun', 'next to the quote'] as const;
type AttributionClass = (typeof CLASSES)[number];

/** Which of issue 23's classes a gold attribution with a Source is, read off its text. */
function classOf(text: string, gold: GoldAttribution): AttributionClass {
  const source = gold.source
    .map((r) => text.slice(r.start, r.end))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(we|us|our)$/i.test(source) || /\b(newspaper|editorial board|editors|the daily)\b/i.test(source)) return "paper's own voice";
  if (/^(he|she|they|him|her|it|i|you)$/i.test(source)) return 'pronoun';
  const contentStart = gold.content[0]!.start;
  const contentEnd = gold.content[gold.content.length - 1]!.end;
  const sourceStart = gold.source[0]!.start;
  const sourceEnd = gold.source[gold.source.length - 1]!.end;
  if (sourceStart >= contentEnd && /^[\s"”'’.,!?]*(\n|[—–]|\s-\s)[\s—–-]*$/.test(text.slice(contentEnd, sourceStart))) return 'roundup line';
  if (sourceEnd <= contentStart && text.slice(sourceEnd, contentStart).includes('\n')) return 'named earlier';
  return 'next to the quote';
}

/** A speaker we gave that is no speaker: a quantity, a time or an unnamed group. */
const NOT_A_SPEAKER = /\d|\b(minutes?|hours?|days?|weeks?|months?|years?|officials|members|people|others|some|many)\b/i;

interface ClassScores {
  perClass: Map<AttributionClass, { gold: number; correct: number }>;
  notSpeakers: number;
}

function classScores(docs: GoldDoc[], s: AttributionScores): ClassScores {
  const byName = new Map(docs.map((d) => [d.name, d]));
  const failed = new Set<GoldAttribution>([...s.missed.map((m) => m.gold), ...s.wrongSpeaker.map((w) => w.gold)]);
  const perClass = new Map(CLASSES.map((c) => [c, { gold: 0, correct: 0 }]));
  for (const doc of docs) {
    for (const gold of doc.attributions) {
      if (!gold.direct || gold.source.length === 0) continue;
      const cell = perClass.get(classOf(doc.text, gold))!;
      cell.gold++;
      if (!failed.has(gold)) cell.correct++;
    }
  }
  const notSpeakers = s.wrongSpeaker.filter((w) => w.predicted.speakerMentions.length > 0 && NOT_A_SPEAKER.test(speakerOf(byName.get(w.doc)!.text, w.predicted))).length;
  return { perClass, notSpeakers };
}

function printClasses(now: ClassScores, before?: ClassScores): void {
  const cell = (x: { gold: number; correct: number }) => `${(x.gold ? x.correct / x.gold : 0).toFixed(3)} (${x.correct}/${x.gold})`;
  console.log(`
speaker recall per class${before ? ' (before → now)' : ''}:`);
  for (const c of CLASSES) console.log(`  ${c.padEnd(18)} ${before ? `${cell(before.perClass.get(c)!)} → ` : ''}${cell(now.perClass.get(c)!)}`);
  console.log(`  wrong speakers that are a quantity, a time or a group: ${before ? `${before.notSpeakers} → ` : ''}${now.notSpeakers}`);
}

function score(docs: GoldDoc[], analyse: Analyse): { scores: AttributionScores; ms: number } {
  const started = performance.now();
  const predictions = new Map(docs.map((d) => [d.name, predictedQuotes(analyse(d.text, d.name))]));
  return { scores: scoreAttribution(docs, predictions), ms: (performance.now() - started) / docs.length };
}

async function main(): Promise<void> {
  const split = option('--split') ?? 'dev';
  if (split !== 'dev' && split !== 'train') throw new Error(`--split must be dev or train, not ${split}`);
  if (!hasPolnear(split)) {
    console.error(`PolNeAR ${split} not found at ${POLNEAR_DIR}`);
    process.exitCode = 1;
    return;
  }
  const errors = Number(option('--errors') ?? 0);
  const docs = loadPolnear(split);
  const against = option('--against');
  let before: { scores: AttributionScores; ms: number } | undefined;
  if (against) {
    const module = (await import(pathToFileURL(resolve(against, 'src/analyse/index.ts')).href)) as { analyseText: Analyse };
    before = score(docs, module.analyseText);
    console.log(`before (${against}):`);
    printScores(before.scores, docs.length);
    console.log(`${before.ms.toFixed(1)} ms/text\n\nnow:`);
  }
  const { scores, ms } = score(docs, analyseText);
  printScores(scores, docs.length);
  console.log(`${ms.toFixed(1)} ms/text`);
  printClasses(classScores(docs, scores), before && classScores(docs, before.scores));
  const { missed, wrongSpeaker, spurious, ...summary } = scores;
  console.log(`\n${JSON.stringify({ split, ...summary }, null, 2)}`);
  if (errors > 0) printErrors(scores, new Map(docs.map((d) => [d.name, d])), errors);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
