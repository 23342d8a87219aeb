// The top of both story pages (brief, sources): title, counts, dates, the two views, and the
// merges that made the story.
import { escapeHtml as esc } from '../../brief/escape.ts';
import type { StoryDetail } from '../story-data.ts';
import { outlets, plural, seen } from './format.ts';

export type StoryView = 'brief' | 'sources';

export function storyTitle(detail: StoryDetail): string {
  return detail.story.title ?? `Story ${detail.story.id}`;
}

function tabs(id: number, current: StoryView): string {
  const tab = (view: StoryView, href: string, text: string) => `<a href="${href}"${view === current ? ' aria-current="page"' : ''}>${text}</a>`;
  const exports = `<span class="exports">Download: <a href="/stories/${id}/brief.md" download>Markdown</a> <a href="/stories/${id}/brief.html" download>HTML</a> <a href="/api/stories/${id}/brief">JSON</a></span>`;
  return `<nav class="tabs" aria-label="Views of the story">${tab('brief', `/stories/${id}`, 'Brief')}${tab('sources', `/stories/${id}/sources`, 'Sources side by side')}${exports}</nav>`;
}

function history(detail: StoryDetail): string {
  if (!detail.history.length) return '';
  const items = detail.history.map((h) => {
    const what =
      h.kind === 'merge'
        ? `Joined by ${h.stories.length === 1 ? 'story' : 'stories'} ${h.stories.join(', ')}`
        : h.kind === 'rebuild'
          ? 'Every story of the store filed again (stories rebuild)'
          : `${h.articles?.length === 1 ? 'Article' : 'Articles'} ${h.articles?.join(', ')} split from story ${h.stories.join(', ')} into story ${h.into}`;
    const similarity = h.similarity === null ? '' : ` (similarity ${h.similarity.toFixed(2)})`;
    return `<li>${what}${h.reason ? `: ${esc(h.reason)}` : ''}${similarity}</li>`;
  });
  return `<details class="history"><summary>${plural(detail.history.length, 'change')} in this story's history</summary><ul>${items.join('')}</ul></details>`;
}

/** `eventDays`: the days the brief's timeline spans, shown when no report carries a date. */
export function storyHeader(detail: StoryDetail, view: StoryView, eventDays: string | null = null): string {
  const s = detail.story;
  const when = !s.firstSeen && !s.lastSeen && eventDays ? `reports undated; events ${esc(eventDays)}` : seen(s.firstSeen, s.lastSeen);
  const counts = `${outlets(s.outlets)} · ${plural(s.articles, 'article')}${s.reports !== s.articles ? ` (${plural(s.reports, 'distinct report')})` : ''} · ${when}`;
  const merged = detail.requested !== null ? `<p class="meta">Story ${detail.requested} was merged into this one.</p>` : '';
  return `<p class="crumbs"><a href="/">Stories</a> › story ${s.id}</p>
<h1>${esc(storyTitle(detail))}</h1>
<p class="meta">${counts}</p>${merged}
${tabs(s.id, view)}
${history(detail)}`;
}
