// Defaults shared by the ingest readers; every one can be overridden through options.
/** Largest input read from a file, stdin or the network. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** Whole-request budget for a URL, redirects and body included. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Redirect hops followed before a URL is given up on. */
export const DEFAULT_MAX_REDIRECTS = 5;
/**
 * Elements an HTML page may hold. Real article pages hold a few thousand (the largest seen, tens of
 * thousands); cleaning 200,000 takes about 4 s and 600 MB here, and the parser and Readability grow
 * faster than the page past that (1,000,000: ~100 s, 2.4 GB).
 */
export const MAX_HTML_ELEMENTS = 200_000;
