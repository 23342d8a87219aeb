// The front page: the stories, biggest first, each with its outlets, articles, dates and what its
// brief found.
import { escapeHtml as esc } from '../../brief/escape.ts';
import type { StoryJson } from '../story-data.ts';
import type { StorySort } from '../schemas.ts';
import { day, disagreementBadge, pager, outlets, plural, seen } from './format.ts';
import { page } from './layout.ts';

export function storyRows(stories: StoryJson[]): string {
  const rows = stories.map((s) => {
    // On a phone the numbers and dates fold into one line under the title.
    const folded = `<p class="meta folded">${outlets(s.outlets)} · ${plural(s.articles, 'article')} · ${seen(s.firstSeen, s.lastSeen)}</p>`;
    return `<tr>
<td class="title-cell"><a class="story-title" href="/stories/${s.id}">${esc(s.title ?? `Story ${s.id}`)}</a>${folded}</td>
<td class="num">${s.outlets}</td>
<td class="num">${s.articles}</td>
<td class="seen">${day(s.firstSeen)}</td>
<td class="seen">${day(s.lastSeen)}</td>
<td class="badge-cell">${disagreementBadge(s)}</td>
</tr>`;
  });
  const head = '<tr><th scope="col">Story</th><th scope="col" class="num">Outlets</th><th scope="col" class="num">Articles</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">Brief</th></tr>';
  return `<table class="stories"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export interface ListPaging {
  offset: number;
  limit: number;
  more: boolean;
  /** Live stories in the store. */
  total: number;
  sort: StorySort;
}

const SORTS: [StorySort, string][] = [
  ['outlets', 'most outlets'],
  ['newest', 'newest'],
  ['contested', 'most disagreements'],
];

export function storyListPage(stories: StoryJson[], { offset, limit, more, total, sort }: ListPaging): string {
  const list = stories.length
    ? storyRows(stories)
    : `<p class="empty">${offset ? 'No more stories.' : 'No stories yet: add articles with <code>corroborate ingest &lt;inputs&gt;</code>.'}</p>`;
  // How many, and in which order; the order is kept in the URL, so a page can be shared.
  const order = SORTS.map(([key, name]) => (key === sort ? `<strong aria-current="true">${name}</strong>` : `<a href="/?sort=${key}">${name}</a>`)).join(' · ');
  const counts = total ? `<p class="meta list-meta">${plural(total, 'story', 'stories')}${total > stories.length ? `, ${offset + 1}–${offset + stories.length} shown` : ''} · sorted by ${order}</p>` : '';
  const params: Record<string, string> = sort === 'outlets' ? {} : { sort };
  const main = `<h1>Stories</h1>\n<p class="intro">Each story gathers the reports of one event. Open one for its brief: every line quoted from its sources, with where they disagree.</p>\n${counts}\n${list}\n${pager('/', params, offset, limit, more)}`;
  return page({ title: 'Stories', main });
}
