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
}

/** An input that cannot be used; `reason` is one line a person can act on. */
export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'InputError';
  }
}
