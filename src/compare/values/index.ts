// The values news sentences carry, found and normalized to intervals, so that the comparison
// can tell "nearly six hours" from "seven and a half hours" and let "about three hours" agree
// with "more than three hours".
import { isoDay, parseIsoDay } from './calendar.ts';
import type { FoundValue } from './found-value.ts';
import { readValues, type Reading } from './scan.ts';
import { isFutureTense } from './tense.ts';
import type { Token } from './tokens.ts';

export type { FoundValue, Qualifier, Relation } from './found-value.ts';
export { inferReferenceDate } from './reference-date.ts';

/** Values in `text`, sorted by start and never overlapping. `reference`: the document's ISO date, to resolve "on Monday". */
export function findValues(text: string, options: { reference?: string | null } = {}): FoundValue[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const reference = typeof options.reference === 'string' ? parseIsoDay(options.reference) : null;
  const { tokens, readings } = readValues(text);
  const dates = readings.filter((r) => r.value.kind === 'date');
  let d = 0;
  return readings.map((reading) => {
    if (reading.value.kind !== 'date') return toFoundValue(text, tokens, reading, null);
    const floor = d > 0 ? dates[d - 1]!.end : 0;
    const ceiling = d + 1 < dates.length ? dates[d + 1]!.first : tokens.length;
    d++;
    const resolver = reading.value.reading!;
    const future = resolver.tenseMatters && reference !== null && isFutureTense(tokens, reading.first, reading.end, floor, ceiling);
    return toFoundValue(text, tokens, reading, resolver.resolve(reference, future));
  });
}

function toFoundValue(text: string, tokens: readonly Token[], reading: Reading, days: [number, number] | null): FoundValue {
  const start = tokens[reading.first]!.start;
  const end = tokens[reading.end - 1]!.end;
  const v = reading.value;
  return {
    start,
    end,
    text: text.slice(start, end),
    kind: v.kind,
    low: days ? days[0] : v.low,
    high: days ? days[1] : v.high,
    unit: v.unit,
    qualifier: v.qualifier,
    aggregate: v.aggregate,
    relation: v.relation,
    date: days ? { from: isoDay(days[0]), to: isoDay(days[1]) } : null,
    weekday: v.weekday,
    tally: v.tally,
  };
}
