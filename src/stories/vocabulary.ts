// Online document frequencies over a fixed number of hashed term slots (the hashing trick): a
// term's id is a hash of its letters, so there is no dictionary of every word the stream ever
// carried (a look-up in a map of a million names costs more than the rest of a decision, and the
// map would grow for ever). Two terms that share a slot share their df; with about a million
// slots and an article's few hundred terms, that changes a similarity by next to nothing. No
// external model: the idf follows the stream seen so far, so any language or beat works alike.

import { keyHash } from './hashed-features.ts';

/** A vector spread over all slots. Single precision: half the cache lines of a double array, for a similarity. */
export type Dense = Float32Array<ArrayBuffer>;

/** ln(df + 0.5) of a slot no document has used. */
const LOG_HALF = Math.log(0.5);

export class Vocabulary {
  private readonly mask: number;
  private readonly df: Int32Array<ArrayBuffer>;
  /** Per slot: ln(df + 0.5), kept current so an idf costs one subtraction, not a logarithm. */
  private readonly logDf: Float64Array<ArrayBuffer>;
  private readonly scratch: Dense;
  /** Documents counted so far. */
  documents = 0;
  /** ln(documents + 1), refreshed with `documents`. */
  private logN = 0;

  /**
   * `bits`: log2 of the number of slots. `prior`: documents counted as seen before the stream, none
   * holding any term. Without it, at the start of a stream a term two articles share looks common
   * (df 1 of 1) and a term only the new one has looks rare, so two reports of one event look unlike.
   */
  constructor(
    bits: number,
    private readonly prior = 0,
  ) {
    const size = 2 ** bits;
    this.mask = size - 1;
    this.df = new Int32Array(size);
    this.logDf = new Float64Array(size).fill(LOG_HALF);
    this.scratch = new Float32Array(size);
    this.logN = Math.log(prior + 1);
  }

  /** The slot of `term` (FNV-1a over its UTF-16 code units). */
  id(term: string): number {
    return this.slot(keyHash(term));
  }

  /** The slot of a key hashed by `keyHash`. */
  slot(hash: number): number {
    return hash & this.mask;
  }

  /** Smoothed inverse document frequency; a term never seen before gets the highest. Never below 0.1. */
  idf(id: number): number {
    return Math.max(0.1, this.logN - this.logDf[id]!);
  }

  /**
   * A zeroed array with a slot per id, for spreading one vector into so another can be summed
   * or dotted with it position by position. Shared: whoever writes into it zeroes it again.
   */
  dense(): Dense {
    return this.scratch;
  }

  /** Count one more document holding each of `ids` (distinct). */
  observe(ids: readonly number[]): void {
    for (const id of ids) {
      const df = ++this.df[id]!;
      this.logDf[id] = Math.log(df + 0.5);
    }
    this.documents++;
    this.logN = Math.log(this.prior + this.documents + 1);
  }
}
