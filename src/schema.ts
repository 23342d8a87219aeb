// The JSON contract of corroborate. Every type the library hands out is derived from these
// zod schemas, and `npm run schema` writes their JSON Schema to schema/brief.schema.json.
import { z } from 'zod';

/** A passage of a document: `original.slice(start, end)`, with JS (UTF-16) string offsets. */
export const SpanSchema = z.object({
  doc: z.string().describe('id of the document whose `original` the offsets index into'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof SpanSchema>;

/** Why a region of the original is not part of the article. */
export const RemovedKindSchema = z.enum([
  'player', // media-player widgets, time codes, "listen" controls
  'share', // share bars, follow-us lines, social handles, "join our channel"
  'teaser', // "more in …" lists and teaser stories about other events
  'caption', // photo captions and credits under images
  'bio', // author biographies
  'credit', // transcript copyright lines, "X contributed", agency credits
  'boilerplate', // "updated" notes, "load more", section labels, navigation
  'metadata', // title, dek, byline, dateline lines lifted into `meta`
  'duplicate', // an exact repeat of a block kept earlier
]);
export type RemovedKind = z.infer<typeof RemovedKindSchema>;

export const RemovedSpanSchema = SpanSchema.extend({
  kind: RemovedKindSchema,
  reason: z.string().describe('the evidence that made the cleaner drop this region'),
});
export type RemovedSpan = z.infer<typeof RemovedSpanSchema>;

export const TurnSchema = z.object({
  speaker: z.string().describe('the speaker label as printed, e.g. "ANTONY BLINKEN"'),
  role: z.string().nullable().describe('what follows the name in the label, e.g. "BYLINE"'),
  label: SpanSchema.describe('the label including its colon'),
  span: SpanSchema.describe('what the speaker says, after the label'),
});
export type Turn = z.infer<typeof TurnSchema>;

export const MessageSchema = z.object({
  rule: z.string(),
  reason: z.string(),
  severity: z.enum(['info', 'warning']),
  place: SpanSchema.optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const DocumentMetaSchema = z.object({
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  dek: z.string().nullable().describe('the standfirst under the title'),
  byline: z.string().nullable(),
  published: z.string().nullable().describe('ISO 8601 date or date-time as stated by the source'),
  dateline: z.string().nullable().describe('e.g. "BEIJING"'),
  credits: z.array(z.string()).describe('contributor and copyright lines'),
  url: z.string().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

export const DocumentSchema = z.object({
  id: z.string(),
  source: z.string().describe('path or URL as given, with "#<line>" for a JSONL record'),
  format: z.enum(['text', 'html']),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable(),
  meta: DocumentMetaSchema,
  original: z.string().describe('what every span of this document indexes into'),
  text: z.string().describe('the cleaned article: body passages joined by blank lines'),
  body: z.array(SpanSchema).describe('kept passages (paragraphs) in reading order'),
  removed: z.array(RemovedSpanSchema),
  sentences: z.array(SpanSchema),
  turns: z.array(TurnSchema).optional(),
  messages: z.array(MessageSchema),
});
export type CleanDocument = z.infer<typeof DocumentSchema>;

export const EntityTypeSchema = z.enum(['person', 'organization', 'place']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const MentionSchema = SpanSchema.extend({
  text: z.string().describe('the surface form as printed, e.g. "Blinken" or "ANTONY BLINKEN"'),
});
export type Mention = z.infer<typeof MentionSchema>;

export const RoleSchema = z.object({
  text: z.string().describe('a title or role as printed, e.g. "Foreign Minister", "China\'s top diplomat"'),
  spans: z.array(SpanSchema),
});
export type Role = z.infer<typeof RoleSchema>;

export const EntitySchema = z.object({
  id: z.string(),
  name: z.string().describe('the fullest, most common spelling'),
  type: EntityTypeSchema,
  aliases: z.array(z.string()).describe('every other surface form, misspellings included'),
  roles: z.array(RoleSchema),
  mentions: z.array(MentionSchema),
});
export type Entity = z.infer<typeof EntitySchema>;

export const QuoteKindSchema = z.enum([
  'direct', // a quoted sentence or more
  'partial', // a quoted phrase inside running text ("candid and constructive")
  'turn', // what a transcript speaker says
]);
export type QuoteKind = z.infer<typeof QuoteKindSchema>;

export const QuoteSchema = z.object({
  id: z.string(),
  text: z.string().describe('the quoted words, without the quotation marks'),
  kind: QuoteKindSchema,
  span: SpanSchema.describe('the quoted words in the original'),
  speaker: z.string().nullable().describe('entity id of the speaker, null when unknown'),
  speakerName: z.string().nullable().describe("the speaker entity's name, or the source as printed"),
  speakerSpan: SpanSchema.nullable().describe('the mention that attributes the quote (may be a pronoun or a turn label)'),
  cue: SpanSchema.nullable().describe('the attribution cue, e.g. "said", "told reporters", "according to"'),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** A sentence or phrase of the brief and the source passages whose words it is made of. */
export const CitedTextSchema = z.object({
  text: z.string().describe('words taken from the cited passages (extractive; never written by us)'),
  citations: z.array(SpanSchema).min(1),
});
export type CitedText = z.infer<typeof CitedTextSchema>;

export const ValueKindSchema = z.enum([
  'number', // a count: "over a dozen requests", "1,200 people"
  'duration', // how long: "nearly six hours", "35-minute session", "two-day visit"
  'time', // when, relative to an event or the clock: "an hour before", "45 minutes before", "at 3 p.m."
  'date', // a day, month or year: "on Monday", "in February", "since 2021"
  'money', // "$700 billion"
  'percent', // "Fifty percent"
]);
export type ValueKind = z.infer<typeof ValueKindSchema>;

/** A value as printed, normalized to an interval: qualifiers ("about", "more than") widen it. */
export const ValueSchema = SpanSchema.extend({
  text: z.string().describe('as printed, qualifier included: "nearly six hours"'),
  kind: ValueKindSchema,
  low: z.number().nullable().describe('lower bound in `unit`; null when unbounded'),
  high: z.number().nullable().describe('upper bound in `unit`; null when unbounded ("more than three hours")'),
  unit: z.string().describe('"minute" for durations and times, "day" for dates (days since 1970-01-01), a currency code, "%", or the counted noun'),
  qualifier: z.string().nullable().describe('"about", "nearly", "more than", … as normalized; null when exact'),
});
export type Value = z.infer<typeof ValueSchema>;

/** One fact as reported by one or more outlets: the sentences that say it, grouped. */
export const FactSchema = z.object({
  id: z.string(),
  statement: CitedTextSchema.describe('a representative sentence, quoted from one source'),
  support: z.array(SpanSchema).min(1).describe('every sentence that reports this fact, one or more per outlet'),
  outlets: z.array(z.string()),
  documents: z.array(z.string()),
  sources: z.number().int().positive().describe('independent sources: syndicated copies of one wire text count once'),
  syndicated: z.array(z.array(z.string())).describe('groups of outlets whose reports are copies of the same text'),
  singleSource: z.boolean().describe('true when only one source reports this fact'),
  entities: z.array(z.string()).describe('entity ids named in the supporting sentences'),
  values: z.array(ValueSchema),
  when: z.object({ text: z.string(), date: z.string().nullable(), span: SpanSchema }).nullable().describe('the day the fact happened, when a source says'),
  centrality: z.number().describe('how central to the reports this fact is (higher is more)'),
});
export type Fact = z.infer<typeof FactSchema>;

export const DisagreementKindSchema = z.enum(['number', 'duration', 'time', 'date', 'quote', 'name']);
export type DisagreementKind = z.infer<typeof DisagreementKindSchema>;

export const WordDiffSchema = z.object({
  op: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});

export const VariantSchema = z.object({
  value: z.string().describe('the variant as printed by its first source'),
  normalized: z.object({ low: z.number().nullable(), high: z.number().nullable(), unit: z.string() }).nullable().describe('the interval the wording allows (values only)'),
  support: z.array(SpanSchema).min(1),
  outlets: z.array(z.string()),
  diff: z.array(WordDiffSchema).optional().describe('quotes: word-level difference from the first variant'),
  published: z.string().nullable().describe('the earliest publication date or time stated by a document giving this variant'),
});
export type Variant = z.infer<typeof VariantSchema>;

export const SeveritySchema = z.enum([
  'contradiction', // the variants cannot all be true
  'update', // a figure that changed as the story developed: variants in publication order
  'wording', // a quote worded differently
  'spelling', // a name spelt or transliterated differently
]);
export type Severity = z.infer<typeof SeveritySchema>;

export const DisagreementSchema = z.object({
  id: z.string(),
  severity: SeveritySchema.describe('contradictions first: what a fact-checker must resolve'),
  about: z.string().describe('what the variants are about, in words taken from the sources'),
  kind: DisagreementKindSchema,
  fact: z.string().nullable().describe('id of the fact the variants belong to, when there is one'),
  withinDocument: z.boolean().describe('true when one document states more than one variant'),
  context: z.array(SpanSchema).describe('the sentences the variants are read from'),
  variants: z.array(VariantSchema).min(2),
});
export type Disagreement = z.infer<typeof DisagreementSchema>;

/** A disagreement as a comparer finds it: no id or severity yet, no publication times. */
export const FoundDisagreementSchema = DisagreementSchema.omit({ id: true, severity: true }).extend({
  variants: z.array(VariantSchema.omit({ published: true })).min(2),
});

/** A variant as a comparer finds it, before publication times are read from its documents. */
export type FoundVariant = FoundDisagreement['variants'][number];
/** A disagreement as a comparer finds it (its id a placeholder until it is ranked and numbered). */
export type FoundDisagreement = z.infer<typeof FoundDisagreementSchema> & { id?: string };

export const PointSchema = CitedTextSchema.extend({
  id: z.string(),
  fact: z.string(),
  disputed: z.array(z.string()).describe('ids of the disagreements about a value this point states'),
  outlets: z.array(z.string()),
  sources: z.number().int().positive(),
});
export type Point = z.infer<typeof PointSchema>;

export const SynthesisSchema = z.object({
  lead: z
    .array(
      CitedTextSchema.extend({
        outlets: z.array(z.string()).describe('the outlets that report it; one when no other does'),
        sources: z.number().int().positive().describe('independent sources behind it'),
      }),
    )
    .describe('2–3 sentences: the best-corroborated facts, else the most central sentences, each marked with its outlets'),
  note: z.string().nullable().describe('what the reader should know about the corroboration as a whole, e.g. a single report'),
  points: z.array(PointSchema).describe('key points ranked by corroboration, then centrality'),
  onlyOne: z.array(PointSchema).describe('points reported by a single source'),
  timeline: z.array(CitedTextSchema.extend({ when: z.string(), date: z.string().nullable() })).describe('events in the order they happened'),
  outlets: z.array(z.string()),
  coverage: z.record(z.string(), z.array(z.string())).describe('point id → the outlets that report it'),
  markdown: z.string().describe('the brief rendered as Markdown'),
});
export type Synthesis = z.infer<typeof SynthesisSchema>;

export const BriefSchema = z.object({
  version: z.literal(1),
  documents: z.array(DocumentSchema),
  entities: z.array(EntitySchema).describe('people, organizations and places, one identity across all documents'),
  quotes: z.array(QuoteSchema),
  facts: z.array(FactSchema).describe('what the outlets report, grouped across outlets'),
  disagreements: z.array(DisagreementSchema).describe('where outlets (or one document) state different values, wordings or spellings'),
  brief: SynthesisSchema,
  rejected: z.array(z.object({ source: z.string(), reason: z.string() })).describe('inputs that could not be used, with the reason'),
  messages: z.array(MessageSchema).default([]).describe('how the brief was made, where the reader should know: a limit reached, comparisons left out'),
});
export type Brief = z.infer<typeof BriefSchema>;
