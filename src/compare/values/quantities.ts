// Hedge + number + unit: counts, money, percentages, spans of time and offsets in time
// ("over a dozen requests", "$700 billion", "Fifty percent", "nearly six hours", "an hour before").
import { isAggregate } from './aggregate.ts';
import { countedNoun } from './counted-noun.ts';
import { readDurationUnit, readRelation } from './durations.ts';
import type { Qualifier } from './found-value.ts';
import { draft, type Match, type ValueDraft } from './match.ts';
import { readNumber, type NumberPhrase } from './numbers.ts';
import { belowZeroEnd } from './temperatures.ts';
import { qualify, readQualifier, readQualifierAfter } from './qualifiers.ts';
import { isMark, isWord, matchPhrase, type Token } from './tokens.ts';
import { currencyAfter, currencyBefore, DURATION_UNITS } from './units.ts';
import { FIRST_YEAR, LAST_YEAR } from './years.ts';

/** Words before a bare year that keep it a date even when a plural follows: "In 2019 protesters …". */
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'until', 'till', 'during', 'throughout', 'early', 'mid', 'late', 'between']);

/** Words before a span of time that make it a length whatever follows: "for six hours before …", "lasted two days after …". */
const LASTING_WORDS = new Set(['for', 'lasted', 'lasting', 'lasts', 'last', 'took', 'taking', 'takes', 'spent', 'during', 'throughout']);

/** Words before a number that make it a frequency: "every 15 minutes". */
const FREQUENCY_WORDS = new Set(['every', 'each', 'per']);

/** Words before "a"/"an" that make it a rate, not a count of one: "twice a day", "$15 an hour". */
const RATE_WORDS = new Set(['once', 'twice', 'thrice', 'times', 'per', 'every', 'each']);

/** A hedged number with what it measures, starting at `i`: "over a dozen requests", "about an hour before". */
export function matchQuantity(tokens: readonly Token[], i: number): Match | null {
  let j = i;
  const hedge = readQualifier(tokens, j);
  if (hedge) j = hedge.end;
  const between = isWord(tokens, j, 'between');
  if (between) j++;
  const sign = currencyBefore(tokens, j);
  if (sign) j = sign.end;
  const number = readNumber(tokens, j, { money: !!sign, between });
  if (!number) return unitLong(tokens, i);
  if (number.needsUnit && isRate(tokens, j)) return null;
  // "every 15 minutes", "each two weeks": how often, not how long or how many.
  if (FREQUENCY_WORDS.has(tokens[i - 1]?.lower ?? '')) return null;
  const reading = sign ? money(number, sign.code, number.end) : readUnit(tokens, number, LASTING_WORDS.has(tokens[i - 1]?.lower ?? ''));
  if (!reading) return null;
  let qualifier: Qualifier | null = hedge?.qualifier ?? null;
  let end = reading.end;
  const after = qualifier || reading.kind === 'time' ? null : readQualifierAfter(tokens, end);
  if (after) {
    qualifier = after.qualifier;
    end = after.end;
  }
  if (reading.kind === 'number') {
    // "one" alone is a pronoun; a year is the date reader's
    if (number.needsUnit || (!qualifier && isBareYear(tokens, j, number, reading.unit))) return null;
    // "300 or so people": the noun stands after the hedge
    const noun = after && reading.unit === '' ? countedNoun(tokens, end) : null;
    if (noun) {
      reading.unit = noun.unit;
      end = noun.end;
    }
  }
  // "20 degrees below zero"
  const belowZero = reading.kind === 'number' && reading.unit === 'degree' && !qualifier ? belowZeroEnd(tokens, end) : -1;
  if (belowZero > 0) {
    [reading.low, reading.high] = [-reading.high, -reading.low];
    end = belowZero;
  }
  const [low, high] = qualify(reading.low, reading.high, qualifier);
  const aggregate = reading.aggregate || isAggregate(tokens, i, end);
  return { end, value: draft({ kind: reading.kind, low, high, unit: reading.unit, qualifier, aggregate, relation: reading.relation }) };
}

type Reading = Pick<ValueDraft, 'kind' | 'low' | 'high' | 'unit' | 'relation' | 'aggregate'> & { end: number };

function isRate(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return !!before && (before.type === 'num' || RATE_WORDS.has(before.lower) || before.text === '%');
}

/** Bare four-digit numbers in the years' range, with no noun counted or after "in", "since", …: "In 2019 protesters …". */
function isBareYear(tokens: readonly Token[], j: number, number: NumberPhrase, unit: string): boolean {
  if (!number.bareDigits || !isYearLike(number.low) || !isYearLike(number.high)) return false;
  return unit === '' || YEAR_PREPOSITIONS.has(tokens[j - 1]?.lower ?? '');
}

function isYearLike(value: number): boolean {
  return Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR;
}

function money(number: NumberPhrase, code: string, end: number): Reading {
  return { kind: 'money', low: number.low, high: number.high, unit: code, relation: null, aggregate: false, end };
}

/** What follows the number decides the kind: a percent sign, a currency, a unit of time, or a counted noun. */
function readUnit(tokens: readonly Token[], number: NumberPhrase, lasting: boolean): Reading | null {
  const j = number.end;
  const percent = percentEnd(tokens, j);
  if (percent > 0) return { kind: 'percent', low: number.low, high: number.high, unit: '%', relation: null, aggregate: false, end: percent };
  if (isWord(tokens, j, 'percentage') && isWord(tokens, j + 1, 'point', 'points'))
    return { kind: 'number', low: number.low, high: number.high, unit: 'percentage point', relation: null, aggregate: false, end: j + 2 };
  const currency = currencyAfter(tokens, j);
  if (currency && !number.gluedSuffix) return money(number, currency.code, currency.end);
  const duration = readDuration(tokens, number, lasting);
  if (duration) return duration;
  if (number.gluedSuffix) return null;
  const noun = countedNoun(tokens, j);
  return { kind: 'number', low: number.low, high: number.high, unit: noun?.unit ?? '', relation: null, aggregate: false, end: noun?.end ?? j };
}

/** "%", "percent", "per cent", "pct": the index after it, or 0. */
function percentEnd(tokens: readonly Token[], i: number): number {
  if (isMark(tokens, i, '%')) return i + 1;
  if (isWord(tokens, i, 'percent', 'pct')) return i + 1;
  return matchPhrase(tokens, i, ['per', 'cent']) > 0 ? i + 2 : 0;
}

const DECADE = DURATION_UNITS.get('decade')!;

function readDuration(tokens: readonly Token[], number: NumberPhrase, lasting: boolean): Reading | null {
  const article = number.needsUnit && isWord(tokens, number.end - 1, 'a', 'an');
  const fractionRead = number.low % 1 !== 0;
  const unit = readDurationUnit(tokens, number.end, article, fractionRead);
  if (!unit) return null;
  if (unit.age) return { kind: 'number', low: number.low, high: number.high, unit: unit.age, relation: null, aggregate: false, end: unit.end };
  // Decades and centuries are counted round: "two decades" is what a reporter writes for 21 years.
  const rounded = unit.minutes >= DECADE && unit.extra === 0 && Number.isInteger(number.low) ? 0.5 : 0;
  const low = (number.low + unit.extra - rounded) * unit.minutes;
  const high = (number.high + unit.extra + rounded) * unit.minutes;
  // "for six hours before bringing it under control": how long, not how long before.
  const relation = unit.adjectival || lasting ? null : readRelation(tokens, unit.end);
  if (relation) return { kind: 'time', low, high, unit: 'minute', relation: relation.relation, aggregate: false, end: relation.end };
  return { kind: 'duration', low, high, unit: 'minute', relation: null, aggregate: unit.aggregate, end: unit.end };
}

/** "hour-long", "day-long": one unit, no number printed. */
function unitLong(tokens: readonly Token[], i: number): Match | null {
  const minutes = DURATION_UNITS.get(tokens[i]?.lower ?? '');
  if (minutes === undefined || tokens[i]!.lower.endsWith('s')) return null;
  if (!isMark(tokens, i + 1, '-', true) || !isWord(tokens, i + 2, 'long') || tokens[i + 2]!.gap) return null;
  return { end: i + 3, value: draft({ kind: 'duration', low: minutes, high: minutes, unit: 'minute' }) };
}
