// Bytes → string. Order of trust: a byte-order mark, then a declared charset (HTTP), then
// UTF-8 (strict, or with its few damaged bytes replaced and counted), then Windows-1252 (what
// legacy "ANSI" and Latin-1 files almost always are).
// Binary, empty and oversized inputs are refused with a reason instead of decoded.
import { tooLargeReason } from './format-bytes.ts';
import { DEFAULT_MAX_BYTES } from './limits.ts';
import { hasNulByte, looksLikeBinaryText, sniffMagic } from './sniff-binary.ts';
import { guessBomlessUtf16, sniffBom } from './sniff-encoding.ts';
import { decodeWindows1252 } from './windows-1252.ts';

export interface DecodeOptions {
  /** Refuse inputs larger than this many bytes (default 20 MB). */
  maxBytes?: number;
  /** A charset label declared by the source, e.g. from an HTTP Content-Type. */
  charset?: string;
}

export type Decoded = { ok: true; text: string /** human-readable, e.g. "utf-8 with BOM" */; encoding: string } | { ok: false; reason: string };

const ok = (text: string, encoding: string): Decoded => ({ ok: true, text, encoding });
const refuse = (reason: string): Decoded => ({ ok: false, reason });

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return refuse(tooLargeReason(bytes.length, maxBytes));
  if (bytes.length === 0) return refuse('empty');
  const decoded = decodeText(bytes, options.charset);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return refuse('empty');
  if (looksLikeBinaryText(decoded.text)) return refuse('binary file (mostly control characters)');
  return decoded;
}

function decodeText(bytes: Uint8Array, charset: string | undefined): Decoded {
  // A byte-order mark outranks a declared charset, as in the WHATWG encoding sniffing rules.
  const bom = sniffBom(bytes);
  if (bom && 'unsupported' in bom) return refuse(`unsupported encoding (${bom.encoding.toUpperCase()})`);
  if (bom) {
    const body = bytes.subarray(bom.length);
    return ok(new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(body), `${bom.encoding} with BOM`);
  }

  const magic = sniffMagic(bytes);
  if (magic) return refuse(`binary file (looks like ${magic})`);

  const declared = charset ? canonicalEncoding(charset) : undefined;
  if (declared === 'utf-16le' || declared === 'utf-16be') {
    return ok(new TextDecoder(declared).decode(bytes), declared);
  }
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return ok(new TextDecoder(utf16).decode(bytes), `${utf16} without BOM`);
  if (hasNulByte(bytes)) return refuse('binary file (contains NUL bytes)');

  if (declared === 'windows-1252') return ok(decodeWindows1252(bytes), declared);
  if (declared && declared !== 'utf-8') return ok(new TextDecoder(declared).decode(bytes), declared);

  const utf8 = tryStrictUtf8(bytes);
  if (utf8 !== undefined) return ok(utf8, 'utf-8');
  // UTF-8 with a few damaged bytes stays UTF-8: each bad sequence becomes U+FFFD, and the count is
  // told. Only text that is not UTF-8 at all (its high bytes never form a UTF-8 sequence) is read as
  // Windows-1252: servers often label legacy pages utf-8, and trusting the bytes beats a page of U+FFFD.
  const { valid, invalid } = utf8Sequences(bytes);
  if (valid > invalid) return ok(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), `utf-8 (${invalid} invalid byte sequence${invalid === 1 ? '' : 's'} replaced with U+FFFD)`);
  const why = declared ? 'declared utf-8 but not valid' : 'not valid UTF-8';
  return ok(decodeWindows1252(bytes), `windows-1252 (${why})`);
}

/** Well-formed multi-byte UTF-8 sequences and malformed ones (each lead or stray byte that fails). */
export function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function tryStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The WHATWG name for a charset label ("latin1" → "windows-1252"), or undefined when the
 * label is unknown or names no usable decoder, so the ordinary rules apply instead.
 */
export function canonicalEncoding(label: string): string | undefined {
  try {
    const name = new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
    // "replacement" stands for encodings browsers refuse (e.g. ISO-2022-KR): no text to get.
    return name === 'replacement' ? undefined : name;
  } catch {
    return undefined;
  }
}
