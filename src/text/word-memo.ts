// What a scanner worked out about a word, remembered by the word's printed form in an
// open-addressing table keyed by a hash the scanner takes as it reads the characters: a word seen
// before costs no slice, no lowercasing, no look-up by string. The table empties itself when half
// full, so a long stream's memory stays bounded; callers must not hold on to what it gave across
// `clear()` unless the values themselves stay valid.

export class WordMemo<T> {
  private readonly mask: number;
  private readonly slots: Int32Array<ArrayBuffer>;
  /** Per entry, the hash it was looked up by. */
  private readonly hashes: Int32Array<ArrayBuffer>;
  private readonly surfaces: string[] = [];
  private readonly values: T[] = [];

  constructor(bits = 16) {
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(1 << bits);
    this.hashes = new Int32Array(1 << bits);
  }

  /** Forms remembered. */
  get size(): number {
    return this.surfaces.length;
  }

  /** True when more than half the slots are taken (probes grow long): time to `clear()` at a safe point. */
  get full(): boolean {
    return this.surfaces.length > this.mask >>> 1;
  }

  /**
   * The value for text[start, end), whose hash (of its code units, any function) is `hash`;
   * `make` gives it for a form not seen yet. A form past a completely full table is made and not kept.
   */
  lookup(text: string, start: number, end: number, hash: number, make: (surface: string) => T): T {
    const length = end - start;
    let slot = (hash ^ (hash >>> 15)) & this.mask;
    for (;;) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) break;
      // The hash first: a form that only shares the slot costs no look at its string.
      if (this.hashes[entry] === hash && this.surfaces[entry]!.length === length && holds(text, start, this.surfaces[entry]!)) return this.values[entry]!;
      slot = (slot + 1) & this.mask;
    }
    const surface = text.slice(start, end);
    const value = make(surface);
    if (this.surfaces.length >= this.mask) return value;
    this.hashes[this.surfaces.length] = hash;
    this.surfaces.push(surface);
    this.values.push(value);
    this.slots[slot] = this.surfaces.length;
    return value;
  }

  clear(): void {
    this.slots.fill(0);
    this.surfaces.length = 0;
    this.values.length = 0;
  }
}

/** One step of FNV-1a over a UTF-16 code unit: the hash scanners take for `lookup`. */
export function hashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

export const HASH_START = 0x811c9dc5;

/** `text` holds `surface` at `start`: a loop the JIT inlines (startsWith at a position is a call into the runtime). */
function holds(text: string, start: number, surface: string): boolean {
  for (let k = 0; k < surface.length; k++) if (text.charCodeAt(start + k) !== surface.charCodeAt(k)) return false;
  return true;
}
