// Unicode character classes of one code point, as the regular expressions of the cleaner mean them
// (\p{L}, \p{N}, \p{Lu}, \p{Ll}, \s), for hand-written scanners that walk a text once instead of
// running a Unicode regex and slicing a string per word. ASCII is a table; any other code point is
// asked of the regex engine once and remembered, so the classes are the regexes' by construction.

export const LETTER = 1;
export const NUMBER = 2;
export const UPPER = 4;
export const LOWER = 8;
/** White space as \s and String.prototype.trim mean it. */
export const SPACE = 16;

const ASCII = new Uint8Array(128);
/** Classes of the other code points of the Basic Multilingual Plane, filled as they are met; UNKNOWN until then. */
const UNKNOWN = 0xff;
const BMP = new Uint8Array(0x10000).fill(UNKNOWN);
/** Code points beyond the BMP (emoji, rare scripts), remembered the same way. */
const astral = new Map<number, number>();

function classify(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  return (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0) | (/\s/u.test(ch) ? SPACE : 0);
}

for (let c = 0; c < 128; c++) ASCII[c] = classify(c);

/** The classes of a code point (a lone surrogate half is its own code point, of no class). */
export function classOf(codePoint: number): number {
  if (codePoint < 128) return ASCII[codePoint]!;
  if (codePoint < 0x10000) {
    // A typed array, not a Map: curly quotes and dashes are common in news, and each costs one load.
    const known = BMP[codePoint]!;
    return known !== UNKNOWN ? known : (BMP[codePoint] = classify(codePoint));
  }
  let classes = astral.get(codePoint);
  if (classes === undefined) {
    classes = classify(codePoint);
    // Bounded: there are about 1.1 million code points, and a text uses a few.
    astral.set(codePoint, classes);
  }
  return classes;
}

/** UTF-16 units of a code point (a /u regex reads a surrogate pair as one). */
export function unitsOf(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}
