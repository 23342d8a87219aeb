// How a corpus file's text is turned into bytes, so ingest's decoder sees more than plain UTF-8.

export type FileEncoding = 'utf-8' | 'utf-8 with BOM' | 'utf-8 CRLF' | 'windows-1252';

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** Windows-1252 bytes 0x80–0x9F that are not Latin-1 control characters. */
const WINDOWS_1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};
const LATIN1_FIRST = 0xa0;
const LATIN1_LAST = 0xff;
const ASCII_LAST = 0x7f;

/** The bytes for `text`, or undefined when windows-1252 cannot spell one of its characters. */
export function encodeWindows1252(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= ASCII_LAST || (code >= LATIN1_FIRST && code <= LATIN1_LAST)) out[i] = code;
    else {
      const byte = WINDOWS_1252_HIGH[text[i]!];
      if (byte === undefined) return undefined;
      out[i] = byte;
    }
  }
  return out;
}

/** Encodes `text` as asked; falls back to UTF-8 (and says so) when windows-1252 cannot. */
export function encodeText(text: string, encoding: FileEncoding): { bytes: Uint8Array; encoding: FileEncoding } {
  switch (encoding) {
    case 'utf-8':
      return { bytes: Buffer.from(text, 'utf8'), encoding };
    case 'utf-8 with BOM':
      return { bytes: Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]), encoding };
    case 'utf-8 CRLF':
      return { bytes: Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'), encoding };
    case 'windows-1252': {
      const bytes = encodeWindows1252(text);
      return bytes ? { bytes, encoding } : { bytes: Buffer.from(text, 'utf8'), encoding: 'utf-8' };
    }
  }
}
