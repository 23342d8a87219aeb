// Units a number can carry: spans of time (in minutes) and currencies (ISO 4217 codes).
import { isWord, longestPhrase, phraseTable, type Token } from './tokens.ts';

const YEAR = 525960; // 365.25 days

/** Minutes in each unit of time, under every spelling a report uses. */
export const DURATION_UNITS: ReadonlyMap<string, number> = new Map([
  ['second', 1 / 60],
  ['seconds', 1 / 60],
  ['sec', 1 / 60],
  ['secs', 1 / 60],
  ['minute', 1],
  ['minutes', 1],
  ['min', 1],
  ['mins', 1],
  ['hour', 60],
  ['hours', 60],
  ['hr', 60],
  ['hrs', 60],
  ['day', 1440],
  ['days', 1440],
  ['week', 10080],
  ['weeks', 10080],
  ['fortnight', 20160],
  ['fortnights', 20160],
  ['month', 43830],
  ['months', 43830],
  ['year', YEAR],
  ['years', YEAR],
  ['yr', YEAR],
  ['yrs', YEAR],
  ['decade', 10 * YEAR],
  ['decades', 10 * YEAR],
  ['century', 100 * YEAR],
  ['centuries', 100 * YEAR],
]);

/** The singular name of a unit of time ("hours" → "hour"), for ages: "34-year-old" → "year old". */
export function unitName(word: string): string {
  const minutes = DURATION_UNITS.get(word);
  for (const [name, m] of DURATION_UNITS) if (m === minutes) return name;
  return word;
}

/** Signs printed before the amount. */
const SIGNS = phraseTable<string>([
  ['$', 'USD'],
  ['us$', 'USD'],
  ['u.s.$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['c$', 'CAD'],
  ['ca$', 'CAD'],
  ['a$', 'AUD'],
  ['au$', 'AUD'],
  ['hk$', 'HKD'],
  ['nz$', 'NZD'],
  ['s$', 'SGD'],
  ['r$', 'BRL'],
  ['nt$', 'TWD'],
  ['rs', 'INR'],
  ['rs.', 'INR'],
  // the sign before the country, as Australian and New Zealand papers print it: "$US1 million"
  ['$us', 'USD'],
  ['$a', 'AUD'],
  ['$au', 'AUD'],
  ['$nz', 'NZD'],
  ['$c', 'CAD'],
  ['$hk', 'HKD'],
]);

/** Signs and units a value can start with ("$5", "hour-long"), for the scan's quick skip. */
export const UNIT_STARTS = [...SIGNS.keys(), ...DURATION_UNITS.keys()];

/** ISO codes as printed, uppercase only so that ordinary words never read as money. */
const CODES = new Map([
  ['USD', 'USD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['CNY', 'CNY'],
  ['RMB', 'CNY'],
  ['JPY', 'JPY'],
  ['INR', 'INR'],
  ['KRW', 'KRW'],
  ['RUB', 'RUB'],
  ['CHF', 'CHF'],
  ['CAD', 'CAD'],
  ['AUD', 'AUD'],
  ['HKD', 'HKD'],
  ['SGD', 'SGD'],
]);

/** Currency names printed after the amount. */
const NAMES = phraseTable<string>([
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['us dollars', 'USD'],
  ['u.s. dollars', 'USD'],
  ['american dollars', 'USD'],
  ['canadian dollars', 'CAD'],
  ['australian dollars', 'AUD'],
  ['hong kong dollars', 'HKD'],
  ['singapore dollars', 'SGD'],
  ['new zealand dollars', 'NZD'],
  ['taiwan dollars', 'TWD'],
  ['taiwanese dollars', 'TWD'],
  ['new taiwan dollars', 'TWD'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['pound', 'GBP'],
  ['pounds', 'GBP'],
  ['pounds sterling', 'GBP'],
  ['sterling', 'GBP'],
  ['british pounds', 'GBP'],
  ['yuan', 'CNY'],
  ['chinese yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['yen', 'JPY'],
  ['japanese yen', 'JPY'],
  ['rupee', 'INR'],
  ['rupees', 'INR'],
  ['indian rupees', 'INR'],
  ['rouble', 'RUB'],
  ['roubles', 'RUB'],
  ['ruble', 'RUB'],
  ['rubles', 'RUB'],
  ['won', 'KRW'],
  ['swiss francs', 'CHF'],
  ['francs', 'CHF'],
]);

/** A currency sign or code before the amount at `i`: the code and where the amount starts. */
export function currencyBefore(tokens: readonly Token[], i: number): { code: string; end: number } | null {
  const t = tokens[i];
  if (!t) return null;
  const code = t.type === 'word' ? CODES.get(t.text) : undefined;
  if (code && tokens[i + 1]?.type === 'num') return { code, end: i + 1 };
  const sign = longestPhrase(tokens, i, SIGNS);
  if (!sign || tokens[sign.end]?.type !== 'num') return null;
  // a letter prefix must be glued to its sign ("US$"), and the sign close to the digits
  for (let k = i + 1; k < sign.end; k++) if (tokens[k]!.gap) return null;
  return { code: sign.value, end: sign.end };
}

/** A currency name or code after the amount at `i` ("700 billion dollars", "10 million yuan"). */
export function currencyAfter(tokens: readonly Token[], i: number): { code: string; end: number } | null {
  const t = tokens[i];
  if (t?.type !== 'word') return null;
  const code = CODES.get(t.text);
  if (code) return { code, end: i + 1 };
  const name = longestPhrase(tokens, i, NAMES);
  if (!name) return null;
  // "five pounds of flour" is a weight
  if (name.value === 'GBP' && isWord(tokens, name.end, 'of')) return null;
  return { code: name.value, end: name.end };
}
