// What a scanner worked out about a word (a few numbers: a term id, a hash, a name's index),
// remembered by the word's printed form in an open-addressing table keyed by a hash the scanner
// takes as it reads the characters: a word seen before costs no slice, no lowercasing, no look-up
// by string. The table empties itself when half full, so a long stream's memory stays bounded.
//
// Laid out for the cache: a slot is one 64-byte line holding the word's hash, its length, the
// values worked out for it and its characters, so a look-up of a word already seen reads one
// place in memory. On a stream, where the cleaner's working set evicts the memo between articles,
// those reads are most of a scan's time: a slot pointing at the characters and the values
// elsewhere cost three cache misses a word where this costs one.

/** Int32s per slot (64 bytes): hash, length (0: empty slot), VALUES values, then the characters, two UTF-16 units an Int32. */
const SLOT = 16;
/** The values a scanner keeps per form (`slots[at]` to `slots[at + VALUES - 1]`). */
export const VALUES = 3;
const CHARS_AT = 2 + VALUES;
/** Longer words (rare: long compounds, runs of letters) are worked out every time, not remembered. */
export const MAX_LENGTH = 2 * (SLOT - CHARS_AT);

/** Works out a form's values into `values[at]` to `values[at + VALUES - 1]`. */
export type MakeValues = (surface: string, values: Int32Array, at: number) => void;

export class WordMemo {
  private readonly mask: number;
  /** Every slot, and one more past the last: where a form that is not kept gets its values. */
  readonly slots: Int32Array<ArrayBuffer>;
  private readonly spare: number;
  private count = 0;

  constructor(bits = 16) {
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(SLOT * ((1 << bits) + 1));
    this.spare = SLOT << bits;
  }

  /** Forms remembered. */
  get size(): number {
    return this.count;
  }

  /** True when more than half the slots are taken (probes grow long): time to `clear()` at a safe point. */
  get full(): boolean {
    return this.count > this.mask >>> 1;
  }

  /**
   * Where the values for text[start, end) are in `slots` (valid until the next look-up), whose hash
   * (of its code units, any function) is `hash`; `make` works them out for a form not seen yet. A
   * form that does not fit (the table full, or longer than MAX_LENGTH) is worked out and not kept.
   */
  lookup(text: string, start: number, end: number, hash: number, make: MakeValues): number {
    const length = end - start;
    const { slots, mask } = this;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const at = slot * SLOT;
      const kept = slots[at + 1]!;
      if (kept === 0) break;
      // The hash and length first: a form that only shares the slot costs no look at characters.
      if (slots[at] === hash && kept === length && holds(slots, at + CHARS_AT, text, start, length)) return at + 2;
      slot = (slot + 1) & mask;
    }
    const surface = text.slice(start, end);
    if (length > MAX_LENGTH || length === 0 || this.count >= mask) {
      make(surface, slots, this.spare + 2);
      return this.spare + 2;
    }
    const at = slot * SLOT;
    make(surface, slots, at + 2);
    slots[at] = hash;
    slots[at + 1] = length;
    for (let k = 0; k < length; k += 2) slots[at + CHARS_AT + (k >> 1)] = pair(text, start + k, start + length);
    this.count++;
    return at + 2;
  }

  clear(): void {
    this.slots.fill(0);
    this.count = 0;
  }
}

/** Two UTF-16 units as one Int32 (the second 0 past the end). */
function pair(text: string, i: number, end: number): number {
  return text.charCodeAt(i) | (i + 1 < end ? text.charCodeAt(i + 1) << 16 : 0);
}

/** The slot's characters from `from` are text[start, start + length): a loop the JIT inlines. */
function holds(slots: Int32Array, from: number, text: string, start: number, length: number): boolean {
  const end = start + length;
  for (let k = 0; k < length; k += 2) if (slots[from + (k >> 1)] !== pair(text, start + k, end)) return false;
  return true;
}

/** One step of FNV-1a over a UTF-16 code unit: the hash scanners take for `lookup`. */
export function hashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

export const HASH_START = 0x811c9dc5;

/** FNV-1a over a string's UTF-16 code units, from HASH_START. */
export function fnv1a(text: string): number {
  let h = HASH_START;
  for (let i = 0; i < text.length; i++) h = hashStep(h, text.charCodeAt(i));
  return h;
}

/** MurmurHash3's finaliser: each input bit flips each output bit with probability about ½. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
