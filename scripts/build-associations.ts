// Rebuilds data/lexicon/word-associations.json: which content words outlets use for one another
// when they report the same event, learned from the development split of the multi-outlet data
// (../shared/eval/multi-outlet-allsides/train.source: three outlets' versions of an event a line).
//
// For two versions A and B of one event, their leads (headline and first sentence) state the same
// core fact; a word of A's lead that B's lead lacks, and a word of B's that A's lacks, may stand for
// each other. Counted over all events and version pairs, a pair that meets far more often than its
// words' own rates predict (lift) and often enough (count) is an association. Names (PROPN) are
// left out: the entity stage relates names. Run: npx tsx scripts/build-associations.ts
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../src/analyse/tokens.ts';
import { contentTerm } from '../src/compare/statements.ts';
import { ASSOCIATIONS_FILE, type AssociationsFile } from '../src/compare/lexicon/associations.ts';
import { sentencesIn } from '../src/text/sentences.ts';

const SOURCE = fileURLToPath(new URL('../../shared/eval/multi-outlet-allsides/train.source', import.meta.url));
/** A pair must be seen in this many version pairs, and this many times its chance rate. */
const MIN_EVENTS = 3;
const MIN_LIFT = 4;
/** Strongest associations kept per word, and the strength of the strongest possible. */
const PER_WORD = 12;
const MAX_STRENGTH = 0.75;

function leadTerms(report: string): Set<string> {
  const title = (/TITLE=>(.*?)(?:ARTICLE=>|$)/s.exec(report)?.[1] ?? '').trim();
  const article = (/ARTICLE=>(.*)$/s.exec(report)?.[1] ?? '').trim();
  const first = sentencesIn(article, 0, article.length)[0];
  const lead = `${title}\n\n${first ? article.slice(first.start, first.end) : ''}`;
  const text = tokenize(lead, [{ start: 0, end: lead.length }]);
  const terms = new Set<string>();
  for (const token of text.tokens) {
    if (token.pos === 'PROPN') continue;
    const term = contentTerm(token);
    if (term !== null && /^\p{Ll}[\p{Ll}-]+$/u.test(term)) terms.add(term);
  }
  return terms;
}

const raw = readFileSync(SOURCE);
const events = raw
  .toString('utf8')
  .split('\n')
  .filter((l) => l.trim());
const pairCount = new Map<string, number>();
/** Distinct events a pair was seen in: one event's three versions are one piece of evidence. */
const pairEvents = new Map<string, number>();
const sideCount = new Map<string, number>();
let occasions = 0;
for (const [n, line] of events.entries()) {
  const versions = line.split(' [SEP] ').map(leadTerms);
  const seenHere = new Set<string>();
  for (let a = 0; a < versions.length; a++) {
    for (let b = a + 1; b < versions.length; b++) {
      const onlyA = [...versions[a]!].filter((t) => !versions[b]!.has(t));
      const onlyB = [...versions[b]!].filter((t) => !versions[a]!.has(t));
      occasions++;
      for (const t of new Set([...onlyA, ...onlyB])) sideCount.set(t, (sideCount.get(t) ?? 0) + 1);
      for (const u of onlyA)
        for (const v of onlyB) {
          if (u === v) continue;
          const key = u < v ? `${u}\t${v}` : `${v}\t${u}`;
          pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
          if (!seenHere.has(key)) pairEvents.set(key, (pairEvents.get(key) ?? 0) + 1);
          seenHere.add(key);
        }
    }
  }
  if (n % 500 === 0) process.stderr.write(`${n}/${events.length}\n`);
}

const words = new Map<string, [string, number][]>();
for (const [key, count] of pairCount) {
  const seen = pairEvents.get(key)!;
  if (seen < MIN_EVENTS) continue;
  const [u, v] = key.split('\t') as [string, string];
  const expected = (sideCount.get(u)! * sideCount.get(v)!) / occasions;
  const lift = count / expected;
  if (lift < MIN_LIFT) continue;
  // Strength grows with the evidence (events) and the lift, saturating at MAX_STRENGTH.
  const strength = Math.round(MAX_STRENGTH * (1 - Math.exp(-(seen - 1) / 4)) * Math.min(1, Math.log(lift) / Math.log(100)) * 1000) / 1000;
  if (process.env.SHOW) console.error(`${u}\t${v}\t${count}\t${seen}\t${lift.toFixed(1)}\t${strength}`);
  for (const [x, y] of [
    [u, v],
    [v, u],
  ] as const) {
    let list = words.get(x);
    if (!list) words.set(x, (list = []));
    list.push([y, strength]);
  }
}
const sorted: Record<string, [string, number][]> = {};
for (const word of [...words.keys()].sort()) {
  sorted[word] = words
    .get(word)!
    .sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))
    .slice(0, PER_WORD);
}
const out: AssociationsFile = {
  about:
    "Content words outlets use for one another when reporting the same event, learned from the leads of three outlets' versions of each event in multi-outlet-allsides/train.source (NeuS, MIT). Rebuild: npx tsx scripts/build-associations.ts",
  inputs: [{ file: 'multi-outlet-allsides/train.source', sha256: createHash('sha256').update(raw).digest('hex') }],
  digest: createHash('sha256').update(JSON.stringify(sorted)).digest('hex'),
  words: sorted,
};
writeFileSync(ASSOCIATIONS_FILE, JSON.stringify(out, null, 0).replace(/\],"/g, '],\n"') + '\n');
console.log(`${Object.keys(sorted).length} words, ${Object.values(sorted).reduce((s, l) => s + l.length, 0)} associations from ${events.length} events (${occasions} version pairs)`);
