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
  speakerName: z.string().nullable().describe('the speaker entity\'s name, or the source as printed'),
  speakerSpan: SpanSchema.nullable().describe('the mention that attributes the quote (may be a pronoun or a turn label)'),
  cue: SpanSchema.nullable().describe('the attribution cue, e.g. "said", "told reporters", "according to"'),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const BriefSchema = z.object({
  version: z.literal(1),
  documents: z.array(DocumentSchema),
  entities: z.array(EntitySchema).describe('people, organizations and places, one identity across all documents'),
  quotes: z.array(QuoteSchema),
  // Filled by the comparison stage (a later issue).
  facts: z.array(z.unknown()),
  disagreements: z.array(z.unknown()),
  rejected: z
    .array(z.object({ source: z.string(), reason: z.string() }))
    .describe('inputs that could not be used, with the reason'),
});
export type Brief = z.infer<typeof BriefSchema>;
