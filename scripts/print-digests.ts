// Prints the behaviour digests as they are now, in quality/digests.json's format, so a maintainer
// can re-pin them deliberately (test/quality/behaviour-digests.test.ts checks them in npm test).
// Run: npx tsx scripts/print-digests.ts [--write]
//   --write  write them to quality/digests.json instead of standard output
// A digest whose inputs are missing here (../shared/ absent) keeps its pinned value, with a warning.
// Progress and what differs from the pins go to standard error.
import { existsSync, writeFileSync } from 'node:fs';
import { DIGEST_CHECKS, DIGESTS_FILE, digestsFileText, readPinnedDigests } from '../test/quality/behaviour-digests.ts';

const write = process.argv.includes('--write');
const pinned = existsSync(DIGESTS_FILE) ? readPinnedDigests() : {};
const digests: Record<string, string> = {};
for (const check of DIGEST_CHECKS) {
  const missing = check.missing();
  if (missing) {
    process.stderr.write(`${check.keys.join(', ')}: not computed (${missing}); the pinned value is kept\n`);
    for (const key of check.keys) if (pinned[key] !== undefined) digests[key] = pinned[key];
    continue;
  }
  const started = performance.now();
  Object.assign(digests, await check.compute());
  process.stderr.write(`${check.keys.join(', ')}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
for (const [key, digest] of Object.entries(digests)) {
  if (pinned[key] !== digest) process.stderr.write(`${key}: ${pinned[key] ?? '(not pinned)'} -> ${digest}\n`);
}
const text = digestsFileText(digests);
if (write) {
  writeFileSync(DIGESTS_FILE, text);
  process.stderr.write(`written to ${DIGESTS_FILE}\n`);
} else process.stdout.write(text);
