// One GET over node:http / node:https: a fresh connection (no pooled socket picked up under another
// policy), the host's addresses checked in the socket's own lookup, and the body decompressed.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { guardedLookup, refusedHost, RefusedAddress, type PrivatePolicy, type Resolver } from './guarded-lookup.ts';

export interface GetOptions {
  signal: AbortSignal;
  headers: Record<string, string>;
  policy: PrivatePolicy;
  resolve: Resolver;
}

/** The response (headers read, body not yet), or a RefusedAddress thrown before connecting. */
export function httpGet(url: URL, options: GetOptions): Promise<IncomingMessage> {
  const refused = refusedHost(url.hostname, options.policy);
  if (refused) return Promise.reject(new RefusedAddress(refused));
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      headers: options.headers,
      signal: options.signal,
      agent: false,
      lookup: guardedLookup(options.resolve, options.policy) as never,
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** Content-Encodings we ask for and undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The body as sent, decompressed (errors of either stream surface on the returned one); or why not. */
export function decodedBody(response: IncomingMessage): AsyncIterable<Uint8Array> | string {
  const encodings = (response.headers['content-encoding'] ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e && e !== 'identity');
  let body: Readable = response;
  // Applied in order, so undone in reverse.
  for (const encoding of encodings.reverse()) {
    const decoder = DECODERS[encoding];
    if (!decoder) return `unsupported Content-Encoding "${encoding}"`;
    body = pipeline(body, decoder(), () => undefined) as unknown as Readable;
  }
  return body;
}
