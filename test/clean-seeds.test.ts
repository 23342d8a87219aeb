// The five real reports in ../shared/seeds: all page chrome removed, every article line kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanDocument } from '../src/clean/index.ts';
import { assertSpansValid, hasSeeds, seedFiles } from './support.ts';

const gold = JSON.parse(readFileSync(new URL('./fixtures/seeds-gold.json', import.meta.url), 'utf8')) as {
  seeds: Record<string, { line: number; kind: string; partial?: boolean }[]>;
};

for (const { path, text } of hasSeeds ? seedFiles() : []) {
  const name = path.split('/').pop()!;
  test(`seed ${name}: chrome removed with the right kind, every article line kept, spans valid`, () => {
    const doc = cleanDocument({ source: path, format: 'text', content: text, hints: {} });
    assertSpansValid(doc);
    const chrome = new Map((gold.seeds[name] ?? []).map((c) => [c.line, c]));
    let offset = 0;
    text.split('\n').forEach((raw, i) => {
      const start = offset + (raw.length - raw.trimStart().length);
      const line = raw.trim();
      offset += raw.length + 1;
      if (!line) return;
      const expected = chrome.get(i + 1);
      const removed = doc.removed.find((r) => r.start <= start + line.length - 1 && r.end > start);
      if (!expected) {
        assert.ok(doc.text.includes(line), `line ${i + 1} of the article was lost: ${line.slice(0, 60)}`);
      } else if (expected.partial) {
        assert.equal(removed?.kind, expected.kind, `line ${i + 1}: glued ${expected.kind} not cut`);
        assert.ok(doc.text.includes(line.slice(0, removed!.start - start).trim()), `line ${i + 1}: article part lost`);
      } else {
        assert.ok(removed && removed.start <= start && removed.end >= start + line.length, `line ${i + 1} (${expected.kind}) was kept`);
        assert.equal(removed.kind, expected.kind, `line ${i + 1}: kind`);
      }
    });
  });
}

test('seeds: metadata comes from evidence in the text, unknown stays null', { skip: !hasSeeds }, () => {
  const docs = seedFiles().map(({ path, text }) => cleanDocument({ source: path, format: 'text', content: text, hints: {} }));
  for (const doc of docs) {
    // Whatever was found must be printed in the original: nothing invented.
    for (const value of [doc.title, doc.byline]) if (value) assert.ok(doc.original.includes(value) || doc.original.toUpperCase().includes(value.toUpperCase()), value);
    if (doc.outlet) assert.ok(doc.original.toLowerCase().includes(doc.outlet.toLowerCase()), `outlet ${doc.outlet} not in the text`);
  }
  // A transcript yields turns whose labels are capitalised names followed by a colon.
  const transcripts = docs.filter((d) => d.turns?.length);
  assert.equal(transcripts.length, 1);
  for (const turn of transcripts[0]!.turns!) assert.match(transcripts[0]!.original.slice(turn.label.start, turn.label.end), /^[A-Z][A-Z .'-]+(, [A-Z ]+)?:$/);
});

test('date labels in capitals ("PUBLISHED:", "POSTED:") are no speaker turns: the page is no transcript', () => {
  const page =
    'Ferry capsizes off Varnholm\n\nPUBLISHED: 12: 38 AM\n\nPOSTED: December 9, 2008\n\n' +
    'Twelve people were killed when a passenger ferry capsized off Varnholm island on Sunday morning, the coast guard said.\n\n' +
    'Rescue boats searched the water near the island through the afternoon, and divers joined them at noon.\n';
  const doc = cleanDocument({ source: 'ferry.txt', format: 'text', content: page, hints: {} });
  assert.deepEqual(doc.turns ?? [], []);
  assert.ok(doc.body.some((s) => doc.original.slice(s.start, s.end).startsWith('Twelve people were killed')));
});

test('subheads in capitals ("MUST SEE:", "STAT OF THE WEEK:") are no speaker turns; names and roles are', () => {
  const page =
    'Harbour cranes idle in Varnholm\n\nMUST SEE: Dockers walk out over night shifts\n\n' +
    'Crane drivers at the Varnholm container port stopped work on Monday, their union said, after talks on night shifts broke down.\n\n' +
    'STAT OF THE WEEK: 41 ships waiting at anchor\n\n' +
    'CHARGED WITH TRESPASS: Two protesters held at the gate\n\n' +
    'The port authority said it expected cargo to move again by the end of the week.\n';
  const doc = cleanDocument({ source: 'port.txt', format: 'text', content: page, hints: {} });
  assert.deepEqual(doc.turns ?? [], []);
  const transcript = cleanDocument({
    source: 'radio.txt',
    format: 'text',
    content: 'INGRID HOLM, HOST: The port is quiet tonight.\n\nTHE PRESIDENT: We will talk to both sides.\n\nSECRETARY OF STATE VOSS: Talks resume tomorrow.\n',
    hints: {},
  });
  assert.deepEqual(
    transcript.turns?.map((t) => transcript.original.slice(t.label.start, t.label.end)),
    ['INGRID HOLM, HOST:', 'THE PRESIDENT:', 'SECRETARY OF STATE VOSS:'],
  );
});

test('a headline with a question inside ("Pier deal? ‘Not yet,’ union says.") is the title, not the first paragraph', () => {
  const page =
    "Pier deal? 'Not yet,' union says, as talks run into a third week.\n\n" +
    'Dockers at the Varnholm container port rejected the latest offer on night shifts on Monday, and their union said it would not return to talks before the port authority changed the rota for the winter months.\n';
  const doc = cleanDocument({ source: 'pier.txt', format: 'text', content: page, hints: {} });
  assert.equal(doc.title, "Pier deal? 'Not yet,' union says, as talks run into a third week.");
  assert.ok(doc.original.slice(doc.body[0]!.start, doc.body[0]!.end).startsWith('Dockers at the Varnholm'));
});
