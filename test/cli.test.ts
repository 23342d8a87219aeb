// The command line as a user runs it: outputs, exit codes, and one-line errors for bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { lstatSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefSchema, DocumentSchema, EntitySchema, QuoteSchema, type Brief, type Span } from '../src/schema.ts';
import { briefJsonSchema } from '../src/schema-json.ts';
import { SEEDS, hasSeeds } from './support.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertNoStackTrace(stderr: string) {
  assert.doesNotMatch(stderr, /^\s+at /m, `stack trace on stderr:\n${stderr}`);
}

const dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-'));
const good = join(dir, 'good.txt');
writeFileSync(good, 'Harbour talks end\n\nNegotiators for the dock workers and the port authority ended talks on Friday without a deal, the union said.\n');
const empty = join(dir, 'empty.txt');
writeFileSync(empty, '');
const binary = join(dir, 'photo.txt');
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));

test('brief on the example bundle: valid JSON contract, every input used', () => {
  const { code, stdout, stderr } = run(['brief', 'examples', '--quiet']);
  assertNoStackTrace(stderr);
  assert.equal(code, 0, stderr);
  const brief = BriefSchema.parse(JSON.parse(stdout));
  assert.equal(brief.documents.length, 4);
  assert.deepEqual(brief.rejected, []);
  assert.ok(brief.documents.some((d) => d.format === 'html'));
  assert.ok(brief.documents.some((d) => d.turns?.length));
});

test('brief --format md renders a readable summary with citations', () => {
  const { code, stdout } = run(['brief', 'examples', '--format', 'md', '--quiet']);
  assert.equal(code, 0);
  // Titled with a headline the lead is told from, the count and the days published.
  assert.match(stdout, /^# [A-Z][^\n]*bridge[^\n]* — 4 reports, 14–15 October 2025\n/i);
  assert.match(stdout, /\[doc-[0-9a-f]{10}:\d+-\d+\]/);
  assert.match(stdout, /^## Who's who$/m);
  assert.match(stdout, /^## Who said what$/m);
  assert.match(stdout, /^### Tobias Brandt$/m);
});

test('brief on the example bundle: one identity per person across outlets, shared surname kept apart, quotes cited', () => {
  const { code, stdout } = run(['brief', 'examples', '--quiet']);
  assert.equal(code, 0);
  const brief: Brief = BriefSchema.parse(JSON.parse(stdout));
  const person = (name: string) => brief.entities.filter((e) => e.type === 'person' && (e.name === name || e.aliases.includes(name)));
  // The engineer and the reporter share a surname: two entities, never one.
  assert.equal(person('Tobias Brandt').length, 1);
  assert.equal(person('Julia Brandt').length, 1);
  assert.notEqual(person('Tobias Brandt')[0]!.id, person('Julia Brandt')[0]!.id);
  // One outlet misspells the mayor: one entity, named by the spelling most outlets use.
  const mayor = person('Petra Lindquist');
  assert.equal(mayor.length, 1);
  assert.equal(mayor[0]!.name, 'Petra Lindqvist');
  const engineer = person('Tobias Brandt')[0]!;
  assert.ok(new Set(engineer.mentions.map((m) => m.doc)).size === 4, 'the engineer is named by all four outlets');
  const quotedBy = new Set(brief.quotes.filter((q) => q.speaker === engineer.id).map((q) => q.span.doc));
  assert.ok(quotedBy.size >= 3, `the engineer is quoted by ${quotedBy.size} outlets`);
  // Every span of an entity or quote points into its document.
  const docs = new Map(brief.documents.map((d) => [d.id, d]));
  const check = (s: Span | null) => {
    if (!s) return;
    const doc = docs.get(s.doc);
    assert.ok(doc && s.start < s.end && s.end <= doc.original.length, `bad span ${JSON.stringify(s)}`);
  };
  for (const e of brief.entities)
    for (const m of e.mentions) {
      check(m);
      assert.equal(docs.get(m.doc)!.original.slice(m.start, m.end), m.text);
    }
  for (const q of brief.quotes) {
    [q.span, q.cue, q.speakerSpan].forEach(check);
    assert.equal(docs.get(q.span.doc)!.original.slice(q.span.start, q.span.end), q.text);
  }
});

test('quotes writes one line per document with its own entities and quotes', () => {
  const { code, stdout, stderr } = run(['quotes', 'examples']);
  assertNoStackTrace(stderr);
  assert.equal(code, 0, stderr);
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { doc: string; entities: unknown[]; quotes: unknown[] });
  assert.equal(lines.length, 4);
  for (const line of lines) {
    const entities = line.entities.map((e) => EntitySchema.parse(e));
    const quotes = line.quotes.map((q) => QuoteSchema.parse(q));
    assert.ok(quotes.length > 0, `no quotes in ${line.doc}`);
    // No cross-document merging: every id and span belongs to this document.
    for (const e of entities) for (const m of e.mentions) assert.equal(m.doc, line.doc);
    for (const q of quotes) assert.equal(q.span.doc, line.doc);
  }
});

test('clean writes one valid document per line, with no cross-document work', { skip: !hasSeeds }, () => {
  const { code, stdout } = run(['clean', SEEDS]);
  assert.equal(code, 0);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 5);
  for (const line of lines) DocumentSchema.parse(JSON.parse(line));
});

test('bad inputs: one line each naming the input, exit 1, the good input still used', () => {
  const { code, stdout, stderr } = run(['brief', good, empty, binary, join(dir, 'missing.txt'), '--quiet']);
  assertNoStackTrace(stderr);
  assert.equal(code, 1);
  const errors = stderr.trim().split('\n');
  assert.equal(errors.length, 3, stderr);
  for (const [line, name] of [
    [errors[0], 'empty.txt'],
    [errors[1], 'photo.txt'],
    [errors[2], 'missing.txt'],
  ] as const)
    assert.match(line!, new RegExp(`^corroborate: .*${name}: \\S`));
  const brief = BriefSchema.parse(JSON.parse(stdout));
  assert.equal(brief.documents.length, 1);
  assert.equal(brief.rejected.length, 3);
});

test('--strict stops at the first bad input', () => {
  const { code, stdout, stderr } = run(['brief', empty, good, '--strict', '--quiet']);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.equal(stderr.trim().split('\n').length, 1);
});

test('usage errors exit 2 without a stack trace', () => {
  for (const args of [['brief'], ['brief', good, '--format', 'pdf'], ['frobnicate'], ['brief', good, '--max-mb', 'lots'], ['worker', '--brief-delay', 'soon'], ['worker', '--poll', '-5']]) {
    const { code, stderr } = run(args);
    assertNoStackTrace(stderr);
    assert.equal(code, 2, `${args.join(' ')} → ${code}\n${stderr}`);
  }
});

test('standard input, --outlet and --out', () => {
  const out = join(dir, 'brief.json');
  const { code } = run(['brief', '-', '--outlet', 'Harbour Radio', '--out', out, '--quiet'], readFileSync(good, 'utf8'));
  assert.equal(code, 0);
  const brief = BriefSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
  assert.equal(brief.documents[0]!.outlet, 'Harbour Radio');
  assert.equal(brief.documents[0]!.source, '-');
});

test('--out never overwrites an input, nor writes among the inputs of a directory; a brief of nothing says what to give', () => {
  const before = readFileSync(good, 'utf8');
  for (const args of [
    ['brief', good, '-o', good],
    ['clean', good, '--out', good],
    ['brief', dir, '-o', join(dir, 'brief.md'), '--format', 'md'],
  ]) {
    const { code, stderr } = run([...args, '--quiet']);
    assertNoStackTrace(stderr);
    assert.equal(code, 2, `${args.join(' ')} → ${code}\n${stderr}`);
    assert.match(stderr, /--out .* (is one of the inputs|is inside the input directory)/);
  }
  assert.equal(readFileSync(good, 'utf8'), before, 'the input is untouched');
  assert.match(run(['brief']).stderr, /nothing to brief: give the reports/);
});

test('source strings reach the terminal with their control characters escaped: no forged line, no ANSI escape', () => {
  const tree = mkdtempSync(join(tmpdir(), 'corroborate-cli-ansi-'));
  writeFileSync(join(tree, 'photo\ncorroborate: all good\u001b[31m.jpg'), 'x');
  const title = 'Harbour \u001b[2J\u001b[31mcrane\u0007 collapse closes terminal';
  writeFileSync(
    join(tree, 'a.txt'),
    `${title}\n\nA container crane collapsed at Kessing harbour on Tuesday morning, injuring two dock workers and closing the port's north terminal, the harbour authority said.\n`,
  );
  const db = join(mkdtempSync(join(tmpdir(), 'corroborate-cli-ansi-db-')), 'store.db');
  const ingested = run(['ingest', tree, '--db', db]);
  assert.equal(ingested.code, 0, ingested.stderr);
  assert.doesNotMatch(ingested.stderr, /\u001b/);
  assert.equal(ingested.stderr.split('\n').filter((l) => l.startsWith('corroborate:')).length, 1, ingested.stderr);
  assert.match(ingested.stderr, /photo\\ncorroborate: all good\\x1b\[31m\.jpg: skipped/);
  const listed = run(['stories', '--db', db]);
  assert.doesNotMatch(listed.stdout, /[\u0000-\u0008\u000e-\u001f]/);
  assert.match(listed.stdout, /Harbour \\x1b\[2J\\x1b\[31mcrane\\x07 collapse/);
  const md = run(['brief', join(tree, 'a.txt'), '--format', 'md', '--quiet']);
  assert.doesNotMatch(md.stdout, /[\u0000-\u0008\u000e-\u001f]/);
});

test('the same report given twice is used once and noted, not an error', () => {
  const { code, stdout, stderr } = run(['brief', good, good]);
  assert.equal(code, 0);
  assert.match(stderr, /duplicate/);
  assert.equal(BriefSchema.parse(JSON.parse(stdout)).documents.length, 1);
});

test('the committed JSON Schema is the one the zod schemas produce', () => {
  const committed = JSON.parse(readFileSync(join(ROOT, 'schema/brief.schema.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(briefJsonSchema())), 'run `npm run schema` and commit the result');
});

test('the JSON brief written in pieces is exactly JSON.stringify of it', async () => {
  const { jsonPieces } = await import('../src/cli/json-stream.ts');
  const { code, stdout } = run(['brief', 'examples', '--quiet']);
  assert.equal(code, 0);
  const brief = JSON.parse(stdout);
  assert.equal(stdout, JSON.stringify(brief, null, 2) + '\n');
  for (const depth of [0, 1, 2, 3, 6]) assert.equal([...jsonPieces(brief, depth)].join(''), JSON.stringify(brief, null, 2));
  const odd = { a: [undefined, () => 1, null, [], {}], b: undefined, c: { d: [{ e: 'x\ny' }] }, t: new Date(0) };
  for (const depth of [1, 2, 3, 5]) assert.equal([...jsonPieces(odd, depth)].join(''), JSON.stringify(odd, null, 2));
});

test('ingest briefs the stories it changed, biggest first and at most --briefs of them, so the list shows what they found', async () => {
  const { openStore } = await import('../src/store/open-store.ts');
  const { storyFingerprint } = await import('../src/collect/story-briefs.ts');
  const briefsOf = async (path: string) => {
    const db = await openStore(path);
    try {
      const rows = await db.all<{ story_id: number; fingerprint: string; disagreements: number }>('SELECT story_id, fingerprint, disagreements FROM story_briefs ORDER BY story_id');
      return await Promise.all(
        rows.map(async (r) => ({ story: Number(r.story_id), current: r.fingerprint === (await storyFingerprint(db, Number(r.story_id))), disagreements: Number(r.disagreements) })),
      );
    } finally {
      await db.close();
    }
  };
  const store = (name: string) => join(mkdtempSync(join(tmpdir(), `corroborate-cli-${name}-`)), 'store.db');
  // The examples are one story of four reports: briefed at ingest, its disagreements counted.
  const db = store('briefs');
  const ingested = run(['ingest', 'examples', '--db', db, '--quiet', '--format', 'json']);
  assert.equal(ingested.code, 0, ingested.stderr);
  assert.deepEqual(JSON.parse(ingested.stdout).briefs, { changed: 1, briefed: 1, failed: 0 });
  const briefs = await briefsOf(db);
  assert.equal(briefs.length, 1);
  assert.ok(briefs[0]!.current && briefs[0]!.disagreements > 0, JSON.stringify(briefs));
  // Two stories changed, one brief allowed: the bigger one is briefed.
  const two = store('briefs-two');
  const tree = mkdtempSync(join(tmpdir(), 'corroborate-cli-briefs-lone-'));
  writeFileSync(
    join(tree, 'lone.txt'),
    'Kessing harbour crane collapse\n\nA container crane collapsed at Kessing harbour on Tuesday morning, injuring two dock workers and closing the north terminal, the harbour authority said.\n',
  );
  const limited = run(['ingest', 'examples', tree, '--db', two, '--briefs', '1']);
  assert.equal(limited.code, 0, limited.stderr);
  assert.match(limited.stdout, /; 1 of 2 changed stories briefed\n$/);
  const stories = JSON.parse(run(['stories', '--db', two, '--format', 'json']).stdout) as { id: number; articles: number }[];
  const biggest = stories.reduce((a, b) => (b.articles > a.articles ? b : a));
  assert.deepEqual(
    (await briefsOf(two)).map((b) => b.story),
    [biggest.id],
  );
  // --briefs 0: none.
  const none = store('briefs-none');
  assert.equal(run(['ingest', 'examples', '--db', none, '--briefs', '0', '--quiet']).code, 0);
  assert.deepEqual(await briefsOf(none), []);
  assert.equal(run(['ingest', 'examples', '--db', none, '--briefs', 'x']).code, 2);
});

test('--out to a pipe or a device writes into it and leaves it one ("-o /dev/null" never replaces the device)', { timeout: 120_000 }, async () => {
  const fifo = join(mkdtempSync(join(tmpdir(), 'corroborate-fifo-')), 'out.fifo');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  // A reader on the pipe, as a shell's "| less" would be; the CLI writes the brief into it.
  const reader = spawn('cat', [fifo]);
  let read = '';
  reader.stdout.on('data', (chunk) => (read += chunk));
  const readerClosed = once(reader, 'close');
  const writer = spawn(process.execPath, ['--import', 'tsx', CLI, 'brief', good, '--format', 'json', '-q', '-o', fifo], { cwd: ROOT });
  const [code] = (await once(writer, 'close')) as [number];
  const stillPipe = lstatSync(fifo).isFIFO();
  // Replaced by a file, the pipe never had a writer: its reader would wait for ever.
  if (!stillPipe) reader.kill();
  await readerClosed;
  assert.equal(code, 0);
  assert.ok(stillPipe, 'still a pipe, not a file renamed over it');
  assert.ok(JSON.parse(read).documents.length === 1, 'the brief went through the pipe');
});
