// Win-loss records: "52-3", "(14-13-2)", "a 122-147 record". Digits joined by hyphens are as often
// a score, a vote or a code, so a tally is read only where the sentence marks it as a record: the
// word "record" or "mark" beside it, a verb that moves a record to it ("improved to"), or a stat
// line right after a name ("Bowe (43-1)", "Klitschko, 53-3,").
import { draft, type Match } from './match.ts';
import { usableDigits } from './numbers.ts';
import { isCapitalized, isMark, isWord, type Token } from './tokens.ts';

const RECORD_WORDS = ['record', 'records', 'mark'];
/** Verbs that take a record to a new tally: "improved to 52-3", "fell to 45-7-2". */
// Not "took" or "moved": "took the score to 2-1" is a score; "took his record to" has the word.
const MOVED = new Set(['improved', 'improves', 'improve', 'improving', 'fell', 'falls', 'fall', 'dropped', 'drops', 'slipped', 'slips']);
/** How far back a verb of change may stand before "to": "improved the Ukrainian-born fighter to". */
const MOVED_REACH = 8;

/** Units of a tally by its number of parts. */
export const RECORD_UNITS = ['', '', 'win-loss record', 'win-loss-draw record'] as const;

export function matchRecord(tokens: readonly Token[], i: number): Match | null {
  if (!usableDigits(tokens, i)) return null;
  const parts: number[] = [];
  let spaced = false;
  let j = i;
  for (;;) {
    const t = tokens[j];
    if (t?.type !== 'num' || !t.plain || t.text.length > 3 || /^0\d/.test(t.text)) return null;
    parts.push(t.value);
    j++;
    if (parts.length === 3 || !isMark(tokens, j, '-–') || tokens[j + 1]?.type !== 'num') break;
    if (tokens[j]!.gap || tokens[j + 1]!.gap) spaced = true;
    j++;
  }
  if (parts.length < 2) return null;
  // a longer run ("1-800-555") or letters glued after ("3-1x") is something else
  const after = tokens[j];
  if (isMark(tokens, j, '-–', true) || (after && !after.gap && after.type !== 'punct')) return null;
  // Spaced hyphens are also dashes in tokenized text: only the word "record" vouches for them.
  const marked = recordWordAfter(tokens, j) || (!spaced && (recordBefore(tokens, i) || statLine(tokens, i, j)));
  if (!marked) return null;
  const total = parts.reduce((sum, n) => sum + n, 0);
  return { end: j, value: draft({ kind: 'number', low: total, high: total, unit: RECORD_UNITS[parts.length]!, tally: parts }) };
}

/** "a 162-139 record", "122-147 (.454) mark". */
function recordWordAfter(tokens: readonly Token[], j: number): boolean {
  if (isMark(tokens, j, '(')) {
    let k = j + 1;
    while (k < j + 5 && tokens[k] && !isMark(tokens, k, ')')) k++;
    if (!isMark(tokens, k, ')')) return false;
    j = k + 1;
  }
  return isWord(tokens, j, ...RECORD_WORDS);
}

/** "record of 52-3", "improved to 52-3". */
function recordBefore(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (before?.type !== 'word') return false;
  if (before.lower !== 'to' && before.lower !== 'of' && before.lower !== 'at') return false;
  if (isWord(tokens, i - 2, ...RECORD_WORDS)) return true;
  if (before.lower !== 'to') return false;
  for (let k = i - 2; k >= Math.max(0, i - 1 - MOVED_REACH); k--) {
    const t = tokens[k]!;
    if (t.type === 'punct' && /[.;:!?]/.test(t.text)) return false;
    if (t.type === 'word' && MOVED.has(t.lower)) return true;
  }
  return false;
}

/** "Bowe (43-1)", "Klitschko (52-3, 46 KOs)", "Riddick Bowe, 43-1, 33 KOs": a tally right after a name. */
function statLine(tokens: readonly Token[], i: number, end: number): boolean {
  const open = isMark(tokens, i - 1, '(') ? ')' : isMark(tokens, i - 1, ',') ? ',' : '';
  if (!open || !isCapitalized(tokens[i - 2])) return false;
  return isMark(tokens, end, open === ')' ? '),' : ',');
}
