// Who is who and who said what on the five real reports in ../shared/seeds: the direct quotes of
// two seeds against a hand-checked gold, one identity for a misspelt leader, no two people merged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyseDocument, mergeAnalyses } from '../src/analyse/index.ts';
import { editDistance } from '../src/analyse/name-match.ts';
import { cleanDocument } from '../src/clean/index.ts';
import type { CleanDocument, Entity } from '../src/schema.ts';
import { hasSeeds, seedFiles } from './support.ts';

const gold = JSON.parse(readFileSync(new URL('./fixtures/seeds-quotes-gold.json', import.meta.url), 'utf8')) as Record<string, { line: number; speaker: string }[]>;
/** Acceptance: at least this share of the gold direct quotes found with the right speaker. */
const MIN_SPEAKER_ACCURACY = 0.95;

const seeds = hasSeeds ? seedFiles().map(({ path, text }) => cleanDocument({ source: path, format: 'text', content: text, hints: {} })) : [];
const skip = hasSeeds ? false : 'needs ../shared/seeds';

function lineOf(doc: CleanDocument, offset: number): number {
  return doc.original.slice(0, offset).split('\n').length;
}

for (const [prefix, expected] of Object.entries(gold).filter(([k]) => !k.startsWith('_'))) {
  test(`seed ${prefix}: every direct quote found, ≥ ${MIN_SPEAKER_ACCURACY * 100}% with the right speaker`, { skip }, () => {
    const doc = seeds.find((d) =>
      d.source
        .split('/')
        .pop()!
        .startsWith(prefix + '_'),
    );
    assert.ok(doc, `seed ${prefix} not found`);
    const analysis = analyseDocument(doc);
    const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
    const found = analysis.quotes.filter((q) => q.kind === 'direct').map((q) => ({ line: lineOf(doc, q.span.start), speaker: q.speaker ? names.get(q.speaker) : q.speakerName }));
    assert.deepEqual(
      found.map((q) => q.line),
      expected.map((q) => q.line),
      'direct quotes by line: found vs gold',
    );
    const right = expected.filter((g, i) => found[i]?.speaker === g.speaker).length;
    const wrong = expected.map((g, i) => ({ ...g, ours: found[i]?.speaker })).filter((g) => g.ours !== g.speaker);
    assert.ok(right / expected.length >= MIN_SPEAKER_ACCURACY, `speaker right for ${right}/${expected.length}; wrong: ${JSON.stringify(wrong)}`);
  });
}

test('all five seeds: the misspelt leader is one entity with the right spelling; no entity joins two people', { skip }, () => {
  const { entities } = mergeAnalyses(seeds.map((d) => analyseDocument(d)));
  const people = entities.filter((e) => e.type === 'person');
  const forms = (e: Entity): string[] => [e.name, ...e.aliases];
  // The seeds spell one leader's given name two ways; the correct form is the majority one.
  const leader = people.filter((e) => forms(e).some((f) => /^Xi Jin/.test(f)));
  assert.equal(leader.length, 1, `one entity for the leader, found ${leader.map((e) => e.name).join(' | ')}`);
  assert.equal(leader[0]!.name, 'Xi Jinping');
  assert.ok(forms(leader[0]!).includes('Xi Jingping'), 'the misspelling is an alias of the same entity');
  assert.ok(new Set(leader[0]!.mentions.map((m) => m.doc)).size >= 4, 'the leader is mentioned by at least four seeds');

  // No entity holds two full names that differ by more than a typo in one part.
  for (const e of people) {
    const full = [
      ...new Set(
        e.mentions
          .map((m) =>
            m.text
              .toLowerCase()
              .split(/\s+/)
              .filter((p) => !/^\p{L}\.$/u.test(p)),
          )
          .filter((p) => p.length > 1)
          .map((p) => p.join(' ')),
      ),
    ];
    for (let i = 0; i < full.length; i++) {
      for (let j = i + 1; j < full.length; j++) {
        const a = full[i]!.split(' ');
        const b = full[j]!.split(' ');
        const differing = a.length === b.length ? a.filter((p, k) => p !== b[k]) : a;
        const typo = a.length === b.length && differing.length === 1 && editDistance(differing[0]!, b[a.indexOf(differing[0]!)]!) <= 2;
        assert.ok(typo, `entity "${e.name}" joins "${full[i]}" and "${full[j]}"`);
      }
    }
  }
  // The shared family name of the foreign minister stays his alone.
  const wang = people.filter((e) => forms(e).some((f) => /\bWang\b/.test(f)));
  assert.ok(
    wang.some((e) => e.name === 'Wang Yi'),
    'Wang Yi found',
  );
  for (const e of wang) if (e.name !== 'Wang Yi') assert.ok(!forms(e).includes('Wang Yi'), `${e.name} holds Wang Yi`);
});
