// Quotations found by their marks. Real copy mixes straight and curly marks ("…visit.” appears),
// so a double mark opens or closes by where it stands, not by its glyph. British-style single
// marks are read only in passages that use no double marks, so apostrophes never open a quote.
import type { OffsetRange } from '../../text/ranges.ts';

export interface Quotation {
  /** The quoted words, trimmed, without marks or a trailing comma. */
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark; null when the passage ended with the quote still open. */
  close: number | null;
  passage: number;
  /** Opens a passage right after a passage that ended inside a quote (newspaper continuation). */
  continuesPrevious: boolean;
}

const DOUBLE = /["\u201c\u201d\u201e\u00ab\u00bb]/;
const ALWAYS_OPENS = new Set(['\u201e', '\u00ab']);
const ALWAYS_CLOSES = new Set(['\u00bb']);
const OPEN_CONTEXT = /[\s([\u2014\u2013\-/:]/;

export function findQuotations(original: string, passages: OffsetRange[]): Quotation[] {
  const found: Quotation[] = [];
  let previousEndedOpen = false;
  passages.forEach((passage, index) => {
    const text = original.slice(passage.start, passage.end);
    const quotes = DOUBLE.test(text) ? scan(text, true) : scan(text, false);
    for (const q of quotes) {
      const content = trimContent(text, q.contentStart, q.contentEnd);
      if (content.end <= content.start) continue;
      found.push({
        start: passage.start + content.start,
        end: passage.start + content.end,
        open: passage.start + q.open,
        close: q.close === null ? null : passage.start + q.close,
        passage: index,
        continuesPrevious: previousEndedOpen && q.open === leadingSpace(text),
      });
    }
    const last = quotes[quotes.length - 1];
    previousEndedOpen = !!last && last.close === null;
  });
  return found;
}

interface RawQuote {
  open: number;
  close: number | null;
  contentStart: number;
  contentEnd: number;
}

function scan(text: string, doubleMarks: boolean): RawQuote[] {
  const out: RawQuote[] = [];
  const marks: { at: number; role: 'open' | 'close' }[] = [];
  for (let i = 0; i < text.length; i++) {
    const role = doubleMarks ? doubleRole(text, i, text[i]!) : singleRole(text, i, text[i]!);
    if (role) marks.push({ at: i, role });
  }
  let open = -1;
  for (let k = 0; k < marks.length; k++) {
    const { at: i, role } = marks[k]!;
    if (role === 'open') {
      if (open >= 0) {
        // “…what he calls “hell” than live…”: two closing marks follow with no opening mark
        // between, so the second opening mark quotes a word inside the quote, which goes on.
        if (marks[k + 1]?.role === 'close' && marks[k + 2]?.role === 'close') {
          k++;
          continue;
        }
        // A second opening mark while one is open: the first quote lost its closing mark.
        out.push({ open, close: null, contentStart: open + 1, contentEnd: i });
      }
      open = i;
    } else if (open >= 0) {
      out.push({ open, close: i, contentStart: open + 1, contentEnd: i });
      open = -1;
    }
  }
  if (open >= 0) out.push({ open, close: null, contentStart: open + 1, contentEnd: text.length });
  return out;
}

function doubleRole(text: string, i: number, ch: string): 'open' | 'close' | null {
  if (!DOUBLE.test(ch)) return null;
  if (ALWAYS_OPENS.has(ch)) return 'open';
  if (ALWAYS_CLOSES.has(ch)) return 'close';
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = i + 1 < text.length ? text[i + 1]! : ' ';
  if (OPEN_CONTEXT.test(before) && /\S/.test(after)) return 'open';
  if (/\S/.test(before)) return 'close';
  // "…the term 'African American outreach,' " he told": set off by a space from the single mark it closes after.
  if (/['\u2019]/.test(text[i - 2] ?? '') && /\s/.test(after)) return 'close';
  return null;
}

function singleRole(text: string, i: number, ch: string): 'open' | 'close' | null {
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = i + 1 < text.length ? text[i + 1]! : ' ';
  if (ch === '\u2018' && OPEN_CONTEXT.test(before) && /\S/.test(after)) return 'open';
  // A closing single mark must not be an apostrophe inside a word ("don’t", "Xi’s").
  if (ch === '\u2019' && /\S/.test(before) && !/\p{L}/u.test(after)) return 'close';
  return null;
}

function trimContent(text: string, start: number, end: number): OffsetRange {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,;:\u2014\u2013]/.test(text[end - 1]!)) end--;
  return { start, end };
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}
