// Small pieces of text the pages share: counts, dates as stored, badges. Every value is escaped here.
import { escapeHtml as esc } from '../../brief/escape.ts';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 outlets"; articles whose outlet nothing names count as none, and a story of only those says so. */
export function outlets(n: number): string {
  return n === 0 ? 'outlet unknown' : plural(n, 'outlet');
}

/** A stored date or timestamp as its day ("2025-10-15"), the whole value on hover. */
export function day(value: string | null): string {
  if (!value) return '<span class="none">—</span>';
  const date = dateOf(value);
  return `<time datetime="${esc(value)}" title="${esc(value)}">${esc(date)}</time>`;
}

function dateOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value;
}

export function seen(first: string | null, last: string | null): string {
  if (!first && !last) return 'undated';
  if (!first || !last || dateOf(first) === dateOf(last)) return day(first ?? last);
  return `${day(first)} – ${day(last)}`;
}

/** What the story's last brief found, or that there is none yet. */
export function disagreementBadge(story: { disagreements: number | null; briefCurrent: boolean }): string {
  if (story.disagreements === null) return '<span class="badge none" title="not briefed yet">not briefed</span>';
  const stale = story.briefCurrent ? '' : ' stale';
  const title = story.briefCurrent ? 'in the current brief' : 'in the last brief; articles have arrived since';
  const kind = story.disagreements ? 'warn' : 'ok';
  const text = story.disagreements ? plural(story.disagreements, 'disagreement') : 'no disagreements';
  return `<span class="badge ${kind}${stale}" title="${title}">${text}</span>`;
}

export function pager(base: string, params: Record<string, string>, offset: number, limit: number, more: boolean): string {
  const link = (to: number, text: string, rel: string) => {
    const query = new URLSearchParams({ ...params, ...(to ? { offset: String(to) } : {}) }).toString();
    return `<a rel="${rel}" href="${esc(base + (query ? `?${query}` : ''))}">${text}</a>`;
  };
  const previous = offset > 0 ? link(Math.max(0, offset - limit), '← Previous', 'prev') : '<span></span>';
  const next = more ? link(offset + limit, 'Next →', 'next') : '<span></span>';
  return offset > 0 || more ? `<nav class="pager" aria-label="Pages">${previous}${next}</nav>` : '';
}
