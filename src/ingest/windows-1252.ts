// Windows-1252 decoding. Node 20.18.3+ decodes the 'windows-1252' label as Latin-1
// (nodejs/node#60888), turning smart quotes into C1 controls, so the 0x80–0x9F row is
// mapped here by hand from the WHATWG index; every other byte equals its code point.

/** Code points for bytes 0x80–0x9F (WHATWG index-windows-1252). */
const HIGH_ROW: readonly number[] = [
  0x20ac,
  0x0081,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021, // 80–87
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  0x008d,
  0x017d,
  0x008f, // 88–8F
  0x0090,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014, // 90–97
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  0x009d,
  0x017e,
  0x0178, // 98–9F
];
const HIGH_ROW_START = 0x80;
const HIGH_ROW_END = 0x9f;
/** Build the string in slices so String.fromCharCode never gets too many arguments. */
const CHUNK = 8192;

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units = new Array<number>(Math.min(CHUNK, bytes.length));
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, bytes.length);
    units.length = end - offset;
    for (let i = offset; i < end; i++) {
      const b = bytes[i]!;
      units[i - offset] = b >= HIGH_ROW_START && b <= HIGH_ROW_END ? HIGH_ROW[b - HIGH_ROW_START]! : b;
    }
    parts.push(String.fromCharCode(...units));
  }
  return parts.join('');
}
