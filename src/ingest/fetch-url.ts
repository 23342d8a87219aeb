// http(s) URL → RawInput over node:http / node:https. Redirects are followed by hand so the
// hop count is bounded and every hop's scheme and address are checked; by default only public
// addresses are contacted (no loopback, private network or cloud metadata: see address-ranges.ts),
// checked on the address the socket connects to; one timeout covers the whole exchange, body
// included; the body is streamed, decompressed and abandoned once it passes the size limit.
import type { IncomingMessage } from 'node:http';
import { decodeBytes } from './decode.ts';
import { charsetOf, detectFormat, formatFromContentType, mediaType } from './detect-format.ts';
import { tooLargeReason } from './format-bytes.ts';
import { RefusedAddress, systemResolver, type PrivatePolicy, type Resolver } from './guarded-lookup.ts';
import { ACCEPT_ENCODING, decodedBody, httpGet } from './http-get.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from './limits.ts';
import { describeNetworkError } from './network-errors.ts';
import { InputError, type RawInput } from './raw-input.ts';
import { readLimited } from './read-limited.ts';

export interface FetchOptions {
  /** Budget for the whole request, redirects and body included (default 15 s). */
  timeoutMs?: number;
  /** Refuse bodies larger than this many bytes (default 20 MB). */
  maxBytes?: number;
  /** Redirect hops followed before giving up (default 5). */
  maxRedirects?: number;
  /** Lets the caller cancel, e.g. on Ctrl-C. */
  signal?: AbortSignal;
  /**
   * Contact private, loopback, link-local, unique-local, CGNAT, multicast and reserved addresses
   * too: `true` for any host, or a list of host names (e.g. an intranet server). Default: refused.
   */
  allowPrivate?: PrivatePolicy;
  /** Resolves host names (default: the system resolver); every address it gives is checked. */
  resolve?: Resolver;
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Media types that are never an article; refused before downloading the body. */
const NON_TEXT_TYPE = /^(image|audio|video|font)\//;

const REQUEST_HEADERS = {
  'user-agent': 'corroborate/0.1 (news report comparison)',
  accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
  'accept-encoding': ACCEPT_ENCODING,
};

/** `url` is recorded as the source exactly as given; hints.url is the final URL. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<RawInput | InputError> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const fail = (reason: string) => new InputError(url, reason);

  const start = parseHttpUrl(url);
  if (typeof start === 'string') return fail(start);

  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const get = { signal, headers: REQUEST_HEADERS, policy: options.allowPrivate ?? false, resolve: options.resolve ?? systemResolver };
  let current = start;
  try {
    const visited = new Set<string>();
    for (let hops = 0; ; hops++) {
      visited.add(current.href);
      const response = await httpGet(current, get);
      const status = response.statusCode ?? 0;
      if (!REDIRECT_STATUSES.has(status)) {
        if (status >= 200 && status < 300) {
          // Why the body read is not the whole page, or null: a body that ends with the connection
          // looks complete even when the timeout is what closed it.
          const incomplete = (complete: boolean) =>
            timeout.aborted ? `timed out after ${formatSeconds(timeoutMs)}` : signal.aborted ? 'cancelled' : complete ? null : 'the connection closed before the page was complete';
          return await readResponse(response, current, url, options.maxBytes ?? DEFAULT_MAX_BYTES, incomplete);
        }
        discard(response);
        return fail(`HTTP ${status}${suffix(response.statusMessage ?? '')}`);
      }
      discard(response);
      const next = redirectTarget(response, current);
      if (typeof next === 'string') return fail(next);
      if (visited.has(next.href)) return fail(`redirect loop (back to ${next.href})`);
      if (hops >= maxRedirects) return fail(`too many redirects (more than ${maxRedirects})`);
      current = next;
    }
  } catch (error) {
    if (timeout.aborted) return fail(`timed out after ${formatSeconds(timeoutMs)}`);
    if (signal.aborted) return fail('cancelled');
    if (error instanceof RefusedAddress) return fail(current === start ? error.reason : `redirected to ${current.href}: ${error.reason}`);
    return fail(describeNetworkError(error));
  }
}

/** The URL, or why it cannot be fetched. */
function parseHttpUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid URL';
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    return `unsupported URL scheme "${url.protocol.slice(0, -1)}" (only http and https)`;
  }
  return url;
}

function redirectTarget(response: IncomingMessage, from: URL): URL | string {
  const status = response.statusCode;
  const location = response.headers.location;
  if (!location) return `HTTP ${status} redirect without a Location header`;
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    return `HTTP ${status} redirect to an invalid URL`;
  }
  return ALLOWED_SCHEMES.has(next.protocol) ? next : `redirected to unsupported URL scheme "${next.protocol.slice(0, -1)}"`;
}

async function readResponse(response: IncomingMessage, finalUrl: URL, source: string, maxBytes: number, incomplete: (complete: boolean) => string | null): Promise<RawInput | InputError> {
  const contentType = response.headers['content-type'] ?? null;
  const type = mediaType(contentType);
  if (type && NON_TEXT_TYPE.test(type)) {
    discard(response);
    return new InputError(source, `not a text page (Content-Type ${type})`);
  }
  // A declared length over the limit is refused without reading a byte.
  const declaredLength = Number(response.headers['content-length'] ?? NaN);
  if (declaredLength > maxBytes) {
    discard(response);
    return new InputError(source, tooLargeReason(declaredLength, maxBytes));
  }

  const stream = decodedBody(response);
  if (typeof stream === 'string') {
    discard(response);
    return new InputError(source, stream);
  }
  // The limit holds for the decompressed bytes too (a small gzip bomb stays small).
  const body = await readLimited(stream, maxBytes);
  // A body cut off (the timeout, or the server hanging up mid-page) is no page: keeping the part
  // read would store half an article, and fetching it again would store another.
  const cut = incomplete(response.complete);
  discard(response);
  if (!body.ok) return new InputError(source, tooLargeReason(undefined, maxBytes));
  if (cut) return new InputError(source, cut);

  const decoded = decodeBytes(body.bytes, { maxBytes, charset: charsetOf(contentType) });
  if (!decoded.ok) return new InputError(source, decoded.reason);
  return {
    source,
    format: formatFromContentType(contentType) ?? detectFormat(finalUrl.pathname, decoded.text),
    content: decoded.text,
    hints: { url: finalUrl.href },
    encoding: decoded.encoding,
  };
}

/** Close the connection of a response whose body we do not want (or have read). */
function discard(response: IncomingMessage): void {
  response.destroy();
}

const suffix = (text: string) => (text ? ` ${text}` : '');

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
