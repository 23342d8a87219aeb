// Lines of a text with their offsets; the unit the plain-text cleaner classifies.

export interface Line {
  /** Offsets of the line's trimmed text in the original. */
  start: number;
  end: number;
  text: string;
  /** Index among non-blank lines. */
  index: number;
  /** Blank lines directly before this one (layout evidence: 0 means a hard-wrapped or packed list). */
  blankBefore: number;
}

const LINE_BREAK = /\r\n|\n|\r|\u2028|\u2029/g;

/** Non-blank lines, trimmed (offsets point at the trimmed text). */
export function splitLines(original: string): Line[] {
  const lines: Line[] = [];
  let blank = 0;
  let from = 0;
  const push = (rawStart: number, rawEnd: number) => {
    const raw = original.slice(rawStart, rawEnd);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) {
      blank++;
      return;
    }
    const start = rawStart + lead;
    lines.push({ start, end: start + text.length, text, index: lines.length, blankBefore: blank });
    blank = 0;
  };
  for (const match of original.matchAll(LINE_BREAK)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, original.length);
  return lines;
}
