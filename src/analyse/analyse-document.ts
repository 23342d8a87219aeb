// One cleaned document → its people, organizations, places and quotes, each with spans.
import type { CleanDocument, Entity, Quote, QuoteKind, Span, Turn } from '../schema.ts';
import { titleCaseName } from '../clean/transcript.ts';
import { groupMentions, type LocalEntity, type MentionEvidence } from './local-entities.ts';
import { findNameMentions, type NameMention, type TextRange } from './mentions.ts';
import { AttributionReader, namesAWork, type Attribution } from './quotes/attribution.ts';
import { findQuotations, type Quotation } from './quotes/quotation-marks.ts';
import { mergeRoles, rolesAround } from './roles.ts';
import { SpeakerResolver, type ResolvedSpeaker } from './speakers.ts';
import { PackedText, tokenize } from './tokens.ts';
import { takeHeldReadings } from '../text/nlp.ts';
import type { OffsetRange } from '../text/ranges.ts';
import { givenNameGender } from './vocabulary/given-names.ts';

/** One document's people, organizations, places and quotes; ids are local to the document. */
export interface DocumentAnalysis {
  doc: string;
  entities: Entity[];
  quotes: Quote[];
  /** Capitalised names with no evidence of what they are here; another document may confirm them. */
  unconfirmed: Entity[];
  /** The tokenized passages (body and headlines), so later stages do not tag the text again. */
  text?: PackedText;
}

/** Words before a name that say it is a place: "in Lokaria", "near Harrow Creek". */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'around', 'into', 'throughout', 'toward', 'towards', 'via']);

/** Transcript labels for people the transcript does not name. */
const UNNAMED_LABEL = /^(?:UNIDENTIFIED|UNKNOWN|CROWD|GROUP|AUDIENCE|MULTIPLE|SEVERAL|VARIOUS)\b/;

/** Characters between the halves of a split quote ("…," he told reporters at the hall, "…"). */
const SPLIT_QUOTE_GAP = 80;

/** Fewer words than this, starting in lower case or not introduced by a cue: a partial quote. */
const MIN_DIRECT_QUOTE_WORDS = 4;

export type AnalysableDocument = Pick<CleanDocument, 'id' | 'original' | 'body'> & Partial<Pick<CleanDocument, 'turns' | 'removed' | 'meta'>>;

export function analyseDocument(doc: AnalysableDocument): DocumentAnalysis {
  const { original } = doc;
  const turns = doc.turns ?? [];
  // A paragraph that opens a transcript turn is read from after its "NAME, ROLE:" label.
  const labelEnds = new Map(turns.map((t) => [t.label.start, t.span.start]));
  const passages: OffsetRange[] = [...headlines(doc), ...doc.body.map((b) => ({ start: labelEnds.get(b.start) ?? b.start, end: b.end }))].sort((a, b) => a.start - b.start);
  const { turnOfPassage, lastPassageOfTurn } = passageTurns(passages, turns);

  const text = tokenize(original, passages, takeHeldReadings(doc));
  // A quoted title ("on “Fox News Sunday”") is no quotation: the words around it are read as if unquoted.
  const quotations = findQuotations(original, passages).filter((q) => !namesAWork(text, q));
  const mentions = findNameMentions(text);
  const labelMentions = turns.map((t) => labelMention(original, t));
  const allMentions = [...mentions, ...labelMentions.filter((m): m is NameMention => m !== null)].sort((a, b) => a.start - b.start);

  const reader = new AttributionReader(text, allMentions, quotations);
  const attributions: Attribution[] = quotations.map((q, i) => reader.attribute(q, quotations[i - 1]));
  // Places and organizations have no roles; an apposition after one is something else.
  // Every transcript speaker speaks; other names speak when a cue says so (below).
  const evidence: MentionEvidence[] = allMentions.map((m) => ({
    speaker: m.label,
    roles: m.label || m.firstToken < 0 || (m.type !== null && m.type !== 'person') ? [] : rolesAround(text, m),
    placeCue: m.runStart > 0 && PLACE_PREPOSITIONS.has(text.tokens[m.runStart - 1]!.text.toLowerCase()),
  }));
  for (const a of attributions) if (a.speaker?.kind === 'mention') evidence[a.speaker.mention]!.speaker = true;

  const { entities, entityOf } = groupMentions(allMentions, evidence);
  const indexOfMention = new Map(allMentions.map((m, i) => [m, i]));
  const labelEntity = labelMentions.map((m) => (m ? (entityOf[indexOfMention.get(m)!] ?? null) : null));
  const turnSpeakerAt = (token: number): number | null => {
    const turn = turnOfPassage[text.tokens[token]?.passage ?? -1];
    return turn === undefined || turn === null ? null : (labelEntity[turn] ?? null);
  };
  const resolver = new SpeakerResolver(text, allMentions, entities, entityOf, reader, turnSpeakerAt);

  const quotes: { quote: Omit<Quote, 'id' | 'speaker' | 'speakerName'>; speaker: ResolvedSpeaker }[] = [];
  let previous: ResolvedSpeaker | null = null;
  quotations.forEach((q, i) => {
    const a = attributions[i]!;
    const speaker = a.speaker ? resolver.resolve(a.speaker, previous) : { entity: null, printed: null, span: null };
    // "“…,” she said. “…”": the next quote goes on in the same voice, even one no name resolves.
    previous = speaker.entity !== null || speaker.printed || speaker.span ? speaker : null;
    quotes.push({
      quote: {
        text: original.slice(q.start, q.end),
        kind: quoteKind(original, passages[q.passage]!, q, a, quotations[i - 1]),
        span: { doc: doc.id, start: q.start, end: q.end },
        speakerSpan: speaker.span ? { doc: doc.id, ...speaker.span } : null,
        cue: a.cue ? { doc: doc.id, start: a.cue.start, end: a.cue.end } : null,
      },
      speaker,
    });
  });
  turns.forEach((turn, t) => {
    const label = labelMentions[t];
    const last = lastPassageOfTurn[t];
    const span = { doc: doc.id, start: turn.span.start, end: Math.max(turn.span.end, last?.end ?? 0) };
    quotes.push({
      quote: { text: original.slice(span.start, span.end), kind: 'turn', span, speakerSpan: label ? { doc: doc.id, start: label.start, end: label.end } : null, cue: turn.label },
      speaker: { entity: labelEntity[t] ?? null, printed: label ? null : titleCaseName(turn.speaker), span: null },
    });
  });
  quotes.sort((a, b) => a.quote.span.start - b.quote.span.start);

  // Entities that speak are confirmed people even when nothing else says so.
  for (const q of quotes) if (q.speaker.entity !== null) entities[q.speaker.entity]!.confirmed = true;
  const built = entities.map((e, i) => toEntity(doc.id, `${doc.id}:e${i + 1}`, e, allMentions));
  return {
    doc: doc.id,
    text: new PackedText(text),
    entities: built.filter((_, i) => entities[i]!.confirmed),
    unconfirmed: built.filter((_, i) => !entities[i]!.confirmed),
    quotes: quotes.map(({ quote, speaker }, i) => {
      // Speakers are confirmed above, so their entity is always among `entities`.
      const entity = speaker.entity === null ? undefined : built[speaker.entity];
      return { id: `${doc.id}:q${i + 1}`, ...quote, speaker: entity?.id ?? null, speakerName: entity ? entity.name : speaker.printed };
    }),
  };
}

/** Plain text (e.g. an evaluation article): every non-empty line is a paragraph; no cleaning. */
export function analyseText(original: string, doc = 'doc'): DocumentAnalysis {
  const body: Span[] = [];
  const line = /[^\r\n]+/g;
  for (let m = line.exec(original); m; m = line.exec(original)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) body.push({ doc, start, end });
  }
  return analyseDocument({ id: doc, original, body });
}

function labelMention(original: string, turn: Turn): NameMention | null {
  const printed = original.slice(turn.label.start, turn.label.start + turn.speaker.length);
  if (printed !== turn.speaker || !/\p{L}/u.test(printed) || UNNAMED_LABEL.test(printed.toUpperCase())) return null;
  const parts = titleCaseName(printed).split(/\s+/).filter(Boolean);
  const given = givenNameGender(parts[0] ?? '');
  return {
    text: printed,
    start: turn.label.start,
    end: turn.label.start + printed.length,
    parts,
    type: 'person',
    // The label's role ("BYLINE", "HOST") is the speaker's role on air.
    title: roleInLabel(original, turn),
    gender: given === 'male' || given === 'female' ? given : null,
    firstToken: -1,
    lastToken: -1,
    runStart: -1,
    givenName: given !== null,
    label: true,
  };
}

/** The turn (index into `turns`) each passage belongs to, from its label to the next label; and each turn's last passage. */
function passageTurns(passages: OffsetRange[], turns: Turn[]): { turnOfPassage: (number | null)[]; lastPassageOfTurn: (OffsetRange | undefined)[] } {
  const opens = new Map<number, number>();
  turns.forEach((t, i) => {
    if (!opens.has(t.span.start)) opens.set(t.span.start, i);
  });
  const lastPassageOfTurn: (OffsetRange | undefined)[] = turns.map(() => undefined);
  let current: number | null = null;
  const turnOfPassage = passages.map((p) => {
    current = opens.get(p.start) ?? current;
    if (current !== null) lastPassageOfTurn[current] = p;
    return current;
  });
  return { turnOfPassage, lastPassageOfTurn };
}

function quoteKind(original: string, passage: OffsetRange, q: Quotation, a: Attribution, previous: Quotation | undefined): QuoteKind {
  const text = original.slice(q.start, q.end);
  const words = text.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length;
  const before = original.slice(passage.start, q.open).trimEnd();
  const introduced = before === '' || /[:,.!?\u2014]$/.test(before);
  const capital = /^[\p{Lu}\d\u2026]|^\.\.\./u.test(text);
  if (capital && (words >= MIN_DIRECT_QUOTE_WORDS || (introduced && a.speaker !== null))) return 'direct';
  // The second half of a split sentence: "…," he said, "but the contract is not why…"
  if (!capital && previous && previous.passage === q.passage && previous.close !== null && q.open - previous.close < SPLIT_QUOTE_GAP && /,$/.test(before) && words >= MIN_DIRECT_QUOTE_WORDS)
    return 'direct';
  if (!capital && q.continuesPrevious && words >= MIN_DIRECT_QUOTE_WORDS) return 'direct';
  return 'partial';
}

function toEntity(docId: string, id: string, e: LocalEntity, mentions: NameMention[]): Entity {
  const members = e.members.map((m) => mentions[m]!);
  const name = bestName(members);
  const roles = mergeRoles(e.roles.map((r) => ({ text: r.text, spans: [{ doc: docId, start: r.start, end: r.end }] })));
  const aliases = [...new Set(members.map((m) => m.text))].filter((t) => t !== name);
  return {
    id,
    name,
    type: e.type,
    aliases,
    roles,
    mentions: members.map((m) => ({ doc: docId, start: m.start, end: m.end, text: m.text })),
  };
}

/** The fullest form; among equals the most frequent; labels ("ANTONY BLINKEN") in title case. */
export function bestName(members: NameMention[]): string {
  const counts = new Map<string, { parts: number; count: number; first: number }>();
  members.forEach((m, i) => {
    const form = m.label ? titleCaseName(m.text) : m.text;
    const c = counts.get(form) ?? { parts: m.parts.length, count: 0, first: i };
    c.count++;
    counts.set(form, c);
  });
  const ranked = [...counts.entries()].sort(([a, x], [b, y]) => y.parts - x.parts || y.count - x.count || isUpper(a) - isUpper(b) || x.first - y.first);
  return ranked[0]![0];
}

function isUpper(s: string): number {
  return s === s.toUpperCase() ? 1 : 0;
}

function roleInLabel(original: string, turn: Turn): TextRange | null {
  const label = original.slice(turn.label.start, turn.label.end);
  const at = turn.role ? label.lastIndexOf(turn.role) : -1;
  if (!turn.role || at < 0) return null;
  return { text: turn.role, start: turn.label.start + at, end: turn.label.start + at + turn.role.length };
}

/** The title and dek lifted into metadata are the report's own words: names in them count. */
export function headlines(doc: AnalysableDocument): OffsetRange[] {
  const wanted = new Set([doc.meta?.title, doc.meta?.dek].filter((t): t is string => !!t));
  return (doc.removed ?? []).filter((r) => r.kind === 'metadata' && wanted.has(doc.original.slice(r.start, r.end).trim())).map((r) => ({ start: r.start, end: r.end }));
}
