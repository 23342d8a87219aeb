// Behaviour pinned by digests (issue 22): the briefs of examples/ and the seeds, a seeded stream
// ingested into a store with its story list, and the evaluation data the quality gates read, each
// as a SHA-256 pinned in quality/digests.json. A refactor must leave them as they are; a change
// that means to alter behaviour re-pins them (npx tsx scripts/print-digests.ts --write) in a commit
// that says why and what was measured. What each covers: ./behaviour-digests.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIGEST_CHECKS, DIGEST_KEYS, DIGESTS_FILE, PRINT_COMMAND, readPinnedDigests } from './behaviour-digests.ts';

const pinned = readPinnedDigests();

test('quality/digests.json pins exactly the digests this test computes', () => {
  assert.deepEqual(Object.keys(pinned).sort(), [...DIGEST_KEYS].sort(), `the digests pinned in ${DIGESTS_FILE} are not the ones computed: print them with ${PRINT_COMMAND}`);
});

for (const check of DIGEST_CHECKS) {
  const missing = check.missing();
  test(`behaviour digest of ${check.title}`, { skip: missing ? `${missing}; skipping ${check.keys.join(', ')}` : false }, async () => {
    const started = performance.now();
    const digests = await check.compute();
    console.log(`${check.keys.join(', ')}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const changed = check.keys.filter((key) => digests[key] !== pinned[key]);
    if (changed.length) {
      assert.fail(
        changed.map((key) => `behaviour digest ${key} changed: pinned ${pinned[key] ?? '(none)'}, now ${digests[key]}`).join('\n') +
          `\nIf this change of behaviour (or data) is meant, print the new digests with \`${PRINT_COMMAND}\` (--write updates ${DIGESTS_FILE})` +
          ' and commit them saying why they changed and what was measured; if not, the change under test altered what the product gives.',
      );
    }
  });
}
