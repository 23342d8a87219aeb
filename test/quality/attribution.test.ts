// Quality gate: direct quotes and their speakers on PolNeAR dev must not fall below the floors
// pinned in quality/floors.json (key attribution). Scorer: ./attribution-scorer.ts; details and
// examples of errors: npx tsx scripts/eval-attribution.ts --errors 20
import { test } from 'node:test';
import { analyseText } from '../../src/analyse/index.ts';
import { hasPolnear, loadPolnear, POLNEAR_DIR, predictedQuotes, scoreAttribution } from './attribution-scorer.ts';
import { assertAboveFloors } from './floors.ts';

test('quote attribution on PolNeAR dev stays above its floors', { skip: hasPolnear('dev') ? false : `PolNeAR not found at ${POLNEAR_DIR}; skipping the attribution quality gate` }, () => {
  const docs = loadPolnear('dev');
  const predictions = new Map(docs.map((d) => [d.name, predictedQuotes(analyseText(d.text, d.name))]));
  const s = scoreAttribution(docs, predictions);
  assertAboveFloors('attribution', {
    quotePrecision: s.quotePrecision,
    quoteRecall: s.quoteRecall,
    speakerPrecision: s.speakerPrecision,
    speakerRecall: s.speakerRecall,
  });
});
