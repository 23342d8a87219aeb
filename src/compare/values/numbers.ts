// One number or range as printed, in digits or words: "1,200", "1.5 million", "$3bn",
// "seven and a half", "a dozen", "half an hour", "dozens of", "3 to 5", "between 3 and 5".
import { andAFraction, MONEY_ONLY_SUFFIXES, ONES, readWordNumber, SCALE_SUFFIXES, SCALES, TENS } from './number-words.ts';
import { isMark, isWord, type Token } from './tokens.ts';

export interface NumberPhrase {
  low: number;
  high: number;
  /** Token index after the phrase. */
  end: number;
  /** "a", "an", "one", "half": a number only when a unit follows ("an hour"), never on its own. */
  needsUnit: boolean;
  /** Digits with nothing else: "2021" (a year unless the context says otherwise). */
  bareDigits: boolean;
  /** "dozens of", "hundreds of": the "of" is read, the counted noun follows. */
  vague: boolean;
  /** A letter glued right after the digits that is no scale ("3pm", "20th", "5G"): the caller must read it or reject. */
  gluedSuffix: boolean;
}

/** "dozens of" and the like: what the plural allows, from twice the base to just under the next power. */
const VAGUE_PLURALS: ReadonlyMap<string, [number, number]> = new Map([
  ['dozens', [24, 144]],
  ['tens', [20, 99]],
  ['hundreds', [200, 999]],
  ['thousands', [2000, 9999]],
  ['millions', [2e6, 999_999_999]],
  ['billions', [2e9, 999_999_999_999]],
]);
/** Words a number can start with, for the scan's quick skip. */
export const NUMBER_STARTS = [...ONES.keys(), ...TENS.keys(), 'a', 'an', 'half', 'between', ...VAGUE_PLURALS.keys()];

/** "hundreds of thousands of": the second plural multiplies the first. */
const VAGUE_SCALES: ReadonlyMap<string, number> = new Map([
  ['thousands', 1e3],
  ['millions', 1e6],
  ['billions', 1e9],
]);

/** The word after a digit run, glued to it ("3bn", "20th"), or ''. */
export function gluedWord(tokens: readonly Token[], i: number): string {
  const t = tokens[i];
  return t && t.type === 'word' && !t.gap ? t.lower : '';
}

/** A digit number that may start a value: not glued to letters before it, not "007", not noise. */
export function usableDigits(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t?.type !== 'num' || !Number.isFinite(t.value)) return false;
  const before = tokens[i - 1];
  if (before && !t.gap && (before.type === 'word' || before.type === 'num')) return false;
  // A minus sign of its own before the digits ("-5 hours") makes no count or span (temperatures
  // read their sign themselves); a hyphen inside "5-6" or "F-16" is no sign.
  if (before && !t.gap && before.type === 'punct' && (before.text === '-' || before.text === '−') && (before.gap || i === 1)) return false;
  // Broken digit grouping ("5,,000") is a typo: neither the number before it nor the one after.
  if (isMark(tokens, i + 1, ',', true) && isMark(tokens, i + 2, ',', true)) return false;
  if (!t.gap && isMark(tokens, i - 1, ',', true) && isMark(tokens, i - 2, ',', true)) return false;
  return !/^0\d/.test(t.text);
}

/** One number at `i`: digits (with a glued or written scale) or words. */
export function readSingle(tokens: readonly Token[], i: number, money: boolean): NumberPhrase | null {
  const t = tokens[i];
  if (!t) return null;
  // after a sign, letters glued to the digits are the sign's own: "$US1 million"
  const signed = money && tokens[i - 1]?.type === 'word' && Number.isFinite(t.value);
  if (t.type === 'num') return usableDigits(tokens, i) || signed ? readDigits(tokens, i, money) : null;
  if (t.type !== 'word') return null;
  return readArticle(tokens, i) ?? readHalf(tokens, i) ?? readVague(tokens, i) ?? fromWords(tokens, i);
}

function readDigits(tokens: readonly Token[], i: number, money: boolean): NumberPhrase {
  let value = tokens[i]!.value;
  let end = i + 1;
  let bareDigits = tokens[i]!.plain;
  const suffix = gluedWord(tokens, end);
  const scale = SCALE_SUFFIXES.get(suffix);
  if (scale !== undefined && (money || !MONEY_ONLY_SUFFIXES.has(suffix))) {
    value *= scale;
    end++;
    bareDigits = false;
  }
  if (!gluedWord(tokens, end)) {
    const fraction = andAFraction(tokens, end);
    if (fraction) {
      value += fraction.value;
      end = fraction.end;
      bareDigits = false;
    }
    const written = SCALES.get(tokens[end]?.type === 'word' ? tokens[end]!.lower : '');
    if (written !== undefined && written > 100 && scale === undefined) {
      value *= written;
      end++;
      bareDigits = false;
    }
  }
  return { low: value, high: value, end, needsUnit: false, bareDigits, vague: false, gluedSuffix: gluedWord(tokens, end) !== '' };
}

/** "a"/"an": one before a unit ("an hour"), or the start of "a dozen", "a million", "a half". */
function readArticle(tokens: readonly Token[], i: number): NumberPhrase | null {
  if (!isWord(tokens, i, 'a', 'an')) return null;
  const next = tokens[i + 1];
  if (next?.type === 'num') return null;
  const word = next?.type === 'word' ? next.lower : '';
  if (word === 'dozen') return phrase(12, i + 2);
  const scale = SCALES.get(word);
  if (scale !== undefined) {
    // "a hundred and twenty": read the rest as words, with "one" standing for the article
    const rest = readWordNumber(tokens, i + 1);
    return phrase(rest && rest.value >= scale ? rest.value : scale, rest?.end ?? i + 2);
  }
  if (word === 'half') return { ...phrase(0.5, i + 2), needsUnit: true };
  if (word === 'couple' && isWord(tokens, i + 2, 'of')) return phrase(2, i + 3);
  return { ...phrase(1, i + 1), needsUnit: true };
}

/** "half an hour", "half a day", "half a dozen", "half a million", "half-hour". */
function readHalf(tokens: readonly Token[], i: number): NumberPhrase | null {
  if (!isWord(tokens, i, 'half')) return null;
  if (isWord(tokens, i + 1, 'a', 'an')) {
    if (isWord(tokens, i + 2, 'dozen')) return phrase(6, i + 3);
    const scale = SCALES.get(tokens[i + 2]?.lower ?? '');
    if (scale !== undefined && scale > 100) return phrase(scale / 2, i + 3);
    return { ...phrase(0.5, i + 2), needsUnit: true };
  }
  return { ...phrase(0.5, i + 1), needsUnit: true };
}

/** "dozens of", "hundreds of thousands of": a range, with the "of" read. */
function readVague(tokens: readonly Token[], i: number): NumberPhrase | null {
  const range = VAGUE_PLURALS.get(tokens[i]?.lower ?? '');
  if (!range || !isWord(tokens, i + 1, 'of')) return null;
  let [low, high] = range;
  let end = i + 2;
  const scale = VAGUE_SCALES.get(tokens[end]?.lower ?? '');
  if (scale !== undefined && isWord(tokens, end + 1, 'of')) {
    low *= scale;
    high = (high + 1) * scale - 1;
    end += 2;
  }
  return { low, high, end, needsUnit: false, bareDigits: false, vague: true, gluedSuffix: false };
}

function fromWords(tokens: readonly Token[], i: number): NumberPhrase | null {
  const words = readWordNumber(tokens, i);
  if (!words) return null;
  return { ...phrase(words.value, words.end), needsUnit: words.lone };
}

function phrase(value: number, end: number): NumberPhrase {
  return { low: value, high: value, end, needsUnit: false, bareDigits: false, vague: false, gluedSuffix: false };
}

/**
 * A number or range at `i`. `between`: "between 3 and 5" was opened; `money`: a currency sign
 * stands before, which the second end may repeat ("$3 to $5"). Digits glued by a hyphen that
 * make no rising range ("3-1", "555-0100") are a score or a code: null.
 */
export function readNumber(tokens: readonly Token[], i: number, options: { money: boolean; between: boolean }): NumberPhrase | null {
  const first = readSingle(tokens, i, options.money);
  if (!first || first.vague || first.gluedSuffix) return first;
  const sep = first.end;
  const dash = isMark(tokens, sep, '-–');
  const word = options.between ? isWord(tokens, sep, 'and') : isWord(tokens, sep, 'to', 'or');
  if (!dash && !word) return options.between ? null : first;
  let next = sep + 1;
  if (options.money && tokens[next]?.text === tokens[i - 1]?.text && tokens[next]?.type === 'punct') next++;
  const second = readSingle(tokens, next, options.money);
  // digits joined by a hyphen that make no range are a score, a code or a phone number
  const digitDash = dash && tokens[first.end - 1]?.type === 'num' && tokens[next]?.type === 'num' && !tokens[sep]!.gap && !tokens[next]!.gap;
  if (!second || second.vague || second.needsUnit || (first.needsUnit && tokens[i]!.lower !== 'one')) return digitDash || options.between ? null : first;
  if (digitDash && isMark(tokens, second.end, '-–', true) && tokens[second.end + 1]?.type === 'num') return null;
  let low = first.low;
  const printedOnce = scaleEnding(tokens, second.end);
  // "3 to 5 million": the scale printed once covers both ends
  if (printedOnce !== undefined && scaleEnding(tokens, first.end) === undefined && first.low * printedOnce <= second.high) low = first.low * printedOnce;
  if (!(low < second.low)) return digitDash || options.between ? null : first;
  return { low, high: second.high, end: second.end, needsUnit: false, bareDigits: first.bareDigits && second.bareDigits, vague: false, gluedSuffix: second.gluedSuffix };
}

/** The scale word or suffix a number phrase ending at `end` closes with ("million", "bn"), if any. */
function scaleEnding(tokens: readonly Token[], end: number): number | undefined {
  const word = tokens[end - 1]?.lower ?? '';
  return SCALES.get(word) ?? SCALE_SUFFIXES.get(word);
}
