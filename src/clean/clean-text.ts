// Plain text in, article out: which ranges of the original are the article's paragraphs, which
// are chrome (and why), the speaker turns, and the metadata the chrome carried.
import type { DocumentMeta } from '../schema.ts';
import { splitLines } from '../text/lines.ts';
import { trimRange, type OffsetRange as Range, type RemovedRange } from '../text/ranges.ts';
import { classifyLines, isTranscript, type LineAnalysis } from './classify-lines.ts';
import { extractMetadata } from './metadata.ts';

export interface TurnRange {
  speaker: string;
  role: string | null;
  label: Range;
  span: Range;
}

export interface TextCleaning {
  paragraphs: Range[];
  removed: RemovedRange[];
  turns: TurnRange[];
  meta: DocumentMeta;
  /** Human-readable provenance of metadata fields. */
  notes: string[];
}

export function cleanText(original: string, hints: Partial<DocumentMeta> = {}): TextCleaning {
  const rows = classifyLines(splitLines(original));
  const { meta, evidence } = extractMetadata(rows, hints);
  const paragraphs: Range[] = [];
  const removed: RemovedRange[] = [];
  const turns: TurnRange[] = [];
  const transcript = isTranscript(rows);
  let previous: LineAnalysis | null = null;

  for (const row of rows) {
    const { line, verdict } = row;
    if (verdict && verdict.from === undefined) {
      removed.push({ start: line.start, end: line.end, kind: verdict.kind, reason: verdict.reason });
      previous = null;
      continue;
    }
    const start = line.start;
    let end = line.end;
    if (verdict?.from !== undefined) {
      const cut = trimRange(original, line.start + verdict.from, line.end);
      removed.push({ start: cut.start, end: cut.end, kind: verdict.kind, reason: verdict.reason });
      end = trimRange(original, line.start, line.start + verdict.from).end;
    }
    if (end <= start) continue;

    const turn = transcript ? row.features.turn : null;
    if (turn) {
      const label = { start, end: start + turn.labelLength };
      const span = trimRange(original, label.end, end);
      if (span.end > span.start) turns.push({ speaker: turn.speaker, role: turn.role, label, span });
    }
    const last = paragraphs[paragraphs.length - 1];
    if (last && previous && continuesParagraph(previous, row)) last.end = end;
    else paragraphs.push({ start, end });
    // A line whose end was cut off as a credit ends its paragraph: the next line joining it would
    // take the credit back into the body.
    previous = verdict?.from === undefined ? row : null;
  }
  removed.sort((a, b) => a.start - b.start);
  const notes = evidence.map((e) => `${e.field} from ${e.how} (line ${e.line.line.index + 1})`);
  return { paragraphs, removed, turns, meta, notes };
}

/** A hard-wrapped paragraph: the line breaks mid-sentence and the next line goes on in lower case. */
function continuesParagraph(previous: LineAnalysis, row: LineAnalysis): boolean {
  return row.line.blankBefore === 0 && !row.features.turn && !previous.features.endsSentence && /^[\p{Ll}]/u.test(row.line.text);
}
