// One-line reasons for failed fetches, from the error's code (node:http, node:net, node:tls,
// node:zlib; Node's fetch hides the same codes in `cause`).

const CODE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
  HPE_HEADER_OVERFLOW: 'response headers too large',
  ERR_STREAM_PREMATURE_CLOSE: 'connection closed by the server',
  Z_DATA_ERROR: 'corrupt compressed body',
  Z_BUF_ERROR: 'corrupt compressed body (cut short)',
};
/** The HTTP parser's complaints (HPE_INVALID_STATUS, HPE_CR_EXPECTED, …). */
const PARSER_CODE = /^HPE_/;
/** The Brotli decoder's (ERR__ERROR_FORMAT_PADDING_1, …). */
const BROTLI_CODE = /^ERR__ERROR_/;

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/;

export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const known = CODE_REASONS[code];
    if (known) return known;
    if (TLS_CODE.test(code)) return `TLS certificate problem (${code})`;
    if (PARSER_CODE.test(code)) return `malformed HTTP response (${code})`;
    if (BROTLI_CODE.test(code)) return 'corrupt compressed body';
  }
  return `network error (${firstLine(cause)})`;
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}
