// What a value in a sentence stands for, beyond its number and unit: a level ("averaging 15.5
// points"), a change or margin ("a drop of five points", "five rounds sooner"), a rate's
// denominator ("eight hours a day"), a currency conversion ("$US1 million ($1.52 million)"), or a
// person's age tied to that person ("the 33-year-old Pukall"). Only values of one role compare.
import type { FoundValue } from './values/index.ts';
import type { Statement } from './statements.ts';

/** Dates have one more: `label` ("the June 20 shooting": which event is meant, compared only with labels). */
export type ValueRole = 'level' | 'change' | 'rate' | 'conversion' | 'label';

/** Words right before a number that make it a change or a margin, not a level. */
const CHANGE_BEFORE =
  /\b(?:drop|fall|decline|decrease|rise|increase|jump|gain|cut|reduction|growth|down|up|by|margin of|lead of)\s+(?:of\s+)?(?:almost|nearly|about|around|some|just|roughly|more than|over)?\s*$/i;
/** Comparatives right after the value: "five rounds sooner than", "three more points than". */
const CHANGE_AFTER = /^\s*(?:more|fewer|less|sooner|earlier|later|higher|lower|longer|shorter|faster|slower|bigger|smaller|larger|greater)\b(?!\s+(?:than\s+)?(?:ago|before|after))/i;
const COMPARATIVE_AFTER = /^\s*(?:more|fewer|less|sooner|higher|lower|longer|shorter|faster|slower|bigger|smaller|larger|greater)\s+than\b/i;
/** "a day", "per game": the denominator of a rate printed after another value. */
const RATE_WORDS = /^(?:a|an|per|each|every)\s/i;

export function valueRole(s: Statement, value: FoundValue, previous: FoundValue | undefined): ValueRole {
  const local = value.start - s.span.start;
  const before = s.text.slice(Math.max(0, local - 40), local);
  const after = s.text.slice(value.end - s.span.start, value.end - s.span.start + 30);
  if (previous && RATE_WORDS.test(value.text) && value.start - previous.end <= 2) return 'rate';
  if (previous && value.kind === 'money' && previous.kind === 'money' && /^\s*\(\s*$/.test(s.text.slice(previous.end - s.span.start, local))) return 'conversion';
  if (CHANGE_BEFORE.test(before)) return 'change';
  // "two days later" is a relation the parser reads; "five rounds sooner than" is a difference.
  if (value.relation === null && (COMPARATIVE_AFTER.test(after) || (value.kind === 'number' && CHANGE_AFTER.test(after)))) return 'change';
  return 'level';
}

/** An age's owner: the person named right after "the 33-year-old", or right before ", 33-year-old". */
export function ageOwner(s: Statement, value: FoundValue, people: ReadonlySet<string>): string | null {
  if (!value.unit.endsWith(' old')) return null;
  let best: { entity: string; distance: number } | null = null;
  for (const m of s.mentions) {
    if (!people.has(m.entity)) continue;
    const distance = m.start >= value.end ? m.start - value.end : value.start >= m.end ? value.start - m.end : 0;
    const between = m.start >= value.end ? s.text.slice(value.end - s.span.start, m.start - s.span.start) : s.text.slice(m.end - s.span.start, value.start - s.span.start);
    // Only lower-case words of a title may stand between: "the 41-year-old former champion Bowe".
    if (distance <= 30 && !/[.;:!?]|\p{Lu}/u.test(between) && (!best || distance < best.distance)) best = { entity: m.entity, distance };
  }
  return best?.entity ?? null;
}

/**
 * A win-loss record's owner: the one named right before it ("Bowe (43-1)", "Klitschko's record to
 * 52-3", "Cheeks compiled a mark of 122-147"), with only lower-case words between. A name the
 * entity reader missed counts by its last word, as one of `names` (last word → entity) when that
 * word names one entity only.
 */
export function recordOwner(s: Statement, value: FoundValue, names: ReadonlyMap<string, string | null>): string | null {
  let best: { entity: string; distance: number } | null = null;
  for (const m of s.mentions) {
    if (m.end > value.start) continue;
    const distance = value.start - m.end;
    const between = s.text.slice(m.end - s.span.start, value.start - s.span.start);
    if (distance <= 30 && !/[.;:!?]|\p{Lu}/u.test(between) && (!best || distance < best.distance)) best = { entity: m.entity, distance };
  }
  if (best) return best.entity;
  const printed = /(\p{Lu}\p{Ll}+)\s*[(,]\s*$/u.exec(s.text.slice(0, value.start - s.span.start))?.[1]?.toLowerCase();
  if (!printed) return null;
  return names.get(printed) ?? `name:${printed}`;
}

/** A figure in a record's stat line ("(52-3, 46 KOs)", "52-3 with 46 KOs") belongs to the record's owner. */
export function inStatLine(s: Statement, record: FoundValue | undefined, value: FoundValue): boolean {
  if (!record?.tally) return false;
  return /^\s*(?:,|with|and)\s*$/.test(s.text.slice(record.end - s.span.start, value.start - s.span.start));
}

/**
 * A rank's owner: the person named last before "is the fourth coach" in its sentence, when no
 * name the entity reader missed stands between (capitals outside other names, dates and a
 * relative clause).
 */
export function rankOwner(s: Statement, value: FoundValue, people: ReadonlySet<string>): string | null {
  let owner: { entity: string; end: number } | null = null;
  for (const m of s.mentions) if (m.end <= value.start && people.has(m.entity)) owner = { entity: m.entity, end: m.end };
  if (!owner) return null;
  const covered = [...s.mentions, ...s.values].filter((x) => x.start >= owner!.end && x.end <= value.start);
  let between = s.text.slice(owner.end - s.span.start, value.start - s.span.start);
  for (const x of covered.sort((p, q) => q.start - p.start)) between = between.slice(0, x.start - owner.end) + ' '.repeat(x.end - x.start) + between.slice(x.end - owner.end);
  // "Cheeks, who was fired by Portland, is the fourth coach": a relative clause says nothing of the rank
  between = between.replace(/,\s*(?:who|whose|which)\b[^,;:]*,/giu, ',');
  return /[:;]|\p{Lu}/u.test(between) ? null : owner.entity;
}
