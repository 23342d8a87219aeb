import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, type Decoded } from '../src/ingest/decode.ts';
import { detectFormat, formatFromContentType, charsetOf } from '../src/ingest/detect-format.ts';
import { decodeWindows1252 } from '../src/ingest/windows-1252.ts';

const SAMPLE = 'Le café “officiel” — 20 €';

function decoded(result: Decoded): { text: string; encoding: string } {
  assert.ok(result.ok, `expected text, got: ${result.ok ? '' : result.reason}`);
  return result;
}

function refused(result: Decoded): string {
  assert.ok(!result.ok, 'expected a refusal');
  return result.reason;
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

test('plain UTF-8', () => {
  const r = decoded(decodeBytes(Buffer.from(SAMPLE, 'utf8')));
  assert.equal(r.text, SAMPLE);
  assert.equal(r.encoding, 'utf-8');
});

test('UTF-8 with BOM: BOM stripped', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
  const r = decoded(decodeBytes(bytes));
  assert.equal(r.text, SAMPLE);
  assert.equal(r.encoding, 'utf-8 with BOM');
});

test('UTF-16 LE with BOM', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
  const r = decoded(decodeBytes(bytes));
  assert.equal(r.text, SAMPLE);
  assert.equal(r.encoding, 'utf-16le with BOM');
});

test('UTF-16 BE with BOM', () => {
  const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)]);
  const r = decoded(decodeBytes(bytes));
  assert.equal(r.text, SAMPLE);
  assert.equal(r.encoding, 'utf-16be with BOM');
});

test('UTF-16 LE without BOM is recognised from its zero bytes', () => {
  const r = decoded(decodeBytes(Buffer.from('Plain English report text.', 'utf16le')));
  assert.equal(r.text, 'Plain English report text.');
  assert.equal(r.encoding, 'utf-16le without BOM');
});

test('invalid UTF-8 falls back to Windows-1252 (smart quotes, é, €)', () => {
  // “Café” – 5 € … as a Windows-1252 editor would save it.
  const bytes = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x20, 0x85]);
  const r = decoded(decodeBytes(bytes));
  assert.equal(r.text, '“Café” – 5 € …');
  assert.equal(r.encoding, 'windows-1252 (not valid UTF-8)');
});

test('UTF-8 with a few damaged bytes stays UTF-8: each bad byte becomes U+FFFD, and the count is told', () => {
  const bytes = Buffer.concat([Buffer.from('“café” in Zürich ', 'utf8'), Buffer.from([0xff]), Buffer.from(' — 20 € ', 'utf8'), Buffer.from([0xe9, 0x20])]);
  const r = decoded(decodeBytes(bytes));
  assert.equal(r.text, '“café” in Zürich \ufffd — 20 € \ufffd ');
  assert.equal(r.encoding, 'utf-8 (2 invalid byte sequences replaced with U+FFFD)');
  // More bad bytes than good sequences: the file was never UTF-8.
  const legacy = Buffer.concat([Buffer.from([0x93]), Buffer.from('Caf'), Buffer.from([0xe9, 0x94]), Buffer.from(' in Z'), Buffer.from([0xfc]), Buffer.from('rich '), Buffer.from('é', 'utf8')]);
  assert.equal(decoded(decodeBytes(legacy)).encoding, 'windows-1252 (not valid UTF-8)');
});

test('Windows-1252 table covers the whole 0x80–0x9F row and passes Latin-1 through', () => {
  assert.equal(decodeWindows1252(Uint8Array.of(0x91, 0x92, 0x8a, 0x9f, 0x81)), '‘’ŠŸ\u0081');
  assert.equal(decodeWindows1252(Uint8Array.of(0x41, 0xa0, 0xe9, 0xff)), 'A\u00a0éÿ');
  const long = new Uint8Array(20_000).fill(0x93);
  assert.equal(decodeWindows1252(long), '“'.repeat(20_000));
});

test('a declared charset is used; latin1 labels mean Windows-1252', () => {
  const bytes = Buffer.from([0x93, 0x68, 0x69, 0x94]);
  assert.equal(decoded(decodeBytes(bytes, { charset: 'ISO-8859-1' })).text, '“hi”');
  const cyrillic = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
  const r = decoded(decodeBytes(cyrillic, { charset: 'windows-1251' }));
  assert.equal(r.text, 'Привет');
  assert.equal(r.encoding, 'windows-1251');
});

test('a declared utf-8 that is not valid falls back to Windows-1252; unknown labels are ignored', () => {
  const r = decoded(decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9]), { charset: 'utf-8' }));
  assert.equal(r.text, 'café');
  assert.equal(r.encoding, 'windows-1252 (declared utf-8 but not valid)');
  assert.equal(decoded(decodeBytes(Buffer.from('ok', 'utf8'), { charset: 'x-made-up' })).encoding, 'utf-8');
});

test('binary: PNG and PDF magic numbers are named', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
  assert.equal(refused(decodeBytes(png)), 'binary file (looks like PNG)');
  assert.equal(refused(decodeBytes(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))), 'binary file (looks like PDF)');
  assert.equal(refused(decodeBytes(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))), 'binary file (looks like GZIP)');
});

test('binary: random bytes with NULs', () => {
  // Deterministic pseudo-random bytes (LCG), with NULs sprinkled in.
  const bytes = new Uint8Array(4096);
  let x = 12345;
  for (let i = 0; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = i % 97 === 0 ? 0 : (x >>> 16) & 0xff;
  }
  assert.match(refused(decodeBytes(bytes)), /^binary file/);
});

test('binary: many control characters without NULs', () => {
  const bytes = Buffer.from('ab\x01\x02\x03\x04\x05\x06cd\x07\x08\x0e\x0f'.repeat(50), 'latin1');
  assert.equal(refused(decodeBytes(bytes)), 'binary file (mostly control characters)');
});

test('a stray control character in real text is tolerated', () => {
  const text = `A long report paragraph.\x0b ${'More text. '.repeat(50)}`;
  assert.equal(decoded(decodeBytes(Buffer.from(text))).text, text);
});

test('empty and whitespace-only inputs are refused', () => {
  assert.equal(refused(decodeBytes(new Uint8Array())), 'empty');
  assert.equal(refused(decodeBytes(Buffer.from(' \n\t\r\n  '))), 'empty');
  assert.equal(refused(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]))), 'empty');
});

test('over the size limit is refused with both sizes', () => {
  assert.equal(refused(decodeBytes(Buffer.alloc(2048, 0x61), { maxBytes: 1024 })), 'too large (2 KB > 1 KB limit)');
  const big = Buffer.alloc(Math.round(23.1 * 1024 * 1024), 0x61);
  assert.equal(refused(decodeBytes(big)), 'too large (23.1 MB > 20 MB limit)');
});

test('UTF-32 is refused as unsupported rather than decoded as UTF-16', () => {
  assert.equal(refused(decodeBytes(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))), 'unsupported encoding (UTF-32LE)');
});

test('format: extension, doctype, tag density, text', () => {
  assert.equal(detectFormat('a/story.HTML', 'just words'), 'html');
  assert.equal(detectFormat('story.xhtml', 'x'), 'html');
  assert.equal(detectFormat(undefined, '\n<!DOCTYPE html><title>x</title>'), 'html');
  assert.equal(detectFormat('saved.txt', '<html lang="en"><body>x</body></html>'), 'html');
  assert.equal(detectFormat(undefined, '<div><p>One</p><p>Two</p><p>Three</p></div>'), 'html');
  assert.equal(detectFormat('notes.md', '<p>One</p><p>Two</p><p>Three</p><p>Four</p>'), 'text');
  assert.equal(detectFormat(undefined, 'The minister said x < y and <sic> was printed.'), 'text');
  assert.equal(detectFormat('story.txt', 'Plain report.'), 'text');
});

test('format and charset from Content-Type', () => {
  assert.equal(formatFromContentType('text/html; charset=ISO-8859-1'), 'html');
  assert.equal(formatFromContentType('application/xhtml+xml'), 'html');
  assert.equal(formatFromContentType('text/plain'), 'text');
  assert.equal(formatFromContentType('application/octet-stream'), undefined);
  assert.equal(formatFromContentType(null), undefined);
  assert.equal(charsetOf('text/html; charset="utf-8"'), 'utf-8');
  assert.equal(charsetOf('text/html;CHARSET=Windows-1252'), 'Windows-1252');
  assert.equal(charsetOf('text/html'), undefined);
});
