// Headers every response carries, and the requests refused before any route runs. Pages are
// built from untrusted source text: the policy allows no network, no frames and no script or
// style but our own, named by hash, so even markup that slipped through escaping stays inert.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sha256Source } from '../brief/html-page.ts';
import { REPORT_CSS } from '../brief/report-css.ts';
import { REPORT_JS } from '../brief/report-js.ts';
import { UI_CSS } from './pages/ui-css.ts';
import { HttpError } from './errors.ts';

/** A longer request line is refused (414) before it is parsed: no route needs one. */
export const MAX_URL_CHARS = 2048;

export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256Source(REPORT_CSS)} ${sha256Source(UI_CSS)}`,
    `script-src ${sha256Source(REPORT_JS)}`,
    "img-src 'none'",
    "base-uri 'none'",
    // The search box is a plain GET form to this server.
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

const HEADERS: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // Stories change as articles arrive: always ask again, never keep a copy on disk.
  'cache-control': 'no-store',
};

/** "example.org:8080" → "example.org", "[::1]:80" → "::1". */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(header);
  return (bracketed ? bracketed[1]! : header.replace(/:\d*$/, '')).toLowerCase();
}

/**
 * `allowedHosts`: the host names the server answers to. A server on loopback lists only loopback
 * names, so a web page that rebinds its own name to 127.0.0.1 cannot read the store through it.
 */
export function addSecurity(app: FastifyInstance, allowedHosts?: readonly string[]): void {
  const allowed = allowedHosts && new Set(allowedHosts.map((h) => h.toLowerCase()));
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.url.length > MAX_URL_CHARS) throw new HttpError(414, `request line longer than ${MAX_URL_CHARS} characters`);
    if (allowed && !allowed.has(hostName(request.headers.host ?? ''))) throw new HttpError(421, 'this server does not answer to that host name');
  });
  app.addHook('onSend', async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    reply.headers(HEADERS);
    return payload;
  });
}
