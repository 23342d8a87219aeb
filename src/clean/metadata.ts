// Metadata read off the lines the cleaner set aside: title, dek, byline, dateline, credits, and
// the outlet when the text names it (a copyright line, an agency byline, the page's own handle).
// Nothing is guessed: a field with no evidence stays null.
import type { DocumentMeta } from '../schema.ts';
import { BYLINE_LINE, CONTRIBUTOR_LINE, CREDIT_SENTENCE, DATELINE, HANDLE, ROLE_WORDS } from './cues.ts';
import type { LineAnalysis } from './classify-lines.ts';
import { titleCaseName } from './transcript.ts';
import { spaceOr, trimEndChars } from '../text/trim.ts';

export interface MetaEvidence {
  meta: DocumentMeta;
  /** Where each field came from, for messages. */
  evidence: { field: keyof DocumentMeta; line: LineAnalysis; how: string }[];
}

// An organisation's name: capitalised words (a dot only inside one, as in "U.S"), numbers, joiners.
const ORG_WORD = "[A-Z][\\p{L}\\p{N}&'’-]*(?:\\.[\\p{L}]+)*";
const ORG_NAME = `${ORG_WORD}(?:\\s+(?:${ORG_WORD}|\\d+|of|the|and|&)){0,5}`;
const BIO_EMPLOYER = new RegExp(`\\b(?:for|at|with|joined)\\s+(?:the\\s+)?(${ORG_NAME})`, 'u');
const COPYRIGHT_OWNER = new RegExp(`(?:copyright|©|\\(c\\))\\s*(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*,?\\s*)?(${ORG_NAME})`, 'iu');
const PROVIDED_BY = new RegExp(`(?:transcript|copy|audio|video)\\s+(?:provided|produced|prepared)\\s+by\\s+(${ORG_NAME})`, 'iu');
const AGENCY_CONTRIBUTOR = new RegExp(`^(${ORG_NAME}?)\\s+(?:staff\\s+)?(?:writers?|reporters?|correspondents?)\\s+[A-Z]`, 'u');
const OUR_HANDLE = /\bour\b[^.]{0,60}\(?(@[A-Za-z0-9_]{2,})\)?/i;
const DATELINE_AGENCY = /\(([A-Z][A-Za-z .]{1,30})\)\s*$/;

export function extractMetadata(rows: LineAnalysis[], hints: Partial<DocumentMeta> = {}): MetaEvidence {
  const meta = emptyMeta();
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
        // "Calvin Osterhout, Neighbor Staff": parts that name a role are not authors.
        const names = match[1]!
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p && !ROLE_WORDS.test(p));
        set('byline', names.join(', ') || null, row, 'byline line');
        if (match[2] && !ROLE_WORDS.test(match[2])) set('outlet', match[2].trim(), row, 'outlet named in the byline');
      } else if (/^(?:\p{Lu}[\p{Ll}'’.-]+\s+){1,2}\p{Lu}[\p{Ll}'’.-]+$/u.test(text)) set('byline', text, row, 'name line under the title');
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
    if (row.role === 'date' && !/^\W*(?:updated|last updated|modified)/i.test(text)) {
      const date = toIsoDate(text);
      if (date) set('published', date, row, 'date stamp');
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
  // A masthead line the page repeats in its own furniture names the outlet; so does a bio's employer.
  for (const row of rows) {
    // An all-capitals one-word label ("BUSINESS") is a section, not a name.
    if (row.role !== 'masthead' || !/\p{Ll}/u.test(row.line.text) || row.features.words < 2) continue;
    const name = row.line.text.toLowerCase();
    const echo = rows.find((o) => o !== row && o.verdict && o.verdict.kind !== 'metadata' && o.line.text.toLowerCase().includes(name));
    if (echo) set('outlet', row.line.text, row, 'masthead repeated in the page furniture');
  }
  for (const row of rows) {
    if (row.verdict?.kind !== 'bio') continue;
    const employer = BIO_EMPLOYER.exec(row.line.text);
    if (employer) set('outlet', cleanOrg(employer[1]!), row, "the journalist's bio");
  }
  for (const row of rows)
    if (row.verdict?.kind === 'caption') {
      const credit = /\((?:photo|image|picture)s?\s*[:/]?\s*([^)]+)\)\s*$/i.exec(row.line.text);
      if (credit && !meta.credits.includes(credit[0])) meta.credits.push(credit[0]);
    }

  // A transcript's reporter ("NAME, BYLINE:") is its byline when no byline line was printed.
  const reporter = rows.find((r) => r.features.turn?.role && /\bbyline\b/i.test(r.features.turn.role));
  if (reporter?.features.turn) set('byline', titleCaseName(reporter.features.turn.speaker), reporter, 'transcript reporter label');

  // Supplied metadata (JSONL fields, --outlet, HTML tags) wins over clues in the text.
  return { meta: applyHints(meta, hints), evidence };
}

export function emptyMeta(): DocumentMeta {
  return { outlet: null, title: null, dek: null, byline: null, published: null, dateline: null, credits: [], url: null };
}

/** Supplied fields replace what is there, empty ones are ignored; credits are pooled. */
export function applyHints(meta: DocumentMeta, hints: Partial<DocumentMeta>): DocumentMeta {
  for (const [field, value] of Object.entries(hints) as [keyof DocumentMeta, unknown][]) {
    if (value === undefined || value === null || value === '') continue;
    if (field === 'credits') meta.credits = [...new Set([...(value as string[]), ...meta.credits])];
    else (meta as Record<string, unknown>)[field] = value;
  }
  return meta;
}

/** Trailing punctuation and a dangling "and", "of", "the" or "&" off an organization's name. */
export function cleanOrg(name: string): string {
  // Linear forms of /[\s,.;:]+$/ and /\s+(?:and|of|the|&)$/ (those retry every start of a long run of spaces).
  const trimmed = trimEndChars(name, spaceOr(',.;:'));
  const dangling = /(?<=\s)(?:and|of|the|&)$/i.exec(trimmed);
  return (dangling ? trimmed.slice(0, dangling.index) : trimmed).trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The first unambiguous calendar date in a stamp, as ISO yyyy-mm-dd; null when there is none. */
export function toIsoDate(text: string): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const monthFirst = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
  const dayFirst = /\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(text);
  const [month, day, year] = monthFirst ? [monthFirst[1]!, Number(monthFirst[2]), Number(monthFirst[3])] : dayFirst ? [dayFirst[2]!, Number(dayFirst[1]), Number(dayFirst[3])] : ['', 0, 0];
  const m = MONTHS.indexOf(month.toLowerCase());
  if (m < 0 || day < 1 || day > 31) return null;
  return `${year}-${pad(m + 1)}-${pad(day)}`;
}
