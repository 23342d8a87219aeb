// Remembers what has been read so the same report given twice (the same file, a copy, the
// same URL) is used once; the repeat is reported as a duplicate of the first source.
import { createHash } from 'node:crypto';

export class Deduper {
  readonly #firstSource = new Map<string, string>();

  /** `keepAll`: claim() never reports a repeat (the caller dedupes by itself). */
  constructor(private readonly keepAll = false) {}

  /** Registers `data` under `source`; returns the earlier source if it was seen before. */
  claim(data: Uint8Array | string, source: string): string | undefined {
    if (this.keepAll) return undefined;
    const key = createHash('sha256').update(data).digest('hex');
    const first = this.#firstSource.get(key);
    if (first !== undefined) return first;
    this.#firstSource.set(key, source);
    return undefined;
  }
}
