// A JSON text written as UTF-8 bytes into one reused buffer, then read off as a string once:
// building a few kilobytes of JSON from hundreds of small pieces by string concatenation makes a
// tree of string pieces that every later reader (a thread's message, the store's driver) must
// first flatten, and each piece is an allocation. The caller writes the structure (braces, commas,
// keys) itself; this only holds the bytes.

import { grown } from './grown.ts';

const encoder = new TextEncoder();
const POWERS_OF_TEN = Array.from({ length: 10 }, (_, k) => 10 ** k);

export class JsonBytes {
  private buffer = new Uint8Array(1 << 14);
  private length = 0;
  /** A byte above 0x7f was written: the text must be read as UTF-8, not byte for byte. */
  wide = false;

  reset(): this {
    this.length = 0;
    this.wide = false;
    return this;
  }

  /** ASCII text written as it is (punctuation and keys this code chose, never source text). */
  ascii(text: string): void {
    this.room(text.length);
    const { buffer } = this;
    let at = this.length;
    for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
    this.length = at;
  }

  byte(code: number): void {
    this.room(1);
    this.buffer[this.length++] = code;
  }

  /** A non-negative integer, as JSON.stringify writes it. */
  uint(value: number): void {
    if (!(value >= 0 && value <= 0xffffffff && Number.isInteger(value))) {
      this.ascii(JSON.stringify(value));
      return;
    }
    this.room(10);
    const { buffer } = this;
    let digits = 1;
    while (digits < 10 && value >= POWERS_OF_TEN[digits]!) digits++;
    let end = this.length + digits;
    this.length = end;
    // Unsigned 32-bit arithmetic: a sketch's hashes reach 2³² − 1.
    let v = value >>> 0;
    do {
      const q = (v / 10) >>> 0;
      buffer[--end] = 48 + v - 10 * q;
      v = q;
    } while (v > 0);
  }

  /** A string as JSON.stringify writes it (quoted, escaped where it must be). */
  string(value: string): void {
    if (!needsEscape(value)) {
      this.byte(34);
      this.utf8(value);
      this.byte(34);
    } else this.utf8(JSON.stringify(value));
  }

  /** Bytes written elsewhere (a key quoted once and kept): `bytes[from, from + count)`; `wide` when any is above 0x7f. */
  copy(bytes: Uint8Array, from: number, count: number, wide: boolean): void {
    this.room(count);
    const { buffer } = this;
    let at = this.length;
    for (let k = 0; k < count; k++) buffer[at++] = bytes[from + k]!;
    this.length = at;
    if (wide) this.wide = true;
  }

  /** The bytes written since `reset` (a view, valid until the next write). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** The JSON written since `reset`. */
  text(): string {
    return Buffer.from(this.buffer.buffer, 0, this.length).toString(this.wide ? 'utf8' : 'latin1');
  }

  /** A string's UTF-8 bytes, unquoted (well-formed: lone surrogate halves are the caller's to escape). */
  private utf8(value: string): void {
    this.room(3 * value.length);
    const { buffer } = this;
    let at = this.length;
    for (let k = 0; k < value.length; k++) {
      const c = value.charCodeAt(k);
      if (c > 0x7f) {
        this.wide = true;
        this.length += encoder.encodeInto(value, buffer.subarray(this.length)).written;
        return;
      }
      buffer[at++] = c;
    }
    this.length = at;
  }

  private room(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    this.buffer = grown(this.buffer, this.length + count);
  }
}

/** Whether JSON.stringify would escape a character of it: a quote, a backslash, a control character, a surrogate half (a paired one too, conservatively). */
function needsEscape(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}
