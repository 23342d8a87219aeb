// Prints each line of a text file with the cleaner's verdict: for reading the cleaner's work.
import { readFileSync } from 'node:fs';
import { splitLines } from '../src/text/lines.ts';
import { classifyLines } from '../src/clean/classify-lines.ts';

for (const path of process.argv.slice(2)) {
  console.log(`=== ${path}`);
  for (const row of classifyLines(splitLines(readFileSync(path, 'utf8')))) {
    const v = row.verdict;
    const tag = v ? `${v.kind}${v.from !== undefined ? '@' + v.from : ''}` : 'KEEP';
    console.log(`${tag.padEnd(12)} ${row.centrality.toFixed(2)} ${row.role ?? ''} | ${row.line.text.slice(0, 90)}${v ? '  [' + v.reason + ']' : ''}`);
  }
}
