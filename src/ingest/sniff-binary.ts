// Telling binary files from text: well-known magic numbers first (they give the user a name
// for what they passed), then NUL bytes and the share of control characters near the start.

interface Magic {
  name: string;
  /** Bytes expected at `offset`. */
  bytes: readonly number[];
  offset?: number;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const MAGICS: readonly Magic[] = [
  { name: 'PDF', bytes: ascii('%PDF-') },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: ascii('GIF8') },
  { name: 'WebP', bytes: ascii('WEBP'), offset: 8 },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'GZIP', bytes: [0x1f, 0x8b] },
  { name: 'BZIP2', bytes: ascii('BZh') },
  { name: 'XZ', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: '7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'an Office document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'MP4 video', bytes: ascii('ftyp'), offset: 4 },
  { name: 'MP3 audio', bytes: ascii('ID3') },
];

/** Name of the binary format `bytes` starts with, if it is a known one. */
export function sniffMagic(bytes: Uint8Array): string | undefined {
  const found = MAGICS.find(({ bytes: sig, offset = 0 }) => sig.every((b, i) => bytes[offset + i] === b));
  return found?.name;
}

/** How much of the start is examined: enough to judge, cheap for 20 MB files. */
export const SNIFF_WINDOW = 8192;

export function hasNulByte(bytes: Uint8Array, window = SNIFF_WINDOW): boolean {
  return bytes.subarray(0, window).includes(0);
}

/** Text rarely holds more than a stray control character; binary holds ~10% by chance. */
const MAX_CONTROL_SHARE = 0.05;
/** Below this count a handful of stray controls in a short file is not evidence. */
const MIN_CONTROL_COUNT = 4;

/** True when the decoded start of a file is mostly not text (C0 controls besides whitespace, DEL). */
export function looksLikeBinaryText(text: string, window = SNIFF_WINDOW): boolean {
  const sample = text.slice(0, window);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // Tab, line feed, form feed and carriage return are ordinary in text.
    const whitespace = c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
    if ((c < 0x20 && !whitespace) || c === 0x7f) controls++;
  }
  return controls >= MIN_CONTROL_COUNT && controls / Math.max(sample.length, 1) > MAX_CONTROL_SHARE;
}
