// Temperatures below zero: "minus 17 degrees", "minus-20 degree temperatures", "-17 degrees",
// "temperatures were minus 20", "20 degrees below zero". Read as degrees (the unit "17 degrees"
// already reads as) with a negative value, so "minus 17" and "minus 20" compare as close values.
import { draft, type Match } from './match.ts';
import { usableDigits } from './numbers.ts';
import { isMark, isWord, type Token } from './tokens.ts';

/** Words a temperature below zero can start with, for the scan's quick skip. */
export const TEMPERATURE_STARTS = ['minus', '-', '−'];

/** Words that make a bare "minus 20" a temperature when they stand just before it. */
const WEATHER_WORDS = new Set(['temperature', 'temperatures', 'temps', 'thermometer', 'thermometers', 'chill']);
/** How many tokens back a weather word may stand: "temperatures had dipped to minus 20". */
const WEATHER_REACH = 5;

export function matchTemperature(tokens: readonly Token[], i: number): Match | null {
  const t = tokens[i];
  if (!t) return null;
  let j: number;
  if (isWord(tokens, i, 'minus')) {
    // "minus-20": the hyphen glued on both sides
    j = isMark(tokens, i + 1, '-', true) && !tokens[i + 2]?.gap ? i + 2 : i + 1;
  } else if (t.type === 'punct' && (t.text === '-' || t.text === '−') && (t.gap || i === 0) && tokens[i + 1] && !tokens[i + 1]!.gap) {
    j = i + 1; // "-17", but not "5-17" or "pages 5 - 17"
    if (tokens[i - 1]?.type === 'num') return null;
  } else {
    return null;
  }
  const n = tokens[j];
  if (n?.type !== 'num' || !Number.isFinite(n.value) || (!usableDigits(tokens, j) && tokens[j - 1]?.type !== 'punct')) return null;
  let end = j + 1;
  if (isWord(tokens, end, 'degrees', 'degree')) end++;
  else if (!afterWeatherWord(tokens, i)) return null;
  return { end, value: draft({ kind: 'number', low: -n.value, high: -n.value, unit: 'degree' }) };
}

function afterWeatherWord(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - WEATHER_REACH); k--) {
    const t = tokens[k]!;
    if (t.type === 'punct' && /[.;:!?]/.test(t.text)) return false;
    if (t.type === 'word' && WEATHER_WORDS.has(t.lower)) return true;
  }
  return false;
}

/** "20 degrees below zero": the index after "below zero" when it follows a reading in degrees. */
export function belowZeroEnd(tokens: readonly Token[], i: number): number {
  return isWord(tokens, i, 'below') && isWord(tokens, i + 1, 'zero') ? i + 2 : -1;
}
