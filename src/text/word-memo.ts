// What a scanner worked out about a word (a number: a term id, an entry), remembered by the word's
// printed form in an open-addressing table keyed by a hash the scanner takes as it reads the
// characters: a word seen before costs no slice, no lowercasing, no look-up by string. The table
// empties itself when half full, so a long stream's memory stays bounded.
//
// Laid out for the cache: a slot holds the word's hash, where its characters are in one shared
// character array, its length and its value side by side, so a look-up reads the slot's cache line
// and the characters' (two places in memory), where a slot pointing at arrays of hashes, strings
// and values read five. On a stream, where the cleaner's working set evicts the memo between
// articles, these reads are most of a scan's time.

/** Int32s per slot (16 bytes, four to a cache line): hash, characters' offset × 256 + length (0: empty slot), value, and one unused. */
const SLOT = 4;
/** Longer words are worked out every time (rare: URLs, runs of letters), not remembered. */
const MAX_LENGTH = 255;

export class WordMemo {
  private readonly mask: number;
  private readonly slots: Int32Array<ArrayBuffer>;
  /** The remembered forms' characters, end to end. */
  private readonly chars: Uint16Array<ArrayBuffer>;
  private charsUsed = 0;
  private count = 0;

  constructor(bits = 16) {
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(SLOT << bits);
    // Room for half the slots' worth of words of 12 characters on average; `full` says when it runs short.
    this.chars = new Uint16Array(6 << bits);
  }

  /** Forms remembered. */
  get size(): number {
    return this.count;
  }

  /** True when more than half the slots are taken (probes grow long) or the characters run short: time to `clear()` at a safe point. */
  get full(): boolean {
    return this.count > this.mask >>> 1 || this.charsUsed > this.chars.length - 4 * MAX_LENGTH;
  }

  /**
   * The value for text[start, end), whose hash (of its code units, any function) is `hash`;
   * `make` gives it for a form not seen yet. A form that does not fit (the table or the character
   * array completely full, or longer than MAX_LENGTH) is made and not kept.
   */
  lookup(text: string, start: number, end: number, hash: number, make: (surface: string) => number): number {
    const length = end - start;
    const { slots, mask } = this;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const at = slot * SLOT;
      const place = slots[at + 1]!;
      if (place === 0) break;
      // The hash and length first: a form that only shares the slot costs no look at characters.
      if (slots[at] === hash && (place & 0xff) === length && this.holds(text, start, place >>> 8, length)) return slots[at + 2]!;
      slot = (slot + 1) & mask;
    }
    const value = make(text.slice(start, end));
    if (length > MAX_LENGTH || this.count >= mask || this.charsUsed + length > this.chars.length) return value;
    const offset = this.charsUsed;
    for (let k = 0; k < length; k++) this.chars[offset + k] = text.charCodeAt(start + k);
    this.charsUsed += length;
    const at = slot * SLOT;
    slots[at] = hash;
    slots[at + 1] = (offset << 8) | length;
    slots[at + 2] = value;
    this.count++;
    return value;
  }

  clear(): void {
    this.slots.fill(0);
    this.charsUsed = 0;
    this.count = 0;
  }

  /** `text` holds the remembered characters at `offset` from `start`: a loop the JIT inlines. */
  private holds(text: string, start: number, offset: number, length: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < length; k++) if (text.charCodeAt(start + k) !== chars[offset + k]) return false;
    return true;
  }
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
