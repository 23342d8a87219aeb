// Clues to a byte stream's encoding that need no declared charset: byte-order marks, and
// the zero-byte pattern of UTF-16 text saved without one.
import { SNIFF_WINDOW } from './sniff-binary.ts';

export type Bom = { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | { encoding: 'utf-32le' | 'utf-32be'; length: number; unsupported: true };

export function sniffBom(b: Uint8Array): Bom | undefined {
  // UTF-32 LE starts like UTF-16 LE, so it must be tested first.
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) {
    return { encoding: 'utf-32le', length: 4, unsupported: true };
  }
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) {
    return { encoding: 'utf-32be', length: 4, unsupported: true };
  }
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** In UTF-16 Latin-script text nearly every other byte is zero; in binary, zeros fall anywhere. */
const MIN_ZERO_SHARE_IN_HIGH_BYTES = 0.5;
const MAX_ZERO_SHARE_IN_LOW_BYTES = 0.05;
const MIN_UTF16_SAMPLE = 4;

/** Guess UTF-16 without a BOM from where the zero bytes sit, or undefined. */
export function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, SNIFF_WINDOW);
  const pairs = Math.floor(sample.length / 2);
  if (pairs * 2 < MIN_UTF16_SAMPLE) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const high = (zeros: number): boolean => zeros / pairs >= MIN_ZERO_SHARE_IN_HIGH_BYTES;
  const low = (zeros: number): boolean => zeros / pairs <= MAX_ZERO_SHARE_IN_LOW_BYTES;
  if (high(oddZeros) && low(evenZeros)) return 'utf-16le';
  if (high(evenZeros) && low(oddZeros)) return 'utf-16be';
  return undefined;
}
