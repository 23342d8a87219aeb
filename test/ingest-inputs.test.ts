import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { InputError, type RawInput } from '../src/ingest/raw-input.ts';
import { readInputs, type ReadInputsOptions } from '../src/ingest/read-inputs.ts';

let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-ingest-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(specs: string[], options: ReadInputsOptions = {}): Promise<(RawInput | InputError)[]> {
  const items: (RawInput | InputError)[] = [];
  for await (const item of readInputs(specs, options)) items.push(item);
  return items;
}

function asInput(item: RawInput | InputError | undefined): RawInput {
  assert.ok(item && !(item instanceof InputError), `expected an input, got ${item instanceof InputError ? item.message : item}`);
  return item;
}

function asError(item: RawInput | InputError | undefined): InputError {
  assert.ok(item instanceof InputError, `expected an InputError, got ${JSON.stringify(item)}`);
  return item;
}

test('a text file and an HTML file', async () => {
  await writeFile(at('a.txt'), 'First report.\n');
  await writeFile(at('b.html'), '<!doctype html><p>Second report.</p>');
  const [a, b] = await collect([at('a.txt'), at('b.html')]);
  assert.deepEqual(asInput(a), { source: at('a.txt'), format: 'text', content: 'First report.\n', hints: {}, encoding: 'utf-8' });
  assert.equal(asInput(b).format, 'html');
});

test('a Windows-1252 file decodes with smart quotes and é', async () => {
  await writeFile(at('legacy.txt'), Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]));
  const [item] = await collect([at('legacy.txt')]);
  assert.equal(asInput(item).content, '“Café”');
  assert.equal(asInput(item).encoding, 'windows-1252 (not valid UTF-8)');
});

test('missing file, binary, empty and over-size files become one-line errors naming the input', async () => {
  await writeFile(at('pic.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
  await writeFile(at('blank.txt'), '  \n\n');
  await writeFile(at('big.txt'), 'x'.repeat(3000));
  const missing = 'no/such/dir/story.txt';
  const items = await collect([missing, at('pic.txt'), at('blank.txt'), at('big.txt')], { maxBytes: 2048 });
  const errors = items.map(asError);
  assert.deepEqual(
    errors.map((e) => [e.source, e.reason, e.kind]),
    [
      [missing, 'no such file', 'rejected'],
      [at('pic.txt'), 'binary file (looks like PNG)', 'rejected'],
      [at('blank.txt'), 'empty', 'rejected'],
      [at('big.txt'), 'too large (2.9 KB > 2 KB limit)', 'rejected'],
    ],
  );
  for (const e of errors) {
    assert.equal(e.message, `${e.source}: ${e.reason}`);
    assert.ok(!e.message.includes('\n'));
  }
});

test('permission denied', { skip: process.getuid?.() === 0 ? 'running as root' : false }, async () => {
  await writeFile(at('secret.txt'), 'hidden');
  await chmod(at('secret.txt'), 0o000);
  const [item] = await collect([at('secret.txt')]);
  assert.equal(asError(item).reason, 'permission denied');
});

test('a directory is read recursively in sorted order, skipping hidden and foreign files', async () => {
  const root = at('tree');
  await mkdir(join(root, 'b-sub', 'deeper'), { recursive: true });
  await mkdir(join(root, '.git'), { recursive: true });
  await writeFile(join(root, 'c.md'), 'c');
  await writeFile(join(root, 'a.txt'), 'a');
  await writeFile(join(root, 'B.htm'), '<p>B</p>');
  await writeFile(join(root, 'b-sub', 'z.text'), 'z');
  await writeFile(join(root, 'b-sub', 'deeper', 'y.txt'), 'y');
  await writeFile(join(root, 'photo.jpg'), 'not an article');
  await writeFile(join(root, '.hidden.txt'), 'hidden');
  await writeFile(join(root, '.git', 'x.txt'), 'git');
  await writeFile(join(root, 'README.md'), 'about this folder');
  const all = await collect([root]);
  const items = all.filter((i) => !(i instanceof InputError)).map(asInput);
  assert.deepEqual(
    items.map((i) => i.source),
    ['B.htm', 'a.txt', 'b-sub/deeper/y.txt', 'b-sub/z.text', 'c.md'].map((p) => join(root, p)),
  );
  assert.equal(items[0]!.format, 'html');
  // A foreign file is noted (not an error); hidden files and the folder's README are skipped quietly.
  const notes = all.filter((i): i is InputError => i instanceof InputError);
  assert.deepEqual(
    notes.map((n) => [n.source, n.kind]),
    [[join(root, 'photo.jpg'), 'skipped']],
  );
  assert.match(notes[0]!.reason, /^skipped: not a kind of file read from a folder \(\.txt .*\); name it to read it$/);
});

test('a directory with nothing usable, and a symbolic-link loop, are reported', async () => {
  const empty = at('empty-dir');
  await mkdir(empty);
  const [none] = await collect([empty]);
  assert.match(asError(none).reason, /^no \.txt.* files found$/);

  const loop = at('loop');
  await mkdir(join(loop, 'sub'), { recursive: true });
  await writeFile(join(loop, 'story.txt'), 'looped story');
  await symlink('..', join(loop, 'sub', 'back'));
  const items = await collect([loop]);
  assert.equal(items.length, 2);
  assert.equal(asInput(items[0]).source, join(loop, 'story.txt'));
  const loopError = asError(items[1]);
  assert.equal(loopError.source, join(loop, 'sub', 'back'));
  assert.equal(loopError.reason, `directory loop (links back to ${loop})`);
});

test('stdin via "-" from a Readable; a second "-" is refused', async () => {
  const stdin = Readable.from([Buffer.from('<html><body><p>From a pipe.</p></body></html>')]);
  const [first, second] = await collect(['-', '-'], { stdin });
  assert.deepEqual(asInput(first), {
    source: '-',
    format: 'html',
    content: '<html><body><p>From a pipe.</p></body></html>',
    hints: {},
    encoding: 'utf-8',
  });
  assert.equal(asError(second).reason, 'standard input given more than once');
});

test('stdin over the size limit stops reading', async () => {
  const stdin = Readable.from(
    (function* () {
      for (let i = 0; i < 1000; i++) yield Buffer.alloc(1024, 0x61);
    })(),
  );
  const [item] = await collect(['-'], { stdin, maxBytes: 4096 });
  assert.equal(asError(item).reason, 'too large (more than the 4 KB limit)');
});

test('JSONL: one bad line is an error for that line only; blank lines skipped', async () => {
  const lines = [
    JSON.stringify({ text: 'One.', outlet: 'Reuters', title: 'T1', published: '2024-05-01', byline: 'A. Writer' }),
    '',
    '{"text": "unterminated',
    JSON.stringify({ title: 'no body' }),
    JSON.stringify({ html: '<p>Two.</p>', url: 'https://example.com/2', outlet: null }),
    JSON.stringify({ text: 'Three.', published: 20240501 }),
  ];
  await writeFile(at('feed.jsonl'), lines.join('\n') + '\n');
  const file = at('feed.jsonl');
  const items = await collect([file]);
  assert.equal(items.length, 5);
  assert.deepEqual(asInput(items[0]), {
    source: `${file}#1`,
    format: 'text',
    content: 'One.',
    hints: { outlet: 'Reuters', title: 'T1', published: '2024-05-01', byline: 'A. Writer' },
    encoding: 'utf-8',
  });
  assert.equal(asError(items[1]).message, `${file}#3: invalid JSON`);
  assert.equal(asError(items[2]).message, `${file}#4: missing "text" or "html"`);
  const two = asInput(items[3]);
  assert.deepEqual([two.source, two.format, two.hints], [`${file}#5`, 'html', { url: 'https://example.com/2' }]);
  assert.equal(asError(items[4]).message, `${file}#6: "published" must be a string`);
});

test('a .json file holding an array of records', async () => {
  await writeFile(at('batch.json'), JSON.stringify([{ text: 'A.' }, { html: '<p>B.</p>' }, 'oops']));
  const file = at('batch.json');
  const items = await collect([file]);
  assert.deepEqual(asInput(items[0]).source, `${file}#1`);
  assert.deepEqual(asInput(items[1]).format, 'html');
  assert.equal(asError(items[2]).message, `${file}#3: expected a JSON object`);
});

test('duplicates: same file twice, a copy, and a repeated JSONL file are notices, not failures', async () => {
  await writeFile(at('orig.txt'), 'The same report.');
  await writeFile(at('copy.txt'), 'The same report.');
  await writeFile(at('other.txt'), 'A different report.');
  await writeFile(at('set.jsonl'), '{"text":"R1"}\n{"text":"R2"}\n');
  const items = await collect([at('orig.txt'), at('orig.txt'), at('copy.txt'), at('other.txt'), at('set.jsonl'), at('set.jsonl')]);
  assert.equal(asInput(items[0]).source, at('orig.txt'));
  for (const dup of [items[1], items[2]]) {
    const e = asError(dup);
    assert.equal(e.kind, 'duplicate');
    assert.equal(e.reason, `duplicate of ${at('orig.txt')}`);
  }
  assert.equal(asInput(items[3]).source, at('other.txt'));
  assert.deepEqual([asInput(items[4]).source, asInput(items[5]).source], [`${at('set.jsonl')}#1`, `${at('set.jsonl')}#2`]);
  const repeated = asError(items[6]);
  assert.deepEqual([repeated.kind, repeated.reason], ['duplicate', `duplicate of ${at('set.jsonl')}`]);
  assert.equal(items.length, 7);
});

test('--outlet: one string for all, or an array aligned with the specs', async () => {
  await writeFile(at('o1.txt'), 'outlet one');
  await writeFile(at('o2.txt'), 'outlet two');
  await writeFile(at('o3.jsonl'), '{"text":"outlet three","outlet":"From record"}\n');
  const all = (await collect([at('o1.txt'), at('o2.txt')], { outlet: 'BBC' })).map(asInput);
  assert.deepEqual(
    all.map((i) => i.hints.outlet),
    ['BBC', 'BBC'],
  );
  const each = (await collect([at('o1.txt'), at('o2.txt'), at('o3.jsonl')], { outlet: ['NPR', undefined, 'CLI wins'] })).map(asInput);
  assert.deepEqual(
    each.map((i) => i.hints.outlet),
    ['NPR', undefined, 'CLI wins'],
  );
});

test('sources are recorded as typed (relative paths stay relative)', async () => {
  await writeFile(at('typed.txt'), 'typed path');
  const typed = `./${relative(process.cwd(), dir)}/./typed.txt`;
  const [item] = await collect([typed]);
  assert.equal(asInput(item).source, typed);
});

test('file-system error codes map to short reasons (covers permission denied when run as root)', async () => {
  const { describeFsError } = await import('../src/ingest/fs-errors.ts');
  const err = (code: string) => Object.assign(new Error(`${code}: long\nstack`), { code });
  assert.equal(describeFsError(err('EACCES')), 'permission denied');
  assert.equal(describeFsError(err('EPERM')), 'permission denied');
  assert.equal(describeFsError(err('ENOENT')), 'no such file');
  assert.equal(describeFsError(err('EWEIRD')), 'cannot read (EWEIRD: long)');
});

test('an HTML page with more elements than any article page is refused with one line; a big real-sized page is read', async () => {
  const huge = at('huge.html');
  await writeFile(huge, `<html><body><article><h1>Big</h1><p>The council voted on Tuesday.</p>${'<i>x</i>'.repeat(200_001)}</article></body></html>`);
  const big = at('big.html');
  await writeFile(big, `<html><body><article><h1>Big</h1><p>The council voted on Tuesday.</p>${'<i>x</i>'.repeat(20_000)}</article></body></html>`);
  const [refused, read] = await collect([huge, big]);
  assert.match(asError(refused).reason, /^HTML page with more than 200,000 elements: too many to clean/);
  assert.equal(asInput(read).format, 'html');
});
