// The brief's title, as a reader would name it: the headline the lead is told from, how many
// reports, and the days they were published ("Bridge shut after cracks found — 4 reports,
// 14–15 October 2025"); "Brief: 4 reports" when no report has a headline.
import type { Brief } from '../schema.ts';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The title, unescaped (each renderer escapes it its own way). */
export function briefTitle(brief: Brief): string {
  const n = brief.documents.length;
  const reports = `${n} report${n === 1 ? '' : 's'}`;
  const headline = leadHeadline(brief) ?? brief.documents.find((d) => d.title)?.title ?? null;
  const days = publishedDays(brief);
  const when = days ? `, ${days}` : '';
  return headline ? `${headline.trim()} — ${reports}${when}` : `Brief: ${reports}${when}`;
}

/** Of the reports the lead's first sentence cites, the headline that shares most of its words with it. */
function leadHeadline(brief: Brief): string | null {
  const first = brief.brief.lead[0];
  if (!first) return null;
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const lead = words(first.text);
  let best: { title: string; share: number } | null = null;
  for (const doc of new Set(first.citations.map((c) => c.doc))) {
    const title = brief.documents.find((d) => d.id === doc)?.title;
    if (!title) continue;
    const own = words(title);
    const share = [...own].filter((w) => lead.has(w)).length / Math.max(1, own.size);
    if (!best || share > best.share) best = { title, share };
  }
  return best?.title ?? null;
}

/** The days the reports were published; null when no report is dated. */
function publishedDays(brief: Brief): string | null {
  return dayRange(brief.documents.map((d) => d.published));
}

/** "14–15 October 2025", "30 September – 2 October 2025", "3 May 2013" for ISO dates (times ignored); null for none. */
export function dayRange(dates: readonly (string | null)[]): string | null {
  const days = dates
    .map((d) => /^(\d{4})-(\d{2})-(\d{2})/.exec(d ?? ''))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}-${m[2]}-${m[3]}`)
    .sort();
  if (!days.length) return null;
  const [y1, m1, d1] = days[0]!.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = days[days.length - 1]!.split('-').map(Number) as [number, number, number];
  const month = (m: number) => MONTHS[m - 1]!;
  if (y1 === y2 && m1 === m2) return d1 === d2 ? `${d1} ${month(m1)} ${y1}` : `${d1}–${d2} ${month(m1)} ${y1}`;
  if (y1 === y2) return `${d1} ${month(m1)} – ${d2} ${month(m2)} ${y1}`;
  return `${d1} ${month(m1)} ${y1} – ${d2} ${month(m2)} ${y2}`;
}
