// Prints how the plain-text cleaner does on the chrome fixtures, and every miss.
import { cleanDocument } from '../src/clean/index.ts';
import { loadFixtures, scoreFixture, totals } from '../test/quality/chrome-scorer.ts';

const scores = loadFixtures('test/fixtures/chrome').map(({ name, text, gold }) => scoreFixture(name, text, gold, cleanDocument({ source: name, format: 'text', content: text, hints: {} })));
for (const s of scores) {
  console.log(`${s.name}: chrome ${s.chromeRemoved}/${s.chromeLines}, kinds ${s.kindsRight}, article ${s.articleKept}/${s.articleLines}, meta ${s.metaRight}/${s.metaFields}`);
  for (const m of s.misses) console.log('   ' + m);
}
console.log(JSON.stringify(totals(scores)));
