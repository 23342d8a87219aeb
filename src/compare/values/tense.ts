// Whether the clause around a date speaks of the future ("Blinken will meet Xi on Monday"),
// which makes "Monday" the next Monday rather than the last one.
import { isMark, longestPhrase, phraseTable, type Token } from './tokens.ts';

const MARKERS = phraseTable(
  [
    'will',
    'shall',
    '’ll',
    "'ll",
    'won’t',
    "won't",
    'upcoming',
    'is expected to',
    'are expected to',
    'is due',
    'are due',
    'plans to',
    'plan to',
    'planning to',
    'is scheduled',
    'are scheduled',
    'is set to',
    'are set to',
    'is going to',
    'are going to',
    'hopes to',
    'intends to',
    'expects to',
    'might',
  ].map((p) => [p, true]),
);

/** Past-tense reporting verbs: a day right after one dates the saying, never the future. */
const SAID = new Set(['said', 'told', 'announced', 'added', 'confirmed', 'reported', 'stated', 'wrote', 'testified', 'tweeted', 'posted']);

/** How far a clause is read either side of the date, in tokens. */
const REACH = 30;
/** Words that may stand before a date that opens its sentence ("On Monday, Blinken will …"): its verb comes after. */
const OPENERS = new Set(['on', 'by', 'in', 'earlier', 'later', 'early', 'late', 'since', 'until', 'from', 'starting', 'as', 'of', '"', '“', "'", '‘']);

/** A sentence ends at a full stop, "!" or "?" before a gap, or at a line break. */
function endsSentence(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1];
  return !!next && (next.newline || (isMark(tokens, k, '.!?') && next.gap));
}

/**
 * Whether the clause of the date at tokens [first, end) is in the future tense. The words
 * before it count back to the sentence start or the previous date (`floor`); the words after
 * it count only when the date opens the sentence, up to the next date (`ceiling`).
 */
export function isFutureTense(tokens: readonly Token[], first: number, end: number, floor: number, ceiling: number): boolean {
  // "officials said Tuesday that the bridge will stay closed": the day is when it was said.
  if (SAID.has(tokens[first - 1]?.lower ?? '')) return false;
  let start = first;
  while (start > Math.max(floor, first - REACH) && !endsSentence(tokens, start - 1)) start--;
  if (hasMarker(tokens, start, first)) return true;
  for (let k = start; k < first; k++) if (!OPENERS.has(tokens[k]!.lower)) return false;
  let stop = end;
  while (stop < Math.min(ceiling, end + REACH) && !endsSentence(tokens, stop - 1)) stop++;
  return hasMarker(tokens, end, stop);
}

function hasMarker(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const marker = longestPhrase(tokens, k, MARKERS);
    if (marker && marker.end <= to && !isNounPlan(tokens, k)) return true;
  }
  return false;
}

/** Words before "plans" that make it a noun: "his initial plans to travel were postponed" is not the future. */
const NOUN_MAKERS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your', 'the', 'a', 'initial', 'original', 'earlier', 'previous', 'new', 'those', 'these', 'such']);

function isNounPlan(tokens: readonly Token[], k: number): boolean {
  return (tokens[k]!.lower === 'plans' || tokens[k]!.lower === 'plan') && NOUN_MAKERS.has(tokens[k - 1]?.lower ?? '');
}
