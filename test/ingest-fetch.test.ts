import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchUrl, type FetchOptions } from '../src/ingest/fetch-url.ts';
import { InputError, type RawInput } from '../src/ingest/raw-input.ts';
import { readInputs } from '../src/ingest/read-inputs.ts';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LookupAddress } from 'node:dns';
import { guardedLookup, type Resolver } from '../src/ingest/guarded-lookup.ts';
import { main } from '../src/cli/main.ts';

let server: Server;
let base: string;
const hits = new Map<string, number>();

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const redirect =
  (status: number, location: string): Handler =>
  (_req, res) => {
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
  // Neither Content-Length nor chunked: the body ends when the connection does (HTTP/1.0 style).
  '/slow-unframed': (_req, res) => {
    res.useChunkedEncodingByDefault = false;
    res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
    res.write('The start arrives, the rest never does.');
  },
  '/cut-off': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' });
    res.write('Half a page, then the server hangs up.');
    setTimeout(() => res.socket?.destroy(), 20);
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
  '/gzip': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('Compressed story.')),
  '/gzip-bomb': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('z'.repeat(1024 * 1024))),
  '/gzip-corrupt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end('not gzip at all'),
  '/zstd': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'zstd' }).end('??'),
  '/to-ten': redirect(302, 'http://10.0.0.1/secret'),
  '/to-metadata': redirect(302, 'http://169.254.169.254/latest/meta-data/'),
  '/to-mapped': redirect(302, 'http://[::ffff:127.0.0.1]/'),
  '/to-localhost': (req, res) => redirect(302, `http://localhost:${req.socket.localPort}/text`)(req, res),
  '/to-internal': (req, res) => redirect(302, `http://internal.example:${req.socket.localPort}/text`)(req, res),
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

/** The test server is on loopback, which fetchUrl refuses by default. */
const fetchLocal = (url: string, options: FetchOptions = {}) => fetchUrl(url, { allowPrivate: true, ...options });

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
  const item = asInput(await fetchLocal(`${base}/text`));
  assert.deepEqual(item, {
    source: `${base}/text`,
    format: 'text',
    content: 'Plain story.',
    hints: { url: `${base}/text` },
    encoding: 'utf-8',
  });
});

test('200 HTML decoded with the Content-Type charset (ISO-8859-1 means Windows-1252)', async () => {
  const item = asInput(await fetchLocal(`${base}/latin1`));
  assert.equal(item.format, 'html');
  assert.equal(item.content, '<p>“é”</p>');
  assert.equal(item.encoding, 'windows-1252');
});

test('no Content-Type: format from the URL path, charset by the usual rules', async () => {
  const item = asInput(await fetchLocal(`${base}/untyped.html`));
  assert.equal(item.format, 'html');
});

test('a redirect chain is followed; source stays as typed, hints.url is the final URL', async () => {
  const item = asInput(await fetchLocal(`${base}/r1`));
  assert.equal(item.source, `${base}/r1`);
  assert.equal(item.hints.url, `${base}/text`);
  assert.equal(item.content, 'Plain story.');
});

test('a redirect loop is stopped', async () => {
  const error = asError(await fetchLocal(`${base}/loop-a`));
  assert.equal(error.reason, `redirect loop (back to ${base}/loop-a)`);
});

test('an endless redirect chain is bounded', async () => {
  const error = asError(await fetchLocal(`${base}/chain/1`, { maxRedirects: 5 }));
  assert.equal(error.reason, 'too many redirects (more than 5)');
  const requests = [...hits.keys()].filter((p) => p.startsWith('/chain/')).length;
  assert.equal(requests, 6); // the first request plus five followed hops
});

test('bad redirects: to file://, or without Location', async () => {
  assert.equal(asError(await fetchLocal(`${base}/to-file`)).reason, 'redirected to unsupported URL scheme "file"');
  assert.equal(asError(await fetchLocal(`${base}/no-location`)).reason, 'HTTP 302 redirect without a Location header');
});

test('404 becomes "HTTP 404"', async () => {
  const error = asError(await fetchLocal(`${base}/missing`));
  assert.equal(error.source, `${base}/missing`);
  assert.match(error.reason, /^HTTP 404\b/);
});

test('a slow server times out (headers, then body)', async () => {
  const headers = asError(await fetchLocal(`${base}/slow-headers`, { timeoutMs: 200 }));
  assert.equal(headers.reason, 'timed out after 0.2 s');
  const body = asError(await fetchLocal(`${base}/slow-body`, { timeoutMs: 200 }));
  assert.equal(body.reason, 'timed out after 0.2 s');
  // An unframed body cut by the timeout is no page: nothing of it is kept.
  const unframed = asError(await fetchLocal(`${base}/slow-unframed`, { timeoutMs: 200 }));
  assert.match(unframed.reason, /^timed out after 0\.2 s/);
  const cut = asError(await fetchLocal(`${base}/cut-off`, { timeoutMs: 2000 }));
  assert.match(cut.reason, /closed before the page was complete|socket hang up|connection/i);
});

test('an over-size body is refused (streamed, and declared by Content-Length)', async () => {
  const streamed = asError(await fetchLocal(`${base}/big`, { maxBytes: 10 * 1024 }));
  assert.equal(streamed.reason, 'too large (more than the 10 KB limit)');
  const declared = asError(await fetchLocal(`${base}/big-declared`, { maxBytes: 10 * 1024 }));
  assert.equal(declared.reason, 'too large (50 KB > 10 KB limit)');
});

test('images are refused by type or by magic number', async () => {
  assert.equal(asError(await fetchLocal(`${base}/png`)).reason, 'not a text page (Content-Type image/png)');
  assert.equal(asError(await fetchLocal(`${base}/png-untyped`)).reason, 'binary file (looks like PNG)');
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
  assert.equal(asError(await fetchLocal(`http://127.0.0.1:${port}/`)).reason, 'connection refused');
});

test('readInputs: URLs keep command-line order, file:// refused, the same page twice is a duplicate', async () => {
  const specs = [`${base}/slow-body`, `${base}/text`, 'file:///etc/hostname', `${base}/r1`, `${base}/missing`];
  const items: (RawInput | InputError)[] = [];
  for await (const item of readInputs(specs, { timeoutMs: 300, outlet: 'Local', allowPrivate: true })) items.push(item);
  assert.deepEqual(
    items.map((i) => i.source),
    specs,
  );
  assert.equal(asError(items[0]!).reason, 'timed out after 0.3 s');
  assert.equal(asInput(items[1]!).hints.outlet, 'Local');
  assert.match(asError(items[2]!).reason, /^unsupported URL scheme "file"/);
  const dup = asError(items[3]!);
  assert.deepEqual([dup.kind, dup.reason], ['duplicate', `duplicate of ${base}/text`]);
  assert.equal(asError(items[4]!).kind, 'rejected');
});

test('gzip bodies are decompressed; the size limit holds after decompression; corrupt or unknown encodings are refused', async () => {
  assert.equal(asInput(await fetchLocal(`${base}/gzip`)).content, 'Compressed story.');
  assert.equal(asError(await fetchLocal(`${base}/gzip-bomb`, { maxBytes: 64 * 1024 })).reason, 'too large (more than the 64 KB limit)');
  assert.equal(asError(await fetchLocal(`${base}/gzip-corrupt`)).reason, 'corrupt compressed body');
  assert.equal(asError(await fetchLocal(`${base}/zstd`)).reason, 'unsupported Content-Encoding "zstd"');
});

// SSRF: by default only public addresses are contacted.
const HINT = 'not fetched without --allow-private-urls';

test('private, loopback, link-local, … address literals are refused before connecting, in every spelling', async () => {
  const before = hits.get('/text') ?? 0;
  const port = new URL(base).port;
  const cases: [string, string][] = [
    [`http://127.0.0.1:${port}/text`, 'a loopback address (127.0.0.1)'],
    [`http://[::1]:${port}/text`, 'a loopback address (::1)'],
    ['http://10.1.2.3/', 'a private address (10.1.2.3)'],
    ['http://172.16.0.1/', 'a private address (172.16.0.1)'],
    ['http://192.168.1.1/', 'a private address (192.168.1.1)'],
    ['http://169.254.169.254/latest/meta-data/', 'a link-local address (169.254.169.254)'],
    ['http://100.64.0.1/', 'a shared (CGNAT) address (100.64.0.1)'],
    ['http://224.0.0.1/', 'a multicast address (224.0.0.1)'],
    ['http://0.0.0.0/', 'an unspecified address (0.0.0.0)'],
    ['http://[::]/', 'an unspecified address (::)'],
    ['https://[fd00::1]/', 'a unique-local address (fd00::1)'],
    ['http://[fe80::1]/', 'a link-local address (fe80::1)'],
    ['http://[ff02::1]/', 'a multicast address (ff02::1)'],
    // IPv4-mapped IPv6, and the decimal, hex, octal and short IPv4 forms URL parsing turns into 127.0.0.1
    [`http://[::ffff:127.0.0.1]:${port}/text`, 'a loopback (IPv4-mapped) address (::ffff:7f00:1)'],
    [`http://[::ffff:a9fe:a9fe]/`, 'a link-local (IPv4-mapped) address (::ffff:a9fe:a9fe)'],
    [`http://0x7f000001:${port}/text`, 'a loopback address (127.0.0.1)'],
    [`http://2130706433:${port}/text`, 'a loopback address (127.0.0.1)'],
    [`http://0177.0.0.1:${port}/text`, 'a loopback address (127.0.0.1)'],
    [`http://127.1:${port}/text`, 'a loopback address (127.0.0.1)'],
    [`http://0x0a.0.0.1/`, 'a private address (10.0.0.1)'],
  ];
  for (const [url, what] of cases) assert.equal(asError(await fetchUrl(url)).reason, `${what}: ${HINT}`, url);
  assert.equal(hits.get('/text') ?? 0, before, 'the local server was never contacted');
});

test('localhost names are refused by name; a host name resolving to a private address is refused on its addresses', async () => {
  const port = new URL(base).port;
  assert.equal(asError(await fetchUrl(`http://localhost:${port}/text`)).reason, `localhost is this machine: ${HINT}`);
  assert.equal(asError(await fetchUrl(`http://api.localhost:${port}/text`)).reason, `api.localhost is this machine: ${HINT}`);
  const resolve: Resolver = async (host) =>
    ({
      'news.example': [{ address: '127.0.0.1', family: 4 }],
      'mixed.example': [
        { address: '93.184.215.14', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ],
      'six.example': [{ address: 'fd12::1', family: 6 }],
    })[host] ?? [];
  assert.equal(asError(await fetchUrl(`http://news.example:${port}/text`, { resolve })).reason, `news.example resolves to a loopback address (127.0.0.1): ${HINT}`);
  // One private address among public ones is enough to refuse the name.
  assert.equal(asError(await fetchUrl('http://mixed.example/', { resolve })).reason, `mixed.example resolves to a private address (10.0.0.7): ${HINT}`);
  assert.equal(asError(await fetchUrl('https://six.example/', { resolve })).reason, `six.example resolves to a unique-local address (fd12::1): ${HINT}`);
  assert.equal(asError(await fetchUrl('http://nowhere.example/', { resolve })).reason, 'host not found');
});

test('a redirect from an allowed host to a private one is refused at that hop', async () => {
  const port = new URL(base).port;
  // news.example stands for a public site: the resolver sends it to the test server, and the
  // policy lets exactly that host be private. Every hop after it is checked afresh.
  const resolve: Resolver = async (host) => (host === 'news.example' || host === 'internal.example' ? [{ address: '127.0.0.1', family: 4 }] : []);
  const options: FetchOptions = { resolve, allowPrivate: ['news.example'] };
  const first = `http://news.example:${port}`;
  assert.equal(asInput(await fetchUrl(`${first}/text`, options)).content, 'Plain story.');
  const before = hits.get('/text') ?? 0;
  assert.equal(asError(await fetchUrl(`${first}/to-ten`, options)).reason, `redirected to http://10.0.0.1/secret: a private address (10.0.0.1): ${HINT}`);
  assert.equal(asError(await fetchUrl(`${first}/to-metadata`, options)).reason, `redirected to http://169.254.169.254/latest/meta-data/: a link-local address (169.254.169.254): ${HINT}`);
  assert.equal(asError(await fetchUrl(`${first}/to-mapped`, options)).reason, `redirected to http://[::ffff:7f00:1]/: a loopback (IPv4-mapped) address (::ffff:7f00:1): ${HINT}`);
  assert.equal(asError(await fetchUrl(`${first}/to-localhost`, options)).reason, `redirected to http://localhost:${port}/text: localhost is this machine: ${HINT}`);
  assert.equal(
    asError(await fetchUrl(`${first}/to-internal`, options)).reason,
    `redirected to http://internal.example:${port}/text: internal.example resolves to a loopback address (127.0.0.1): ${HINT}`,
  );
  assert.equal(hits.get('/text') ?? 0, before, 'no refused hop reached the server');
  // With every private address allowed, the same redirect is followed.
  assert.equal(asInput(await fetchUrl(`${first}/to-internal`, { resolve, allowPrivate: true })).content, 'Plain story.');
});

test('DNS rebinding: each hop resolves once, and the socket gets exactly the addresses that were checked', async () => {
  const port = new URL(base).port;
  const answers: LookupAddress[][] = [[{ address: '127.0.0.1', family: 4 }], [{ address: '10.9.9.9', family: 4 }]];
  let calls = 0;
  const resolve: Resolver = async () => answers[Math.min(calls++, answers.length - 1)]!;
  // The first answer is the one connected to: no second lookup to rebind.
  assert.equal(asInput(await fetchUrl(`http://flip.example:${port}/text`, { resolve, allowPrivate: ['flip.example'] })).content, 'Plain story.');
  assert.equal(calls, 1);
  // The lookup hands over the very list it checked, and refuses one it does not accept.
  const lookup = guardedLookup(async () => [{ address: '93.184.215.14', family: 4 }], false);
  const got = await new Promise((done) => lookup('example.com', { all: true }, (error, address) => done(error ?? address)));
  assert.deepEqual(got, [{ address: '93.184.215.14', family: 4 }]);
  const refused = await new Promise<unknown>((done) => guardedLookup(async () => [{ address: '::1', family: 6 }], false)('x.example', {}, (error) => done(error)));
  assert.match(String(refused), /x\.example resolves to a loopback address \(::1\)/);
});

test('the CLI refuses loopback URLs unless --allow-private-urls is given', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'corroborate-fetch-')), 'out.jsonl');
  const stderr = process.stderr.write;
  const errors: string[] = [];
  process.stderr.write = ((chunk: string) => {
    errors.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    assert.equal(await main(['clean', '-q', '-o', out, `${base}/text`]), 1);
    assert.deepEqual(errors, [`corroborate: ${base}/text: a loopback address (127.0.0.1): ${HINT}\n`]);
    assert.equal(await main(['clean', '-q', '--allow-private-urls', '-o', out, `${base}/text`]), 0);
  } finally {
    process.stderr.write = stderr;
  }
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).original, 'Plain story.');
});
