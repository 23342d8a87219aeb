// Online document frequencies over a fixed number of hashed term slots (the hashing trick): a
// term's id is a hash of its letters, so there is no dictionary of every word the stream ever
// carried (a look-up in a map of a million names costs more than the rest of a decision, and the
// map would grow for ever). Two terms that share a slot share their df; with about a million
// slots and an article's few hundred terms, that changes a similarity by next to nothing. The idf
// follows the stream seen so far, from a prior of how common each word is in English news at large
// (word-prior.ts): a stream in another language or on any beat soon outweighs it.

import { keyHash } from './hashed-features.ts';

/**
 * A vector spread over all slots, read and written at `denseAt(id)`. Single precision; it shares
 * each slot's 16 bytes with the slot's df and ln(df + 0.5) (see Vocabulary).
 */
export type Dense = Float32Array<ArrayBuffer>;

/** Where slot `id`'s value is in a Dense array. */
export function denseAt(id: number): number {
  return (id << 2) | 3;
}

/** ln(df + 0.5) of a slot no document has used. */
const LOG_HALF = Math.log(0.5);
/** ln(df + 0.5) for the small document frequencies most terms have, worked out once (the same values). */
const LOG_DF = Float64Array.from({ length: 4096 }, (_, df) => Math.log(df + 0.5));

/**
 * Per slot, 16 bytes side by side: ln(df + 0.5) (a double, kept current so an idf costs one
 * subtraction, not a logarithm), df (an int) and the dense scratch value (a float). An article
 * reads and writes all three for each of its few hundred terms at slots spread over megabytes: in
 * one cache line, that is one miss a term, where three arrays cost three.
 */
export class Vocabulary {
  private readonly mask: number;
  /** ln(df + 0.5) at 2 × slot. */
  private readonly logDf: Float64Array<ArrayBuffer>;
  /** df at 4 × slot + 2. */
  private readonly df: Int32Array<ArrayBuffer>;
  /** The dense scratch at `denseAt(slot)`. */
  private readonly scratch: Dense;
  /** Documents counted so far. */
  documents = 0;
  /** ln(documents + 1), refreshed with `documents`. */
  private logN = 0;

  /** Per slot, the documents of the prior holding its term (see `constructor`); null without shares. */
  private readonly priorDf: Float32Array<ArrayBuffer> | null = null;

  /**
   * `bits`: log2 of the number of slots. `prior`: documents counted as seen before the stream.
   * Without it, at the start of a stream a term two articles share looks common (df 1 of 1) and a
   * term only the new one has looks rare, so two reports of one event look unlike. `shares`: per
   * key hash, the share of those documents holding the key (a word's frequency in news at large,
   * see word-prior.ts); without them, the prior documents hold no term.
   */
  constructor(
    bits: number,
    private readonly prior = 0,
    shares?: { hashes: ArrayLike<number>; shares: ArrayLike<number> },
  ) {
    const size = 2 ** bits;
    this.mask = size - 1;
    const slots = new ArrayBuffer(16 * size);
    this.logDf = new Float64Array(slots);
    this.df = new Int32Array(slots);
    this.scratch = new Float32Array(slots);
    for (let id = 0; id < size; id++) this.logDf[2 * id] = LOG_HALF;
    if (shares && prior > 0) {
      const priorDf = new Float32Array(size);
      for (let k = 0; k < shares.hashes.length; k++) {
        const id = this.slot(shares.hashes[k]!);
        // Two keys in one slot: the commoner decides, as their documents would mostly overlap.
        priorDf[id] = Math.max(priorDf[id]!, prior * shares.shares[k]!);
      }
      for (let id = 0; id < size; id++) if (priorDf[id]! > 0) this.logDf[2 * id] = Math.log(priorDf[id]! + 0.5);
      this.priorDf = priorDf;
    }
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
    return Math.max(0.1, this.logN - this.logDf[2 * id]!);
  }

  /**
   * A zeroed array with a place per id (`denseAt`), for spreading one vector into so another can be
   * summed or dotted with it position by position. Shared: whoever writes into it zeroes it again.
   */
  dense(): Dense {
    return this.scratch;
  }

  /** Count one more document holding each of `ids` (distinct). */
  observe(ids: readonly number[]): void {
    const { priorDf } = this;
    for (const id of ids) {
      const df = ++this.df[4 * id + 2]!;
      const before = priorDf === null ? 0 : priorDf[id]!;
      this.logDf[2 * id] = before > 0 ? Math.log(df + before + 0.5) : df < LOG_DF.length ? LOG_DF[df]! : Math.log(df + 0.5);
    }
    this.documents++;
    this.logN = Math.log(this.prior + this.documents + 1);
  }
}
