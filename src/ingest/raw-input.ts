// What ingest hands to the cleaner: one decoded report and whatever metadata came with it.
import type { DocumentMeta } from '../schema.ts';

export type InputFormat = 'text' | 'html';

export interface RawInput {
  /** Path or URL as the user gave it; JSONL records get "#<line number>". */
  source: string;
  format: InputFormat;
  /** Decoded content: the file's text, or the page's HTML. */
  content: string;
  /** Metadata supplied with the input (JSONL fields, --outlet, HTTP headers); wins over clues. */
  hints: Partial<DocumentMeta>;
  /** How the bytes were decoded, e.g. "utf-8" or "windows-1252"; for messages only. */
  encoding?: string;
}

/**
 * 'rejected': the input cannot be used (a failure to report).
 * 'duplicate': the input repeats one already read; worth a notice, but not a failure.
 */
/** `rejected`: unusable (an error); `duplicate` and `skipped` (a file of a kind not read): notes only. */
export type InputErrorKind = 'rejected' | 'duplicate' | 'skipped';

/** An input that cannot be used; `reason` is one line a person can act on. */
export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
    readonly kind: InputErrorKind = 'rejected',
  ) {
    super(`${source}: ${reason}`);
    this.name = 'InputError';
  }
}
