// Corroboration on real multi-outlet reporting (multi-outlet-allsides, val split), through the
// user's path (three text reports per event, briefed together):
// - alignment of paraphrased facts against the hand-labelled pairs, with the pair model and with
//   TF-IDF alone, in the same run;
// - briefs without a lead, and ROUGE-2 F of the lead against the human roundup beside the
//   first-sentence baseline.
// Run: npx tsx scripts/eval-allsides.ts [--errors N] [--limit N]
import { existsSync } from 'node:fs';
import { TFIDF_ALIGN } from '../src/compare/align.ts';
import { hasAllsides, loadAllsides, ALLSIDES_DIR } from '../test/quality/allsides.ts';
import {
  ALIGNMENT_GOLD,
  alignedInBrief,
  briefEvent,
  firstSentencesBaseline,
  leadText,
  loadAlignmentGold,
  rouge2,
  scoreAlignment,
  unitSpan,
  type AlignmentScores,
  type BriefedEvent,
} from '../test/quality/allsides-scorer.ts';

function option(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (!hasAllsides()) {
  console.error(`multi-outlet-allsides not found at ${ALLSIDES_DIR}`);
  process.exit(1);
}
const events = loadAllsides('val').slice(0, option('--limit'));
const started = Date.now();
// --link and --merge try other alignment thresholds (for a precision/recall curve).
const align = { ...(option('--link') !== undefined ? { link: option('--link')! } : {}), ...(option('--merge') !== undefined ? { merge: option('--merge')! } : {}) };
const withLexicon = new Map<number, BriefedEvent>(events.map((e) => [e.line, briefEvent(e, { align })]));
const seconds = (Date.now() - started) / 1000;

let noLead = 0;
let corroborated = 0;
let leadRouge = 0;
let baselineRouge = 0;
for (const e of events) {
  const b = withLexicon.get(e.line)!;
  const lead = leadText(b.brief);
  if (!lead) noLead++;
  corroborated += b.brief.facts.filter((f) => !f.singleSource).length;
  leadRouge += rouge2(lead, e.target);
  baselineRouge += rouge2(firstSentencesBaseline(e), e.target);
}
const n = events.length;
console.log(`events ${n} (briefed in ${seconds.toFixed(1)} s)`);
console.log(`briefs without a lead: ${noLead}; corroborated facts: ${corroborated} (${(corroborated / n).toFixed(2)} a brief)`);
console.log(`ROUGE-2 F against the roundup: lead ${(leadRouge / n).toFixed(4)}, first sentences ${(baselineRouge / n).toFixed(4)}`);

const show = (name: string, s: AlignmentScores) =>
  console.log(
    `${name}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (${s.truePositives}/${s.gold} found, ${s.predicted} aligned, ${s.hardFalsePositives} hard negatives aligned) ` +
      Object.entries(s.recallByKind)
        .map(([k, v]) => `${k} ${v.found}/${v.of}`)
        .join(', '),
  );
if (existsSync(ALIGNMENT_GOLD)) {
  const pairs = loadAlignmentGold().filter((p) => withLexicon.has(p.line));
  const lines = new Set(pairs.map((p) => p.line));
  const tfidf = new Map([...lines].map((line) => [line, briefEvent(events.find((e) => e.line === line)!, { align: TFIDF_ALIGN })]));
  console.log(`alignment gold: ${pairs.length} pairs from ${lines.size} events`);
  show('pair model  ', scoreAlignment(pairs, withLexicon));
  show('TF-IDF alone', scoreAlignment(pairs, tfidf));
  const errors = option('--errors') ?? 0;
  let shown = 0;
  for (const p of pairs) {
    if (shown >= errors) break;
    const b = withLexicon.get(p.line)!;
    if (alignedInBrief(b, p) === p.same) continue;
    shown++;
    const text = (u: typeof p.a) => {
      const span = unitSpan(b.event, b.docs, u);
      return b.brief.documents.find((d) => d.id === span.doc)!.original.slice(span.start, span.end);
    };
    console.log(`\n${p.same ? 'MISSED' : 'FALSE '} line ${p.line} (${p.why ?? ''})\n  A: ${text(p.a)}\n  B: ${text(p.b)}`);
  }
} else console.log('alignment gold not found: test/fixtures/gold/alignment-val.json');
