// What a matcher reports for the tokens it read, before offsets and dates are filled in.
import type { FoundValue } from './found-value.ts';
import type { Token } from './tokens.ts';

/** A date as printed, resolved later against the document's date and the sentence's tense. */
export interface DateReading {
  /** The day range meant, given the reference day (null: none) and whether the sentence speaks of the future. */
  resolve(reference: number | null, future: boolean): [number, number] | null;
  weekday: number | null;
  /** The tense of the sentence picks the day ("on Monday", "in February"). */
  tenseMatters: boolean;
  /** Day, month and year all printed: a candidate for the document's own date. */
  full: boolean;
  /** Month and day printed without a year, with the weekday named beside them or null. */
  monthDay: { month: number; day: number } | null;
}

export type ValueDraft = Omit<FoundValue, 'start' | 'end' | 'text' | 'date'> & { reading: DateReading | null };

/** Tokens [first, end) read as one value, or read only to be skipped (`value` null: "G20", a phone number). */
export interface Match {
  end: number;
  value: ValueDraft | null;
}

export type Matcher = (tokens: readonly Token[], i: number) => Match | null;

/** A draft with the fields most kinds leave empty. */
export function draft(fields: Pick<ValueDraft, 'kind' | 'low' | 'high' | 'unit'> & Partial<ValueDraft>): ValueDraft {
  return {
    kind: fields.kind,
    low: fields.low,
    high: fields.high,
    unit: fields.unit,
    qualifier: fields.qualifier ?? null,
    aggregate: fields.aggregate ?? false,
    relation: fields.relation ?? null,
    weekday: fields.weekday ?? null,
    tally: fields.tally ?? null,
    reading: fields.reading ?? null,
  };
}

/** A date read at some tokens: where it ends and how to resolve it. */
export interface DateCore {
  end: number;
  reading: DateReading;
}

export function dateReading(resolve: DateReading['resolve'], fields: Partial<Omit<DateReading, 'resolve'>> = {}): DateReading {
  return { resolve, weekday: null, tenseMatters: false, full: false, monthDay: null, ...fields };
}

/** How strongly the words before a month named alone make it a date: "since February" (strong), "to June" (loose). */
export type Context = 'strong' | 'loose' | 'none';
