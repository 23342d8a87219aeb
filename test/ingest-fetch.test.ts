import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchUrl } from '../src/ingest/fetch-url.ts';
import { InputError, type RawInput } from '../src/ingest/raw-input.ts';
import { readInputs } from '../src/ingest/read-inputs.ts';

let server: Server;
let base: string;
const hits = new Map<string, number>();

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const redirect = (status: number, location: string): Handler => (_req, res) => {
  res.writeHead(status, { location }).end();
};

const ROUTES: Record<string, Handler> = {
  '/text': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('Plain story.'),
  '/latin1': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
    res.end(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0xe9, 0x94, 0x3c, 0x2f, 0x70, 0x3e])); // <p>“é”</p>
  },
  '/untyped.html': (_req, res) => res.writeHead(200).end('<p>no content type</p>'),
  '/r1': redirect(302, '/r2'),
  '/r2': redirect(301, `/r3`),
  '/r3': redirect(307, '/text'),
  '/loop-a': redirect(302, '/loop-b'),
  '/loop-b': redirect(302, '/loop-a'),
  '/to-file': redirect(302, 'file:///etc/passwd'),
  '/no-location': (_req, res) => res.writeHead(302).end(),
  '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'),
  '/slow-headers': () => {
    /* never answers */
  },
  '/slow-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('The start arrives, the rest never does.');
  },
  '/big': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }); // chunked, no Content-Length
    for (let i = 0; i < 100; i++) res.write('x'.repeat(1024));
    res.end();
  },
  '/big-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024) });
    res.end('y'.repeat(50 * 1024));
  },
  '/png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  '/png-untyped': (_req, res) => res.writeHead(200).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
};

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    // Endless chain: /chain/1 → /chain/2 → …
    const chain = path.match(/^\/chain\/(\d+)$/);
    if (chain) return redirect(302, `/chain/${Number(chain[1]) + 1}`)(req, res);
    const handler = ROUTES[path];
    if (handler) return handler(req, res);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

function asInput(item: RawInput | InputError): RawInput {
  assert.ok(!(item instanceof InputError), `expected an input, got ${item instanceof InputError ? item.message : ''}`);
  return item;
}

function asError(item: RawInput | InputError): InputError {
  assert.ok(item instanceof InputError, `expected an InputError, got ${JSON.stringify(item)}`);
  assert.equal(item.message.includes('\n'), false);
  return item;
}

test('200 text/plain', async () => {
  const item = asInput(await fetchUrl(`${base}/text`));
  assert.deepEqual(item, {
    source: `${base}/text`,
    format: 'text',
    content: 'Plain story.',
    hints: { url: `${base}/text` },
    encoding: 'utf-8',
  });
});

test('200 HTML decoded with the Content-Type charset (ISO-8859-1 means Windows-1252)', async () => {
  const item = asInput(await fetchUrl(`${base}/latin1`));
  assert.equal(item.format, 'html');
  assert.equal(item.content, '<p>“é”</p>');
  assert.equal(item.encoding, 'windows-1252');
});

test('no Content-Type: format from the URL path, charset by the usual rules', async () => {
  const item = asInput(await fetchUrl(`${base}/untyped.html`));
  assert.equal(item.format, 'html');
});

test('a redirect chain is followed; source stays as typed, hints.url is the final URL', async () => {
  const item = asInput(await fetchUrl(`${base}/r1`));
  assert.equal(item.source, `${base}/r1`);
  assert.equal(item.hints.url, `${base}/text`);
  assert.equal(item.content, 'Plain story.');
});

test('a redirect loop is stopped', async () => {
  const error = asError(await fetchUrl(`${base}/loop-a`));
  assert.equal(error.reason, `redirect loop (back to ${base}/loop-a)`);
});

test('an endless redirect chain is bounded', async () => {
  const error = asError(await fetchUrl(`${base}/chain/1`, { maxRedirects: 5 }));
  assert.equal(error.reason, 'too many redirects (more than 5)');
  const requests = [...hits.keys()].filter((p) => p.startsWith('/chain/')).length;
  assert.equal(requests, 6); // the first request plus five followed hops
});

test('bad redirects: to file://, or without Location', async () => {
  assert.equal(asError(await fetchUrl(`${base}/to-file`)).reason, 'redirected to unsupported URL scheme "file"');
  assert.equal(asError(await fetchUrl(`${base}/no-location`)).reason, 'HTTP 302 redirect without a Location header');
});

test('404 becomes "HTTP 404"', async () => {
  const error = asError(await fetchUrl(`${base}/missing`));
  assert.equal(error.source, `${base}/missing`);
  assert.match(error.reason, /^HTTP 404\b/);
});

test('a slow server times out (headers, then body)', async () => {
  const headers = asError(await fetchUrl(`${base}/slow-headers`, { timeoutMs: 200 }));
  assert.equal(headers.reason, 'timed out after 0.2 s');
  const body = asError(await fetchUrl(`${base}/slow-body`, { timeoutMs: 200 }));
  assert.equal(body.reason, 'timed out after 0.2 s');
});

test('an over-size body is refused (streamed, and declared by Content-Length)', async () => {
  const streamed = asError(await fetchUrl(`${base}/big`, { maxBytes: 10 * 1024 }));
  assert.equal(streamed.reason, 'too large (more than the 10 KB limit)');
  const declared = asError(await fetchUrl(`${base}/big-declared`, { maxBytes: 10 * 1024 }));
  assert.equal(declared.reason, 'too large (50 KB > 10 KB limit)');
});

test('images are refused by type or by magic number', async () => {
  assert.equal(asError(await fetchUrl(`${base}/png`)).reason, 'not a text page (Content-Type image/png)');
  assert.equal(asError(await fetchUrl(`${base}/png-untyped`)).reason, 'binary file (looks like PNG)');
});

test('file:// and ftp:// are refused; so are malformed URLs', async () => {
  assert.equal(asError(await fetchUrl('file:///etc/passwd')).reason, 'unsupported URL scheme "file" (only http and https)');
  assert.equal(asError(await fetchUrl('ftp://example.com/a.txt')).reason, 'unsupported URL scheme "ftp" (only http and https)');
  assert.equal(asError(await fetchUrl('http://')).reason, 'invalid URL');
});

test('connection refused', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  assert.equal(asError(await fetchUrl(`http://127.0.0.1:${port}/`)).reason, 'connection refused');
});

test('readInputs: URLs keep command-line order, file:// refused, the same page twice is a duplicate', async () => {
  const specs = [`${base}/slow-body`, `${base}/text`, 'file:///etc/hostname', `${base}/r1`, `${base}/missing`];
  const items: (RawInput | InputError)[] = [];
  for await (const item of readInputs(specs, { timeoutMs: 300, outlet: 'Local' })) items.push(item);
  assert.deepEqual(items.map((i) => i.source), specs);
  assert.equal(asError(items[0]!).reason, 'timed out after 0.3 s');
  assert.equal(asInput(items[1]!).hints.outlet, 'Local');
  assert.match(asError(items[2]!).reason, /^unsupported URL scheme "file"/);
  const dup = asError(items[3]!);
  assert.deepEqual([dup.kind, dup.reason], ['duplicate', `duplicate of ${base}/text`]);
  assert.equal(asError(items[4]!).kind, 'rejected');
});
