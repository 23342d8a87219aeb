// Sentences of a passage as offsets into the original, using wink-nlp's segmenter, then
// repairing the two splits it gets wrong on news text: after an initial ("Sino-U. S.",
// "Janet L. Yellen") and inside a quotation that runs over several sentences.
import { readPassage, type HeldReadings } from './nlp.ts';
import { trimRange, type OffsetRange as Range } from './ranges.ts';

/** A quotation running past this many sentences is more likely an unbalanced mark than a quote. */
export const MAX_SENTENCES_IN_ONE_QUOTE = 6;

const ENDS_WITH_INITIAL = /(?:^|[\s\-–(])[A-Z]\.$/;

/**
 * Sentence ranges inside `original.slice(start, end)`, offsets relative to `original`. `held`:
 * where the document's readings go should the shared cache let them go before its analysis.
 */
export function sentencesIn(original: string, start: number, end: number, held?: HeldReadings): Range[] {
  const passage = original.slice(start, end);
  if (!passage.trim()) return [];
  const raw = winkSentences(passage, held);
  const repaired = mergeInitials(passage, raw);
  return mergeOpenQuotes(passage, repaired).map((r) => ({ start: start + r.start, end: start + r.end }));
}

function winkSentences(passage: string, held: HeldReadings | undefined): Range[] {
  const reading = readPassage(passage, held);
  const offsets = reading.offsets();
  const ranges: Range[] = [];
  for (const [first, last] of reading.sentences) {
    const s = offsets[first]?.start;
    const e = offsets[last]?.end;
    if (s === undefined || e === undefined || e <= s) continue;
    // wink keeps a tab or line break as a token of its own: a sentence may start or end with one.
    const trimmed = trimRange(passage, s, e);
    if (trimmed.end > trimmed.start) ranges.push(trimmed);
  }
  return ranges.length ? ranges : [{ start: 0, end: passage.trimEnd().length }];
}

function mergeInitials(passage: string, ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    const prev = out[out.length - 1];
    if (prev && ENDS_WITH_INITIAL.test(passage.slice(prev.start, prev.end))) prev.end = r.end;
    else out.push({ ...r });
  }
  return out;
}

/** Merge sentences while a quotation opened in them is still open. */
function mergeOpenQuotes(passage: string, ranges: Range[]): Range[] {
  const out: Range[] = [];
  let open: Range | null = null;
  let merged = 0;
  for (const r of ranges) {
    if (open && merged < MAX_SENTENCES_IN_ONE_QUOTE) {
      open.end = r.end;
      merged++;
    } else {
      open = null;
      out.push({ ...r });
    }
    const current = out[out.length - 1]!;
    if (quoteIsOpen(passage.slice(current.start, current.end))) {
      open = current;
      if (merged >= MAX_SENTENCES_IN_ONE_QUOTE) open = null;
    } else {
      open = null;
      merged = 0;
    }
  }
  return out;
}

/**
 * True when the text opens a quotation it does not close. Straight and curly marks mix in real
 * copy ("…visit.” appears), so a mark counts as opening or closing by where it stands, not its glyph.
 */
export function quoteIsOpen(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '"' && ch !== '\u201c' && ch !== '\u201d') continue;
    const before = i === 0 ? ' ' : text[i - 1]!;
    const after = i + 1 < text.length ? text[i + 1]! : ' ';
    const opening = ch === '\u201c' || (ch === '"' && /[\s([\u2014\u2013-]/.test(before) && /\S/.test(after));
    if (opening) depth++;
    else if (depth > 0) depth--;
  }
  return depth > 0;
}
