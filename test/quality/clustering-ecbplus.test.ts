// Quality gate: story clustering on ECB+ (982 articles, 86 stories; two events of one kind per
// topic) must not fall below the floors pinned in quality/floors.json. Through the ingest path
// users run, in several arrival orders (key clusteringEcbplusIngest; details: npx tsx
// scripts/eval-stories.ts); and the clusterer called directly (key clusteringEcbplus):
// the online clusterer's BCubed F1 in the mean and the worst of five seeded stream orders, and
// the TF-IDF + average-linkage baseline's F1. Figures and the parameter search:
// npx tsx bench/cluster-ecbplus.ts [--tune]
import { test } from 'node:test';
import { DEFAULT_BASELINE_THRESHOLD } from '../../src/stories/baseline.ts';
import { ECBPLUS_DIR, hasEcbplus, loadEcbplus, scoreBaseline, scoreOnline, withFeatures } from './ecbplus.ts';
import { assertAboveFloors } from './floors.ts';
import { scoreIngestOrders } from './ecbplus-ingest.ts';

const SEEDS = [1, 2, 3, 4, 5];

test('story clustering on ECB+ stays above its floors (online clusterer and baseline)', {
  skip: hasEcbplus() ? false : `ECB+ not found at ${ECBPLUS_DIR}; skipping the clustering quality gate`,
}, () => {
  const articles = withFeatures(loadEcbplus());
  const online = scoreOnline(articles, SEEDS);
  const baseline = scoreBaseline(articles, DEFAULT_BASELINE_THRESHOLD);
  assertAboveFloors('clusteringEcbplus', {
    onlineMeanF1: online.mean.f1,
    onlineMinF1: online.min.f1,
    onlineMeanPrecision: online.mean.precision,
    onlineMeanRecall: online.mean.recall,
    baselineF1: baseline.f1,
  });
});

test('ECB+ stories through the ingest path hold in any arrival order (file name, date, five shuffles)', {
  skip: hasEcbplus() ? false : `ECB+ not found at ${ECBPLUS_DIR}; skipping the clustering quality gate`,
}, async () => {
  const s = await scoreIngestOrders(loadEcbplus(), SEEDS);
  console.log(JSON.stringify({ meanF1: s.meanF1, worstF1: s.worstF1, spread: s.spread, orders: s.orders.map((o) => `${o.order}: ${o.scores.f1.toFixed(3)}`) }));
  assertAboveFloors('clusteringEcbplusIngest', { meanF1: s.meanF1, worstF1: s.worstF1, orderConsistency: 1 - s.spread });
});
