// Defaults shared by the ingest readers; every one can be overridden through options.
/** Largest input read from a file, stdin or the network. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Whole-request budget for a URL, redirects and body included. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Redirect hops followed before a URL is given up on. */
export const DEFAULT_MAX_REDIRECTS = 5;
