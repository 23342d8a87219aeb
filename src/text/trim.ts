// Runs of given characters trimmed off a string's ends in linear time. A regex like /["')]+$/
// (or /\s+$/) is retried by V8 from every position of a long run that is not at the end, so a
// line of 100,000 quotation marks followed by a letter costs seconds; these scan once from the end.

/** Characters to trim: the units of a string, or a test of one UTF-16 unit. */
export type CharSet = string | ((unit: string) => boolean);

/** White space as `\s` and String.prototype.trim define it. */
export const isSpace = (unit: string): boolean => unit.trim() === '';

/** Space and the characters of `chars`. */
export const spaceOr =
  (chars: string) =>
  (unit: string): boolean =>
    chars.includes(unit) || isSpace(unit);

function member(chars: CharSet): (unit: string) => boolean {
  return typeof chars === 'string' ? (unit) => chars.includes(unit) : chars;
}

/** Where the run of `chars` that ends `text` begins; text.length when there is none. */
export function trailingRunStart(text: string, chars: CharSet): number {
  const inSet = member(chars);
  let i = text.length;
  while (i > 0 && inSet(text[i - 1]!)) i--;
  return i;
}

/** `text` without the run of `chars` at its end. */
export function trimEndChars(text: string, chars: CharSet): string {
  return text.slice(0, trailingRunStart(text, chars));
}

/** `text` without runs of `chars` at either end. */
export function trimChars(text: string, chars: CharSet): string {
  const inSet = member(chars);
  let start = 0;
  const end = trailingRunStart(text, inSet);
  while (start < end && inSet(text[start]!)) start++;
  return text.slice(start, end);
}
