// The front page: the stories, biggest first, each with its outlets, articles, dates and what its
// brief found.
import { escapeHtml as esc } from '../../brief/escape.ts';
import type { StoryJson } from '../story-data.ts';
import type { StoryFilter, StorySort } from '../story-data.ts';
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
  const head =
    '<tr><th scope="col">Story</th><th scope="col" class="num">Outlets</th><th scope="col" class="num">Articles</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">Brief</th></tr>';
  return `<table class="stories"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export interface ListPaging {
  offset: number;
  limit: number;
  more: boolean;
  /** Live stories in the store that the filter keeps. */
  total: number;
  sort: StorySort;
  filter: StoryFilter;
  /** What the outlet filter offers. */
  outlets: string[];
}

const SORTS: [StorySort, string][] = [
  ['outlets', 'most outlets'],
  ['newest', 'newest'],
  ['contested', 'most disagreements'],
];

export function storyListPage(stories: StoryJson[], { offset, limit, more, total, sort, filter, outlets: known }: ListPaging): string {
  const filtering = Object.keys(filter).length > 0;
  const list = stories.length
    ? storyRows(stories)
    : `<p class="empty">${offset ? 'No more stories.' : filtering ? 'No story matches these filters.' : 'No stories yet: add articles with <code>corroborate ingest &lt;inputs&gt;</code>.'}</p>`;
  // Filters and order live in the URL, so a page can be shared and paging keeps them.
  const filterParams: Record<string, string> = {
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.outlet ? { outlet: filter.outlet } : {}),
    ...(filter.contested ? { contested: 'true' } : {}),
  };
  const href = (params: Record<string, string>) => {
    const query = new URLSearchParams(params).toString();
    return esc(`/${query ? `?${query}` : ''}`);
  };
  const order = SORTS.map(([key, name]) => (key === sort ? `<strong aria-current="true">${name}</strong>` : `<a href="${href({ sort: key, ...filterParams })}">${name}</a>`)).join(' · ');
  const what = filtering ? `${plural(total, 'story', 'stories')} match${total === 1 ? 'es' : ''}` : plural(total, 'story', 'stories');
  const counts = total ? `<p class="meta list-meta">${what}${total > stories.length ? `, ${offset + 1}–${offset + stories.length} shown` : ''} · sorted by ${order}</p>` : '';
  const params: Record<string, string> = { ...(sort === 'outlets' ? {} : { sort }), ...filterParams };
  const main = `<h1>Stories</h1>\n<p class="intro">Each story gathers the reports of one event. Open one for its brief: every line quoted from its sources, with where they disagree.</p>\n${filterForm(filter, sort, known)}\n${counts}\n${list}\n${pager('/', params, offset, limit, more)}`;
  return page({ title: 'Stories', main });
}

/** The list's filters: a plain GET form, so it works without script and its result is a URL. */
function filterForm(filter: StoryFilter, sort: StorySort, known: string[]): string {
  const options = ['<option value="">any outlet</option>', ...known.map((o) => `<option value="${esc(o)}"${o === filter.outlet ? ' selected' : ''}>${esc(o)}</option>`)];
  // An outlet asked for in the URL that the store's top outlets leave out still shows as chosen.
  if (filter.outlet && !known.includes(filter.outlet)) options.push(`<option value="${esc(filter.outlet)}" selected>${esc(filter.outlet)}</option>`);
  return `<form class="filters" method="get" action="/" role="search" aria-label="Filter stories">
${sort === 'outlets' ? '' : `<input type="hidden" name="sort" value="${esc(sort)}">`}
<label>Seen from <input type="date" name="from" value="${esc(filter.from ?? '')}"></label>
<label>to <input type="date" name="to" value="${esc(filter.to ?? '')}"></label>
<label>Outlet <select name="outlet">${options.join('')}</select></label>
<label class="check"><input type="checkbox" name="contested" value="true"${filter.contested ? ' checked' : ''}> only stories with disagreements</label>
<button type="submit">Filter</button>${Object.keys(filter).length ? ` <a class="clear" href="${sort === 'outlets' ? '/' : `/?sort=${esc(sort)}`}">clear filters</a>` : ''}
</form>`;
}
