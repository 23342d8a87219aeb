// Metadata read off the lines the cleaner set aside: title, dek, byline, dateline, credits, and
// the outlet when the text names it (a copyright line, an agency byline, the page's own handle).
// Nothing is guessed: a field with no evidence stays null.
import type { DocumentMeta } from '../schema.ts';
import { BYLINE_LINE, CONTRIBUTOR_LINE, CREDIT_SENTENCE, DATELINE, HANDLE } from './cues.ts';
import type { LineAnalysis } from './classify-lines.ts';
import { titleCaseName } from './transcript.ts';

export interface MetaEvidence {
  meta: DocumentMeta;
  /** Where each field came from, for messages. */
  evidence: { field: keyof DocumentMeta; line: LineAnalysis; how: string }[];
}

const ORG_NAME = "[A-Z][\\p{L}&.'’-]*(?:\\s+(?:[A-Z][\\p{L}&.'’-]*|of|the|and|&)){0,5}";
const COPYRIGHT_OWNER = new RegExp(`(?:copyright|©|\\(c\\))\\s*(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*,?\\s*)?(${ORG_NAME})`, 'iu');
const PROVIDED_BY = new RegExp(`(?:transcript|copy|audio|video)\\s+(?:provided|produced|prepared)\\s+by\\s+(${ORG_NAME})`, 'iu');
const AGENCY_CONTRIBUTOR = new RegExp(`^(${ORG_NAME}?)\\s+(?:staff\\s+)?(?:writers?|reporters?|correspondents?)\\s+[A-Z]`, 'u');
const OUR_HANDLE = /\bour\b[^.]{0,60}\(?(@[A-Za-z0-9_]{2,})\)?/i;
const DATELINE_AGENCY = /\(([A-Z][A-Za-z .]{1,30})\)\s*$/;
const PUBLISHED_LINE = /^(?:published|posted|first published)(?: on)?:?\s+(.{4,60})$/i;

export function extractMetadata(rows: LineAnalysis[], hints: Partial<DocumentMeta> = {}): MetaEvidence {
  const meta: DocumentMeta = {
    outlet: null,
    title: null,
    dek: null,
    byline: null,
    published: null,
    dateline: null,
    credits: [],
    url: null,
  };
  const evidence: MetaEvidence['evidence'] = [];
  const set = <K extends keyof DocumentMeta>(field: K, value: DocumentMeta[K], line: LineAnalysis, how: string) => {
    if (meta[field] !== null || value === null || value === '') return;
    meta[field] = value;
    evidence.push({ field, line, how });
  };

  for (const row of rows) {
    const text = row.line.text;
    if (row.role === 'title') set('title', text, row, 'title line');
    if (row.role === 'dek') set('dek', text, row, 'standfirst line');
    if (row.role === 'byline') {
      const match = BYLINE_LINE.exec(text);
      if (match) {
        set('byline', match[1]!.trim().replace(/,$/, ''), row, 'byline line');
        if (match[2]) set('outlet', match[2].trim(), row, 'outlet named in the byline');
      }
    }
    if (row.role === 'dateline-lead') {
      const match = DATELINE.exec(text);
      if (match) {
        const place = match[1]!.trim();
        const agency = DATELINE_AGENCY.exec(place);
        set('dateline', agency ? place.slice(0, agency.index).trim() : place, row, 'dateline');
        if (agency) set('outlet', agency[1]!.trim(), row, 'agency named in the dateline');
      }
    }
    const published = PUBLISHED_LINE.exec(text);
    if (published && row.verdict) {
      const date = toIsoDate(published[1]!);
      if (date) set('published', date, row, 'publication line');
    }
  }

  // Credits and the outlet they name.
  for (const row of rows) {
    if (row.verdict?.kind !== 'credit' && row.verdict?.kind !== 'share') continue;
    const text = row.verdict.from !== undefined ? row.line.text.slice(row.verdict.from) : row.line.text;
    if (row.verdict.kind === 'credit') meta.credits.push(text);
    const owner = PROVIDED_BY.exec(text) ?? COPYRIGHT_OWNER.exec(text);
    if (owner && CREDIT_SENTENCE.test(text)) set('outlet', cleanOrg(owner[1]!), row, 'copyright or transcript credit');
    const agency = CONTRIBUTOR_LINE.test(text) ? AGENCY_CONTRIBUTOR.exec(text) : null;
    if (agency?.[1]) set('outlet', cleanOrg(agency[1]), row, 'agency writer credit');
    const handle = row.verdict.kind === 'share' && HANDLE.test(text) ? OUR_HANDLE.exec(text) : null;
    if (handle) set('outlet', handle[1]!, row, "the page's own social handle");
  }
  for (const row of rows) if (row.verdict?.kind === 'caption') {
    const credit = /\((?:photo|image|picture)s?\s*[:/]?\s*([^)]+)\)\s*$/i.exec(row.line.text);
    if (credit && !meta.credits.includes(credit[0])) meta.credits.push(credit[0]);
  }

  // A transcript's reporter ("NAME, BYLINE:") is its byline when no byline line was printed.
  const reporter = rows.find((r) => r.features.turn?.role && /\bbyline\b/i.test(r.features.turn.role));
  if (reporter?.features.turn) set('byline', titleCaseName(reporter.features.turn.speaker), reporter, 'transcript reporter label');

  // Supplied metadata (JSONL fields, --outlet, HTML tags) wins over clues in the text.
  for (const [field, value] of Object.entries(hints) as [keyof DocumentMeta, unknown][]) {
    if (value === undefined || value === null || value === '') continue;
    if (field === 'credits') meta.credits = [...new Set([...(value as string[]), ...meta.credits])];
    else (meta as Record<string, unknown>)[field] = value;
  }
  return { meta, evidence };
}

function cleanOrg(name: string): string {
  return name.replace(/[\s,.;:]+$/, '').replace(/\s+(?:and|of|the|&)$/i, '').trim();
}

/** An unambiguous date in a publication line, as ISO yyyy-mm-dd; null when unsure. */
export function toIsoDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = Date.parse(text.replace(/\bat\b.*$/i, '').replace(/(\d)(st|nd|rd|th)\b/g, '$1'));
  if (Number.isNaN(parsed) || !/\b\d{4}\b/.test(text)) return null;
  const d = new Date(parsed);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
