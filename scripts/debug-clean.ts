// Prints each line of a text file with the cleaner's verdict: for reading the cleaner's work.
import { readFileSync } from 'node:fs';
import { splitLines } from '../src/text/lines.ts';
import { classifyLines } from '../src/clean/classify-lines.ts';
import { centrality, termVectors } from '../src/clean/topic.ts';

for (const path of process.argv.slice(2)) {
  console.log(`=== ${path}`);
  const rows = classifyLines(splitLines(readFileSync(path, 'utf8')));
  // Each line's closeness to the topic of the lines kept as prose (the cleaner measures it only when a teaser list asks).
  const closeness = centrality(
    termVectors(rows.map((r) => r.features.key)),
    rows.map((r) => !r.verdict && r.features.prose),
  );
  for (const [i, row] of rows.entries()) {
    const v = row.verdict;
    const tag = v ? `${v.kind}${v.from !== undefined ? '@' + v.from : ''}` : 'KEEP';
    console.log(`${tag.padEnd(12)} ${closeness[i]!.toFixed(2)} ${row.role ?? ''} | ${row.line.text.slice(0, 90)}${v ? '  [' + v.reason + ']' : ''}`);
  }
}
