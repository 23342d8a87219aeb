// What the value parser reports: one value as printed, normalized to a closed interval.
import type { ValueKind } from '../../schema.ts';

export type Qualifier = 'about' | 'nearly' | 'more than' | 'less than' | 'at least' | 'at most';
export type Relation = 'before' | 'after' | 'ago' | 'since' | 'until';

export interface FoundValue {
  /** JS string offsets into the text given: text === input.slice(start, end). */
  start: number;
  end: number;
  /** Qualifier, number and unit as printed: "nearly six hours", "an hour before". */
  text: string;
  kind: ValueKind;
  /** Closed interval in `unit`; -Infinity / Infinity when unbounded. */
  low: number;
  high: number;
  /** duration, time: 'minute'; date: 'day' (since 1970-01-01 UTC); money: ISO 4217; percent: '%'; number: the counted noun or ''. */
  unit: string;
  qualifier: Qualifier | null;
  /** A total over several events: "10 collective hours", "in total". */
  aggregate: boolean;
  relation: Relation | null;
  /** Dates only: the ISO day range the expression covers, when resolved. */
  date: { from: string; to: string } | null;
  /** 0 = Sunday … 6 = Saturday, when the text names a weekday (kept even when unresolved). */
  weekday: number | null;
  /** Win-loss records only: the tally as printed ("52-3" → [52, 3]); low and high hold its sum. */
  tally: number[] | null;
}
