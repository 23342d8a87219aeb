// Digits that are no value: names and codes ("G20", "F-16", "COVID-19", "Route 66"), ordinals
// ("20th"), phone numbers, scores ("3-1"), fractions and ratios. Read only to be skipped.
import { MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from './calendar.ts';
import type { Match } from './match.ts';
import { isCapitalized, isMark, isWord, type Token } from './tokens.ts';

/** Capitalized words that may stand right before a number without naming it ("About 35", "In 2021"). */
const FUNCTION_WORDS = new Set(
  (
    'the a an in on at by for from since until till to of with between after before during over under about around ' +
    'nearly almost more less fewer some only just all and but or nor so yet then than another those these its their ' +
    'his her our my your up within exactly precisely roughly approximately estimated least most still even also now ' +
    'today yesterday tomorrow last next this that each every both as when while if where because though although ' +
    'here there among including plus per via we they he she it i you who which what whose some another barely nearly ' +
    'fully were was are is had has have did said says told'
  ).split(' '),
);

export function matchBlocked(tokens: readonly Token[], i: number): Match | null {
  const end = Math.max(nameAndNumber(tokens, i), gluedToLetters(tokens, i), digitChain(tokens, i), phoneNumber(tokens, i));
  return end > i ? { end, value: null } : null;
}

/** "Route 66", "Apollo 11", "Group of 20", "No. 5", "#3": a name or mark, then a number that belongs to it. */
function nameAndNumber(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t) return 0;
  let at = i + 1;
  if (isWord(tokens, i, 'no') && isMark(tokens, i + 1, '.', true)) at = i + 2;
  else if (t.text === '#') at = i + 1;
  else if (!isCapitalized(t) || FUNCTION_WORDS.has(t.lower) || MONTHS.has(t.lower) || MONTH_ABBREVIATIONS.has(t.lower) || WEEKDAYS.has(t.lower)) return 0;
  else if (isWord(tokens, i + 1, 'of')) at = i + 2;
  const number = tokens[at];
  if (number?.type !== 'num' || number.newline) return 0;
  if (t.text !== '#' && !number.gap) return 0;
  return gluedRun(tokens, at);
}

/** "G20", "F-16s", "COVID-19", "5G", "20th": letters and digits glued together. */
function gluedToLetters(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!t || !next || next.gap) return 0;
  if (t.type === 'word') {
    const digits = next.type === 'num' ? i + 1 : isMark(tokens, i + 1, '-–', true) && tokens[i + 2]?.type === 'num' && !tokens[i + 2]!.gap ? i + 2 : -1;
    return digits < 0 ? 0 : gluedRun(tokens, digits);
  }
  return t.type === 'num' && next.type === 'word' ? gluedRun(tokens, i) : 0;
}

/** Digits joined by marks with no space: a phone number, a score, a code, a fraction, a ratio. */
function digitChain(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (t?.type !== 'num') return 0;
  if (!Number.isFinite(t.value) || /^0\d/.test(t.text)) return gluedRun(tokens, i);
  let end = i + 1;
  let links = 0;
  let rising = true;
  while (isMark(tokens, end, '-–./:', true) && tokens[end + 1]?.type === 'num' && !tokens[end + 1]!.gap) {
    const mark = tokens[end]!.text;
    if (mark !== '-' && mark !== '–') rising = false;
    else if (!(tokens[end + 1]!.value > tokens[end - 1]!.value) || /^0\d/.test(tokens[end + 1]!.text)) rising = false;
    links++;
    end += 2;
  }
  // one rising hyphen is a range ("3-5"); anything else is no value
  return links === 0 || (links === 1 && rising) ? 0 : gluedRun(tokens, end - 1);
}

/** "(202) 555-0100", "+44 20 7946 0958", "020 7946 0958": digit groups a phone number is printed in. */
function phoneNumber(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!t) return 0;
  if (t.text === '(' && tokens[i + 1]?.type === 'num' && isMark(tokens, i + 2, ')') && tokens[i + 3]?.type === 'num') return digitGroups(tokens, i + 3, 1);
  if (t.text === '+' && tokens[i + 1]?.type === 'num' && !tokens[i + 1]!.gap) return digitGroups(tokens, i + 1, 1);
  const end = t.type === 'num' ? digitGroups(tokens, i, 3) : 0;
  return end;
}

/** The index after `least` or more plain digit groups of two or more digits, separated by spaces or hyphens; 0 when fewer. */
function digitGroups(tokens: readonly Token[], i: number, least: number): number {
  let k = i;
  let groups = 0;
  while (tokens[k]?.type === 'num' && tokens[k]!.plain && tokens[k]!.text.length >= 2 && (groups === 0 || !tokens[k]!.newline)) {
    groups++;
    k++;
    if (isMark(tokens, k, '-–.', true) && tokens[k + 1]?.type === 'num' && !tokens[k + 1]!.gap) k++;
  }
  return groups >= least ? k : 0;
}

/** The index after the run of letters, digits and inner hyphens glued to tokens[i]: "F-16s". */
function gluedRun(tokens: readonly Token[], i: number): number {
  let k = i + 1;
  while (k < tokens.length && !tokens[k]!.gap) {
    const t = tokens[k]!;
    if (t.type === 'word' || t.type === 'num') k++;
    else if (isMark(tokens, k, '-–./:', true) && tokens[k + 1] && !tokens[k + 1]!.gap && tokens[k + 1]!.type !== 'punct') k++;
    else break;
  }
  return k;
}
