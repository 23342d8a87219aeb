// Which days a date without a year means, given the document's date: "Monday" is the latest
// Monday on or before it (the next one in a sentence about the future), "February" the latest
// February, "June 19" the nearest June 19.
import { civil, dayNumber, isValidDate, monthRange, weekdayOf, yearRange } from './calendar.ts';
import type { DateReading } from './match.ts';

export type Modifier = 'last' | 'next' | 'this' | null;
export type Resolve = DateReading['resolve'];

/** How far to look for a year in which a day and month fall on the weekday printed beside them. */
const WEEKDAY_YEARS = 28;

export function fixed(range: [number, number]): Resolve {
  return () => range;
}

export function resolveWeekday(weekday: number, modifier: Modifier): Resolve {
  return (reference, future) => {
    if (reference === null) return null;
    const ahead = (weekday - weekdayOf(reference) + 7) % 7;
    const back = (weekdayOf(reference) - weekday + 7) % 7;
    let day: number;
    if (modifier === 'next') day = reference + (ahead || 7);
    else if (modifier === 'last') day = reference - (back || 7);
    // "this Friday": the Friday of the reference's own week, Monday to Sunday
    else if (modifier === 'this') day = reference - ((weekdayOf(reference) + 6) % 7) + ((weekday + 6) % 7);
    else day = future ? reference + ahead : reference - back;
    return [day, day];
  };
}

export function resolveMonth(month: number, modifier: Modifier): Resolve {
  return (reference, future) => {
    if (reference === null) return null;
    const { year, month: now } = civil(reference);
    let y: number;
    if (modifier === 'next') y = month > now ? year : year + 1;
    else if (modifier === 'last') y = month < now ? year : year - 1;
    else if (modifier === 'this') y = year;
    else if (future) y = month >= now ? year : year + 1;
    else y = month <= now ? year : year - 1;
    return monthRange(y, month);
  };
}

/**
 * A day and month without a year: the nearest such day, the next one in the future tense, or
 * the nearest that falls on `weekday`. `extra`: more days covered after it ("June 19-20").
 */
export function resolveMonthDay(month: number, day: number, weekday: number | null, extra = 0): Resolve {
  return (reference, future) => {
    if (reference === null) return null;
    const { year } = civil(reference);
    const reach = weekday === null ? 1 : WEEKDAY_YEARS;
    let best: number | null = null;
    for (let y = year - reach; y <= year + reach; y++) {
      if (!isValidDate(y, month, day)) continue;
      const d = dayNumber(y, month, day);
      if (weekday !== null && weekdayOf(d) !== weekday) continue;
      if (weekday === null && future && d < reference) continue;
      if (best === null || Math.abs(d - reference) < Math.abs(best - reference)) best = d;
    }
    return best === null ? null : [best, best + extra];
  };
}

export type Period = 'day' | 'week' | 'weekend' | 'month' | 'year';

/** "yesterday", "last week", "this month", "earlier this year": `offset` periods from the reference's own. */
export function resolveRelative(period: Period, offset: number, part: 'earlier' | 'later' | null): Resolve {
  return (reference) => {
    if (reference === null) return null;
    const range = periodAround(reference, period, offset);
    if (part === 'earlier') return [range[0], Math.min(range[1], reference)];
    if (part === 'later') return [Math.max(range[0], reference), range[1]];
    return range;
  };
}

function periodAround(reference: number, period: Period, offset: number): [number, number] {
  const { year, month } = civil(reference);
  switch (period) {
    case 'day':
      return [reference + offset, reference + offset];
    case 'week': {
      // weeks run Monday to Sunday
      const monday = reference - ((weekdayOf(reference) + 6) % 7) + 7 * offset;
      return [monday, monday + 6];
    }
    case 'weekend': {
      const saturday = reference - ((weekdayOf(reference) + 6) % 7) + 5 + 7 * offset;
      return [saturday, saturday + 1];
    }
    case 'month': {
      const index = year * 12 + (month - 1) + offset;
      return monthRange(Math.floor(index / 12), (index % 12) + 1);
    }
    case 'year':
      return yearRange(year + offset);
  }
}

/** "early", "mid", "late": the first, middle or last third of a range. */
export function narrow(resolve: Resolve, part: 'early' | 'mid' | 'late' | null): Resolve {
  if (!part) return resolve;
  return (reference, future) => {
    const range = resolve(reference, future);
    if (!range) return null;
    const [from, to] = range;
    const third = Math.floor((to - from + 1) / 3);
    if (third < 1) return range;
    if (part === 'early') return [from, from + third - 1];
    if (part === 'late') return [to - third + 1, to];
    return [from + third, to - third];
  };
}
