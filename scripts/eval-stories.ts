// Story clustering on ECB+ through the path users run (ingest into a fresh SQLite store), in
// file-name order, date order and seeded shuffles: BCubed per order, mean, worst and spread.
// Run: npx tsx scripts/eval-stories.ts [--seeds 1,2,3,4,5]
import { ECBPLUS_DIR, hasEcbplus, loadEcbplus } from '../test/quality/ecbplus.ts';
import { scoreIngestOrders } from '../test/quality/ecbplus-ingest.ts';

if (!hasEcbplus()) {
  console.error(`ECB+ not found at ${ECBPLUS_DIR}`);
  process.exit(1);
}
const i = process.argv.indexOf('--seeds');
const seeds = (i >= 0 ? process.argv[i + 1]! : '1,2,3,4,5').split(',').map(Number);
const started = Date.now();
const s = await scoreIngestOrders(loadEcbplus(), seeds);
for (const o of s.orders) console.log(`${o.order.padEnd(10)} P ${o.scores.precision.toFixed(3)} R ${o.scores.recall.toFixed(3)} F1 ${o.scores.f1.toFixed(3)} (${o.stories} stories)`);
console.log(`mean F1 ${s.meanF1.toFixed(3)}, worst ${s.worstF1.toFixed(3)}, spread ${s.spread.toFixed(3)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
