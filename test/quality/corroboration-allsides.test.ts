// Quality gate on real multi-outlet reporting (multi-outlet-allsides val: 307 events, three
// outlets each), through the user's path: every brief has a lead, the lead holds its own against
// the human roundup (ROUGE-2), and paraphrased facts align (hand-labelled pairs). Floors in
// quality/floors.json (key corroborationAllsides). Details: npx tsx scripts/eval-allsides.ts --errors 20
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { ALLSIDES_DIR, hasAllsides, loadAllsides } from './allsides.ts';
import { ALIGNMENT_GOLD, briefEvent, firstSentencesBaseline, leadText, loadAlignmentGold, rouge2, scoreAlignment } from './allsides-scorer.ts';
import { assertAboveFloors } from './floors.ts';
import { TFIDF_ALIGN } from '../../src/compare/align.ts';

const skip = hasAllsides() && existsSync(ALIGNMENT_GOLD) ? false : `multi-outlet-allsides not found at ${ALLSIDES_DIR}; skipping the corroboration gate`;

test('multi-outlet val: a lead in every brief, ROUGE-2 of the lead, paraphrased facts aligned', { skip }, () => {
  const events = loadAllsides('val');
  const briefed = new Map(events.map((e) => [e.line, briefEvent(e)]));
  let withLead = 0;
  let lead = 0;
  let baseline = 0;
  for (const e of events) {
    const b = briefed.get(e.line)!;
    if (b.brief.brief.lead.length) withLead++;
    lead += rouge2(leadText(b.brief), e.target);
    baseline += rouge2(firstSentencesBaseline(e), e.target);
  }
  const gold = loadAlignmentGold();
  const alignment = scoreAlignment(gold, briefed);
  // The lexical baseline in the same run, on the same events: what the learned model adds.
  const tfidf = scoreAlignment(gold, new Map([...new Set(gold.map((p) => p.line))].map((line) => [line, briefEvent(events[line]!, { align: TFIDF_ALIGN })])));
  console.log(`TF-IDF alone: precision ${tfidf.precision.toFixed(3)}, recall ${tfidf.recall.toFixed(3)}`);
  const scores = {
    briefsWithLead: withLead / events.length,
    leadRouge2: lead / events.length,
    leadRouge2OverBaseline: lead / baseline,
    alignmentPrecision: alignment.precision,
    alignmentRecall: alignment.recall,
  };
  console.log(JSON.stringify(scores));
  assertAboveFloors('corroborationAllsides', scores);
});
