// Value disagreements on ECB+ stories against the hand-labelled gold, through the user's path.
// Run: npx tsx scripts/eval-disagreements.ts [--errors N]
import { hasEcbplus, loadEcbplus, ECBPLUS_DIR } from '../test/quality/ecbplus.ts';
import { briefStory, loadDisagreementGold, scoreDisagreements } from '../test/quality/disagreement-scorer.ts';

if (!hasEcbplus()) {
  console.error(`ECB+ not found at ${ECBPLUS_DIR}`);
  process.exit(1);
}
const i = process.argv.indexOf('--errors');
const errors = i >= 0 ? Number(process.argv[i + 1]) : 0;
const gold = loadDisagreementGold();
const articles = loadEcbplus();
const started = Date.now();
const briefed = gold.stories.map((story) =>
  briefStory(
    story,
    articles.filter((a) => a.story === story),
  ),
);
const s = scoreDisagreements(gold, briefed);
console.log(`${s.stories} stories briefed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(
  `recall ${s.recall.toFixed(3)} (${s.found}/${s.gold}); traps flagged ${s.trapsFlagged}/${s.traps}; value flags ${s.flags}, unverified ${s.unverified} (${s.unverifiedPerStory.toFixed(2)} a story)`,
);
const text = (story: string, span: { doc: string; start: number; end: number }) => {
  const b = briefed.find((x) => x.story === story)!.brief;
  const doc = b.documents.find((d) => d.id === span.doc)!;
  return doc.original.slice(Math.max(0, span.start - 50), span.end + 30).replace(/\s+/g, ' ');
};
for (const m of s.missed.slice(0, errors)) console.log(`MISSED ${m.story}: ${m.what} — ${m.variants.map((v) => v.value).join(' vs ')}`);
for (const t of s.flaggedTraps.slice(0, errors)) console.log(`TRAP   ${t.story}: ${t.what}`);
for (const u of s.unverifiedFlags.slice(0, errors))
  console.log(`FLAG   ${u.story}: ${u.disagreement.about} — ${u.disagreement.variants.map((v) => `${v.value} [${text(u.story, v.support[0]!)}]`).join(' vs ')}`);
