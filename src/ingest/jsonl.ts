// JSON Lines (one article per line) and JSON arrays of the same records. A bad record
// becomes an InputError for that record alone; the rest still load.
import { z } from 'zod';
import type { DocumentMeta } from '../schema.ts';
import { InputError, type RawInput } from './raw-input.ts';

// null is accepted for every field: exporters often write null for "unknown".
const field = z.string().nullish();
const ArticleRecordSchema = z.object({
  text: field,
  html: field,
  url: field,
  outlet: field,
  title: field,
  published: field,
  byline: field,
});
type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

const HINT_FIELDS = ['url', 'outlet', 'title', 'published', 'byline'] as const;

/** Each non-blank line of `content` is one record; sources are `<file>#<line number>`. */
export function parseJsonLines(content: string, file: string): (RawInput | InputError)[] {
  const results: (RawInput | InputError)[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const source = `${file}#${index + 1}`;
    const value = parseJson(line);
    results.push(value === INVALID ? new InputError(source, 'invalid JSON') : recordToInput(value, source));
  });
  if (results.length === 0) results.push(new InputError(file, 'no records'));
  return results;
}

/** A JSON array of records (or one record object); sources are `<file>#<item number>`. */
export function parseJsonArray(content: string, file: string): (RawInput | InputError)[] {
  const value = parseJson(content);
  if (value === INVALID) return [new InputError(file, 'invalid JSON')];
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return [new InputError(file, 'no records (empty array)')];
  return items.map((item, index) => recordToInput(item, `${file}#${index + 1}`));
}

/** Validate one parsed record and turn it into a RawInput. */
export function recordToInput(value: unknown, source: string): RawInput | InputError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return new InputError(source, 'expected a JSON object');
  }
  const parsed = ArticleRecordSchema.safeParse(value);
  if (!parsed.success) return new InputError(source, describeIssue(parsed.error.issues[0]));
  const record = parsed.data;

  // "text" wins when both are given: it is the article as the exporter already extracted it.
  const body = pickBody(record);
  if (typeof body === 'string') return new InputError(source, body);
  return { source, format: body.format, content: body.content, hints: hintsOf(record) };
}

type Body = { format: 'text' | 'html'; content: string };

/** The record's body, or the reason it has none. */
function pickBody(record: ArticleRecord): Body | string {
  for (const format of ['text', 'html'] as const) {
    const content = record[format];
    if (content != null && content.trim() !== '') return { format, content };
  }
  if (record.text != null) return 'empty "text"';
  if (record.html != null) return 'empty "html"';
  return 'missing "text" or "html"';
}

function hintsOf(record: ArticleRecord): Partial<DocumentMeta> {
  const hints: Partial<DocumentMeta> = {};
  for (const key of HINT_FIELDS) {
    const value = record[key]?.trim();
    if (value) hints[key] = value;
  }
  return hints;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid record';
  const name = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'record';
  if (issue.code === 'invalid_type') return `${name} must be a ${issue.expected}`;
  return `${name}: ${issue.message}`;
}

const INVALID = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}
