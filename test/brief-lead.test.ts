// The lead is made of sentences that stand alone out of their article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brief } from '../src/pipeline/run.ts';

test('lead: no sentence that leans on an earlier one ("Here he is…", "similar remarks"), though both are corroborated', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-lead-'));
  try {
    // The same facts in each outlet's own words (identical text would be one syndicated source).
    const times = [
      'Here he is arriving at the energy summit in Lisbon on Monday, waving to reporters outside the congress hall.',
      'The Portuguese prime minister made similar remarks at the end of the summit dinner in Lisbon on Monday evening.',
      'European energy ministers meeting in Lisbon on Monday agreed to cap wholesale gas prices for the coming winter.',
    ];
    const post = [
      'Here he is at the Lisbon energy summit on Monday, greeting reporters as he arrives at the congress hall.',
      "Portugal's prime minister made similar remarks on Monday evening after the summit dinner in Lisbon.",
      'Energy ministers of the European Union agreed in Lisbon on Monday to a cap on wholesale gas prices this winter.',
    ];
    writeFileSync(join(dir, 'harbour-times.txt'), `Harbour Times\n\n${times.join('\n\n')}\n\nThe cap will be reviewed in March, officials said.`);
    writeFileSync(join(dir, 'coastal-post.txt'), `Coastal Post\n\n${post.join('\n\n')}\n\nCritics said the cap came too late for households.`);
    const result = await brief([dir]);
    const lead = result.brief.lead.map((s) => s.text);
    assert.ok(
      lead.some((t) => /^(European )?[Ee]nergy ministers/.test(t)),
      JSON.stringify(lead),
    );
    assert.ok(!lead.some((t) => /^Here he is|similar remarks/.test(t)), JSON.stringify(lead));
    // Still key points: corroborated facts, just not lead material.
    const points = result.brief.points.map((p) => p.text).join(' ');
    assert.match(points, /Here he is/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lead: one report alone still gets a lead, marked as its own, and the brief says there is nothing to corroborate', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-lead-'));
  try {
    writeFileSync(
      join(dir, 'valley-courier.txt'),
      'Valley Courier\n\nFlood barriers on the Lune river were raised overnight after two days of heavy rain, the county council said on Tuesday.\n\n' +
        'About 300 homes in the lower town were told to prepare sandbags while engineers checked the barriers.\n\nThe council will review its flood plan next month.',
    );
    const result = await brief([dir]);
    assert.ok(result.brief.lead.length >= 1, 'a lead');
    assert.ok(result.brief.lead.every((s) => s.sources === 1 && s.outlets.length === 1));
    assert.match(result.brief.note ?? '', /nothing to corroborate/);
    assert.match(result.brief.markdown, /nothing to corroborate/);
    // The lead cites the passage it quotes, first.
    const first = result.brief.lead[0]!;
    const doc = result.documents[0]!;
    assert.equal(doc.original.slice(first.citations[0]!.start, first.citations[0]!.end), first.text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("lead: another outlet's telling of the lead fact that adds to it follows it, cited to that outlet alone; a headline's fact leads through a sentence", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-retell-'));
  try {
    writeFileSync(
      join(dir, 'valley-courier.txt'),
      'Kessing dam spillway fails\n\nThe spillway of the Kessing dam failed on Sunday, flooding farmland in the valley below, regional officials said.\n\n' +
        'Engineers had warned about cracks in the spillway last year, a report by the water board shows.\n',
    );
    writeFileSync(
      join(dir, 'river-post.txt'),
      "Kessing dam spillway collapses, valley farms flooded\n\nFarmland in the valley below the Kessing dam was flooded on Sunday when the dam's spillway failed and some 3,000 residents were told to leave, officials said.\n\n" +
        'The regional governor asked the army for help with sandbags.\n',
    );
    const result = await brief([dir]);
    const lead = result.brief.lead;
    assert.ok(lead.length >= 2, JSON.stringify(lead.map((l) => l.text)));
    const [core, retold] = lead;
    assert.ok(core!.sources === 2 && /spillway/.test(core!.text), 'the shared fact leads');
    assert.ok(/3,000 residents/.test(retold!.text) && retold!.sources === 1, 'the other telling adds the evacuation');
    assert.notEqual(core!.citations[0]!.doc, retold!.citations[0]!.doc);
    assert.deepEqual(retold!.outlets, ['river-post.txt']);
    for (const l of lead) assert.match(l.text, /^\p{Lu}/u, 'every lead sentence starts as a sentence');
    for (const l of lead) assert.ok(!/^Kessing dam spillway (fails|collapses)/.test(l.text), 'no headline in the lead');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
