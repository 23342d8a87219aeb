// The front page: the stories, biggest first, each with its outlets, articles, dates and what its
// brief found.
import { escapeHtml as esc } from '../../brief/escape.ts';
import type { StoryJson } from '../story-data.ts';
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

export function storyListPage(stories: StoryJson[], offset: number, limit: number, more: boolean): string {
  const list = stories.length
    ? storyRows(stories)
    : `<p class="empty">${offset ? 'No more stories.' : 'No stories yet: add articles with <code>corroborate ingest &lt;inputs&gt;</code>.'}</p>`;
  const main = `<h1>Stories</h1>\n<p class="intro">Each story gathers the reports of one event. Open one for its brief: every line quoted from its sources, with where they disagree.</p>\n${list}\n${pager('/', {}, offset, limit, more)}`;
  return page({ title: 'Stories', main });
}
