// Values that cannot all be true: two outlets (or one, twice) give a number, duration, time or
// date for the same thing, and the intervals their wording allows do not overlap.
//
// "The same thing" is decided per value, from its frame: the entities and event words next to it
// (the part of the sentence between the neighbouring values), the day the sentence is about, and
// whether its sentence was aligned with the other's as one fact. The weaker that evidence, the
// closer two values must be to be compared at all: a 35-minute meeting and a three-hour meeting in
// loosely similar sentences are two meetings, not a contradiction. A false alarm costs trust.
import type { DisagreementKind, Entity, FoundDisagreement, FoundVariant, Message, Span } from '../schema.ts';
import type { FoundValue } from './values/index.ts';
import type { Statement } from './statements.ts';
import { contentTerm } from './statements.ts';
import { firstStartingAt, type OffsetRange } from '../text/ranges.ts';
import { DisjointSets } from '../util/disjoint-sets.ts';
import { pushTo } from '../util/multimap.ts';
import { ageOwner, inStatLine, rankOwner, recordOwner, valueRole, type ValueRole } from './value-role.ts';
import { ORDINAL_UNIT } from './values/ordinals.ts';
import { relatedness } from './lexicon/relatedness.ts';

/** Words that name a unit, not what is measured. */
const UNIT_WORDS = new Set([
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'year',
  'decade',
  'percent',
  'dollar',
  'euro',
  'pound',
  'yuan',
  'yen',
  'million',
  'billion',
  'trillion',
  'dozen',
  'hundred',
  'thousand',
]);

/** Event words this related name one event: derivations ("deliberated"/"deliberation") and pertainyms. */
const SAME_EVENT_WORD = 0.85;
/** Two values further apart than this factor are taken to measure different things. */
const MAX_RATIO = 3;
/**
 * Pairs of values examined per brief at most. Real stories stay far below it (the seeds: a few
 * hundred); a flood of equal values (a 1 MB page repeating one sentence) would otherwise cost
 * quadratic time and memory. Past it, the remaining pairs are not compared.
 */
export const MAX_VALUE_PAIRS = 1_000_000;

export interface ValueFrame {
  statement: Statement;
  value: FoundValue;
  fact: number;
  /** People and organizations named next to the value, outside quotation marks. */
  participants: Set<string>;
  places: Set<string>;
  /** Content words next to the value (canonical), with the word as printed; units left out. */
  events: Map<string, string>;
  /** Days the sentence is about (other date values in it). */
  days: FoundValue[];
  /** The only value of its kind in the sentence (dates: the only day). */
  single: boolean;
  /** A level, or a change/margin: only values of one role compare. */
  role: ValueRole;
  /** Ages: the person the age belongs to, when named beside it; records and their stat lines, and ranks: who they are of. */
  owner: string | null;
  /** Records, their stat lines and ranks ("the fourth coach") are one fact per owner. */
  ownedFact: boolean;
}

export interface ValueDisagreementInput {
  statements: readonly Statement[];
  /** Fact group of each statement. */
  factOf: readonly number[];
  factIds: readonly string[];
  entities: readonly Entity[];
  /** Direct and partial quotes: names inside them are what someone said, not who took part. */
  quoteSpans: readonly Span[];
  /** Told when a limit cut the comparison short. */
  onLimit?: (message: Message) => void;
}

export function valueDisagreements(input: ValueDisagreementInput): FoundDisagreement[] {
  const frames = valueFrames(input);
  const names = new Map(input.entities.map((e) => [e.id, e.name]));
  // Comparable pairs, agreeing or not, in (i, j) order.
  const components = new DisjointSets(frames.length);
  const conflicts: [number, number][] = [];
  const comparable: [number, number][] = [];
  const candidates = candidatePairs(frames);
  if (candidates.length >= MAX_VALUE_PAIRS)
    input.onLimit?.({
      rule: 'value-pairs-cap',
      severity: 'warning',
      reason: `more than ${MAX_VALUE_PAIRS.toLocaleString('en-US')} pairs of values to compare: the comparison stopped there, so some disagreements may be missing`,
    });
  for (const [i, j] of candidates) {
    const a = frames[i]!;
    const b = frames[j]!;
    if (a.statement === b.statement || !sameThing(a, b)) continue;
    comparable.push([i, j]);
    components.union(i, j);
    // A conflict needs two reports: one writer giving two figures almost always means two things
    // (a past quake's toll beside this one's). Same-report values still join the variants below.
    if (!overlaps(a.value, b.value) && a.statement.doc !== b.statement.doc && !statesBoth(a, b) && !statesBoth(b, a)) conflicts.push([i, j]);
  }
  if (!conflicts.length) return [];

  const out: FoundDisagreement[] = [];
  const byComponent = new Map<number, [number, number][]>();
  for (const pair of conflicts) pushTo(byComponent, components.find(pair[0]), pair);
  const comparableByComponent = new Map<number, [number, number][]>();
  for (const pair of comparable) if (byComponent.has(components.find(pair[0]))) pushTo(comparableByComponent, components.find(pair[0]), pair);
  for (const [root, pairs] of byComponent) {
    // Values in a conflict, and values directly agreeing with one of them.
    const involved = new Set(pairs.flat());
    for (const [i, j] of comparableByComponent.get(root)!) {
      if (involved.has(i) && overlaps(frames[i]!.value, frames[j]!.value)) involved.add(j);
      else if (involved.has(j) && overlaps(frames[i]!.value, frames[j]!.value)) involved.add(i);
    }
    // A value that agrees with both sides of a conflict ("more than 30 hours" beside 30 and 40) takes neither.
    const sides = pairs.map(([i, j]) => [frames[i]!.value, frames[j]!.value] as const);
    const members = [...involved]
      .filter((k) => !sides.some(([x, y]) => overlaps(frames[k]!.value, x) && overlaps(frames[k]!.value, y)))
      .map((i) => frames[i]!)
      .sort((a, b) => a.value.low - b.value.low || a.value.high - b.value.high || (a.value.weekday ?? -1) - (b.value.weekday ?? -1) || String(a.value.tally).localeCompare(String(b.value.tally)));
    const variants = variantGroups(members);
    if (variants.length < 2) continue;
    const first = members.reduce((best, f) => (f.statement.position < best.statement.position ? f : best), members[0]!);
    const docsPerVariant = variants.map((g) => new Set(g.map((f) => f.statement.doc)));
    const withinDocument = [...new Set(members.map((f) => f.statement.doc))].some((d) => docsPerVariant.filter((set) => set.has(d)).length > 1);
    const facts = members.map((f) => f.fact);
    const commonFact = mostCommon(facts);
    out.push({
      id: '',
      about: about(first, members, names),
      kind: kindOf(first.value),
      fact: commonFact !== null && facts.filter((f) => f === commonFact).length >= 2 ? input.factIds[commonFact]! : null,
      withinDocument,
      context: [...new Map(members.map((f) => [f.statement.index, f.statement.span])).values()],
      variants: variants
        .map((group): FoundVariant => {
          const ordered = [...group].sort((a, b) => a.statement.index - b.statement.index);
          const v = ordered[0]!.value;
          return {
            value: v.text,
            normalized: { low: finite(v.low), high: finite(v.high), unit: v.unit },
            support: ordered.map((f) => ({ doc: f.statement.doc, start: f.value.start, end: f.value.end })),
            outlets: [...new Set(ordered.map((f) => f.statement.outlet))],
          };
        })
        .sort((a, b) => b.outlets.length - a.outlets.length || b.support.length - a.support.length),
    });
  }
  return out;
}

/** Each comparable value with what it is about (see ValueFrame). */
export function valueFrames(input: ValueDisagreementInput): ValueFrame[] {
  const placeIds = new Set(input.entities.filter((e) => e.type === 'place').map((e) => e.id));
  const people = new Set(input.entities.filter((e) => e.type === 'person').map((e) => e.id));
  // Last word of each name → its entity (null when two share it): for names the reader missed.
  const byLastWord = new Map<string, string | null>();
  for (const e of input.entities) {
    const last = e.name.toLowerCase().split(/\s+/).pop()!;
    byLastWord.set(last, byLastWord.has(last) && byLastWord.get(last) !== e.id ? null : e.id);
  }
  const quotesByDoc = new Map<string, QuoteIndex>();
  const spansByDoc = new Map<string, OffsetRange[]>();
  for (const q of input.quoteSpans) pushTo(spansByDoc, q.doc, q);
  for (const [doc, spans] of spansByDoc) quotesByDoc.set(doc, quoteIndex(spans));

  const frames: ValueFrame[] = [];
  for (const s of input.statements) {
    const measured = s.values.filter((v) => v.kind !== 'date');
    const days = s.values.filter((v) => v.kind === 'date' && v.relation === null);
    // Only the quotes this sentence overlaps (a document may hold thousands).
    const index = quotesByDoc.get(s.doc);
    const quotes = index ? quotesOverlapping(index, s.span) : [];
    for (const value of s.values) {
      if (value.kind === 'number' && value.unit === '') continue; // nothing counted: nothing to compare
      if (value.kind === 'date' && value.relation !== null) continue;
      // When words were said ("police said Friday") is not when the event happened; who said
      // what when is too loose a frame to compare.
      if (value.kind === 'date' && datesTheSaying(s, value)) continue;
      const label = value.kind === 'date' && namesAnEvent(s, value);
      // A year names one of a recurring event's editions ("the 2007 Oscars", "2014 Oscars"): two
      // years are two editions, never a disagreement. A day names a one-off ("the June 20 shooting").
      if (label && coarse(value)) continue;
      const role = value.kind === 'date' ? (label ? 'label' : 'level') : valueRole(s, value, measured[measured.indexOf(value) - 1]);
      // A rate's denominator and a converted figure restate another value: nothing of their own.
      if (role === 'rate' || role === 'conversion') continue;
      const neighbours = value.kind === 'date' ? days : measured;
      const k = neighbours.indexOf(value);
      const from = k > 0 ? neighbours[k - 1]!.end : s.span.start;
      const to = k >= 0 && k + 1 < neighbours.length ? neighbours[k + 1]!.start : s.span.end;
      const participants = new Set<string>();
      const places = new Set<string>();
      for (const m of s.mentions) {
        if (m.start < from || m.end > to || quotes.some((q) => m.start >= q.start && m.end <= q.end)) continue;
        (placeIds.has(m.entity) ? places : participants).add(m.entity);
      }
      const events = new Map<string, string>();
      for (const t of s.tokens) {
        if (t.start < from || t.end > to || quotes.some((q) => t.start >= q.start && t.end <= q.end)) continue;
        if ((t.start >= value.start && t.end <= value.end) || (t.pos !== 'NOUN' && t.pos !== 'VERB') || s.mentions.some((m) => t.start >= m.start && t.end <= m.end)) continue;
        const term = contentTerm(t);
        if (term !== null && !UNIT_WORDS.has(term) && !events.has(term)) events.set(term, t.text);
      }
      const previous = k > 0 ? neighbours[k - 1] : undefined;
      const ranked = value.unit.startsWith(ORDINAL_UNIT);
      const ownedFact = value.tally !== null || ranked || inStatLine(s, previous, value);
      const owner = value.tally ? recordOwner(s, value, byLastWord) : ranked ? rankOwner(s, value, people) : ownedFact ? recordOwner(s, previous!, byLastWord) : ageOwner(s, value, people);
      frames.push({
        statement: s,
        value,
        fact: input.factOf[s.index]!,
        participants,
        places,
        events,
        days: value.kind === 'date' ? [] : days,
        single: neighbours.length === 1,
        role,
        owner,
        ownedFact,
      });
    }
  }
  return frames;
}

/**
 * The pairs `sameThing` may accept, as (i, j) with i < j, sorted: values of one measure (kind,
 * unit, relation, total or not); days only within one fact and only a sentence's single day;
 * other values only within MAX_RATIO of each other (found by a sweep over the sorted values,
 * so a long story does not compare every pair; values below zero sort first and never reach
 * those above). At most MAX_VALUE_PAIRS.
 */
function candidatePairs(frames: readonly ValueFrame[]): [number, number][] {
  const groups = new Map<string, number[]>();
  frames.forEach((f, i) => {
    const v = f.value;
    if (v.kind === 'date' && !f.single) return;
    if (v.kind !== 'date' && !(representative(v) !== 0 && Number.isFinite(representative(v)))) return;
    const measure = `${v.kind}|${v.unit}|${v.relation}|${v.aggregate}|${f.role}`;
    pushTo(groups, v.kind === 'date' ? `${measure}|${f.fact}` : measure, i);
  });
  const pairs: [number, number][] = [];
  for (const group of groups.values()) {
    if (frames[group[0]!]!.value.kind !== 'date') group.sort((x, y) => representative(frames[x]!.value) - representative(frames[y]!.value) || x - y);
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const i = group[x]!;
        const j = group[y]!;
        if (ratio(frames[i]!.value, frames[j]!.value) > MAX_RATIO && frames[i]!.value.kind !== 'date') break; // sorted: all further ones are further apart
        if (pairs.length >= MAX_VALUE_PAIRS) return sortPairs(pairs);
        pairs.push(i < j ? [i, j] : [j, i]);
      }
    }
  }
  return sortPairs(pairs);
}

interface QuoteIndex {
  /** Sorted by start. */
  spans: OffsetRange[];
  /** maxEnd[k]: the furthest end among spans[0..k]. */
  maxEnd: number[];
}

function quoteIndex(spans: OffsetRange[]): QuoteIndex {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  sorted.forEach((q, k) => maxEnd.push(Math.max(q.end, k ? maxEnd[k - 1]! : -Infinity)));
  return { spans: sorted, maxEnd };
}

function quotesOverlapping(index: QuoteIndex, range: OffsetRange): OffsetRange[] {
  const out: OffsetRange[] = [];
  // Spans starting before the range ends, walked back while one of them may still reach into it.
  for (let k = firstStartingAt(index.spans, range.end) - 1; k >= 0 && index.maxEnd[k]! > range.start; k--) {
    if (index.spans[k]!.end > range.start) out.push(index.spans[k]!);
  }
  return out;
}

function sortPairs(pairs: [number, number][]): [number, number][] {
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/**
 * `a`'s sentence also spans a time in another unit that agrees with `b` ("for 40 hours over four
 * days"): the report gives both, so they measure different things (hours worked, days elapsed).
 */
function statesBoth(a: ValueFrame, b: ValueFrame): boolean {
  if (a.value.kind !== 'duration') return false;
  const unitWord = (v: FoundValue) =>
    v.text
      .toLowerCase()
      .match(/[a-z]+$/)?.[0]
      ?.replace(/s$/, '') ?? '';
  return a.statement.values.some((v) => v !== a.value && v.kind === 'duration' && unitWord(v) !== unitWord(a.value) && overlaps(v, b.value));
}

/** Whether two values are about the same thing (see the module comment). */
function sameThing(a: ValueFrame, b: ValueFrame): boolean {
  return whyDifferent(a, b) === null;
}

/** Why two values are taken to be about different things, or null when they are compared. */
export function whyDifferent(a: ValueFrame, b: ValueFrame): string | null {
  const sa = a.statement;
  const sb = b.statement;
  if (a.days.length && b.days.length && !a.days.some((x) => b.days.some((y) => sameDay(x, y)))) return 'different days';
  // Each names someone the other's sentence does not: different events.
  const extraA = [...a.participants].filter((e) => !sb.entities.has(e));
  const extraB = [...b.participants].filter((e) => !sa.entities.has(e));
  if (extraA.length && extraB.length) return 'different participants';
  const placesA = [...a.places].filter((e) => !sb.entities.has(e));
  const placesB = [...b.places].filter((e) => !sa.entities.has(e));
  if (placesA.length && placesB.length) return 'different places';
  // Two people's ages are two facts, and an age without its person says too little; so are records.
  if (a.value.unit.endsWith(' old') && (a.owner === null || a.owner !== b.owner)) return 'ages of different or unnamed people';
  if ((a.value.tally || a.value.unit.startsWith(ORDINAL_UNIT)) && (a.owner === null || a.owner !== b.owner)) return 'records or ranks of different or unnamed owners';
  if (a.owner !== null && b.owner !== null && a.owner !== b.owner) return 'different owners';
  const sameFact = a.fact === b.fact;
  // A day is compared only inside one aligned fact, only when each sentence gives one day, and
  // only with a date as fine: "a 2012 car crash" tells nothing about the Thursday of the story.
  if (a.value.kind === 'date') {
    if (!sameFact) return 'days outside one fact';
    if (!a.single || !b.single) return 'not the only day of its sentence';
    return coarse(a.value) === coarse(b.value) ? null : 'dates of different grain';
  }
  // Outlets misreport by a little, not by an order of magnitude: values far apart measure different things.
  if (!(ratio(a.value, b.value) <= MAX_RATIO)) return 'too far apart';
  // One named owner's record (and the figures of its stat line), or rank, is one fact of the story.
  if (a.ownedFact && b.ownedFact && a.owner !== null && a.owner === b.owner) return null;
  const sharedEvent = [...a.events.keys()].some((e) => b.events.has(e) || [...b.events.keys()].some((f) => relatedness(e, f) >= SAME_EVENT_WORD));
  const sharedParticipant = [...a.participants].some((e) => b.participants.has(e));
  return sharedEvent || (sameFact && sharedParticipant) ? null : 'no shared event word';
}

/** Verbs that attribute words, after which a day dates the words: "a prosecutor said Friday". */
const SAYING_VERBS = new Set(['say', 'tell', 'add', 'note', 'explain', 'comment', 'state', 'write']);

/**
 * A day right after a verb of saying ("police said Friday", "told reporters on Tuesday" is not
 * read: the listener stands between) is when the words were said, not when the event happened.
 */
function datesTheSaying(s: Statement, value: FoundValue): boolean {
  const tokens = s.tokens;
  const at = firstStartingAt(tokens, value.start);
  if (at === tokens.length) return false;
  let k = at - 1;
  if (k >= 0 && tokens[k]!.text.toLowerCase() === 'on') k--;
  const verb = tokens[k];
  return verb !== undefined && verb.pos === 'VERB' && SAYING_VERBS.has(verb.lemma.toLowerCase());
}

/**
 * A date between "the" and a noun ("the June 20 shooting", "the 2007 Oscars"), or a year right
 * before one, names which event is meant, often an earlier one; it does not say when the story's
 * event happened.
 */
function namesAnEvent(s: Statement, value: FoundValue): boolean {
  const tokens = s.tokens;
  const k = firstStartingAt(tokens, value.start);
  const noun = tokens[firstStartingAt(tokens, value.end)]?.pos;
  if (noun !== 'NOUN' && noun !== 'PROPN') return false;
  // A bare year before a noun is its label too: "host 2014 Oscars", "his 2016 campaign".
  return (k > 0 && tokens[k - 1]!.text.toLowerCase() === 'the') || /^\d{4}$/.test(value.text);
}

function sameDay(a: FoundValue, b: FoundValue): boolean {
  if (a.date && b.date) return a.date.from <= b.date.to && b.date.from <= a.date.to;
  if (a.weekday !== null && b.weekday !== null) return a.weekday === b.weekday;
  return true; // one of them unresolved: no evidence of different days
}

/** A date spanning more than a month (a year, a season): another grain than a day or a week. */
function coarse(v: FoundValue): boolean {
  return v.high - v.low > 31;
}

export function overlaps(a: FoundValue, b: FoundValue): boolean {
  if (a.tally && b.tally) return a.tally.join('-') === b.tally.join('-');
  // Two reports printing the same weekday or month name mean the same day: where their
  // resolutions differ it is the tense reading that differs ("meet Thursday"), not the reports.
  if (a.kind === 'date' && b.kind === 'date' && a.text.toLowerCase() === b.text.toLowerCase()) return true;
  if (a.kind === 'date' && b.kind === 'date' && a.weekday !== null && a.weekday === b.weekday) return true;
  if (a.kind === 'date' && b.kind === 'date' && (aroundMidnight(a, b) || aroundMidnight(b, a))) return true;
  // Undated reports leave weekdays unresolved: two different weekday names are still two days.
  if (a.kind === 'date' && b.kind === 'date' && a.weekday !== null && b.weekday !== null && !(Number.isFinite(a.low) && Number.isFinite(b.low))) return false;
  return a.low <= b.high && b.low <= a.high;
}

/**
 * "Early Friday" and "(late) Thursday" may be one night: an event in the small hours is often
 * dated by the evening before it.
 */
function aroundMidnight(late: FoundValue, early: FoundValue): boolean {
  if (/^early\b/i.test(late.text) || !/^early\b/i.test(early.text)) return false;
  if (late.weekday !== null && early.weekday !== null) return early.weekday === (late.weekday + 1) % 7;
  return early.low === late.high + 1;
}

function ratio(a: FoundValue, b: FoundValue): number {
  // Below zero ("minus 17 degrees") compares by size with values of its own sign only.
  const sign = Math.sign(representative(a));
  const x = sign * representative(a);
  const y = sign * representative(b);
  if (!(x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y))) return Infinity;
  return Math.max(x, y) / Math.min(x, y);
}

function representative(v: FoundValue): number {
  if (Number.isFinite(v.low) && Number.isFinite(v.high)) return (v.low + v.high) / 2;
  return Number.isFinite(v.low) ? v.low : v.high;
}

/** Values whose intervals overlap a common point, as variants: sorted by low, swept. */
function variantGroups(sorted: ValueFrame[]): ValueFrame[][] {
  const groups: ValueFrame[][] = [];
  let current: ValueFrame[] = [];
  let low = -Infinity;
  let high = Infinity;
  for (const f of sorted) {
    // Records of one sum may still differ ("52-4", "53-3"): a tally joins only its equal; so may
    // the unresolved weekdays of undated reports.
    const apart = (f.value.tally !== null || f.value.kind === 'date') && current.length > 0 && !overlaps(current[0]!.value, f.value);
    if (current.length && !apart && f.value.low <= high && f.value.high >= low) {
      current.push(f);
      low = Math.max(low, f.value.low);
      high = Math.min(high, f.value.high);
      continue;
    }
    if (current.length) groups.push(current);
    current = [f];
    low = f.value.low;
    high = f.value.high;
  }
  if (current.length) groups.push(current);
  return groups;
}

function kindOf(v: FoundValue): DisagreementKind {
  if (v.kind === 'money' || v.kind === 'percent') return 'number';
  return v.kind;
}

const ASKS: Record<FoundValue['kind'], string> = {
  duration: 'How long',
  time: 'When',
  date: 'On what day',
  number: 'How many',
  money: 'How much',
  percent: 'What share',
};

/** "How long: “met” — Antony Blinken, Qin Gang": the question the variants answer, in the sources' words. */
function about(first: ValueFrame, members: ValueFrame[], names: Map<string, string>): string {
  // The event word most of the sentences share, as the first of them prints it.
  const counts = new Map<string, number>();
  for (const m of members) for (const term of m.events.keys()) counts.set(term, (counts.get(term) ?? 0) + 1);
  const term = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const event = term === undefined ? undefined : members.find((m) => m.events.has(term))!.events.get(term);
  const who = new Set<string>();
  for (const m of members) for (const e of m.participants) who.add(names.get(e) ?? e);
  const unit = first.value.kind === 'number' ? ` ${first.value.unit.endsWith('s') ? first.value.unit : `${first.value.unit}s`}` : '';
  const relation = first.value.relation ? ` (${first.value.relation})` : '';
  const ranked = first.value.unit.startsWith(ORDINAL_UNIT) ? `Which ${first.value.unit.slice(ORDINAL_UNIT.length)} in order` : null;
  const parts = [first.value.tally ? 'What record' : (ranked ?? `${ASKS[first.value.kind]}${unit}${relation}`)];
  if (event) parts.push(`“${event}”`);
  const subject = [...who].slice(0, 4).join(', ');
  return subject ? `${parts.join(': ')} — ${subject}` : parts.join(': ');
}

function mostCommon(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, c] of counts) if (best === null || c > counts.get(best)!) best = v;
  return best;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
