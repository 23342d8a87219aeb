// Search results: the stories with matching articles, then the articles themselves, each with the
// words around its first match.
import { escapeHtml as esc } from '../../brief/escape.ts';
import type { SearchResult } from '../search.ts';
import type { Snippet } from '../snippet.ts';
import { day, disagreementBadge, pager, outlets, plural, seen } from './format.ts';
import { page } from './layout.ts';

function marked(s: Snippet): string {
  let at = 0;
  let html = '';
  for (const [start, end] of s.marks) {
    html += `${esc(s.text.slice(at, start))}<mark>${esc(s.text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + esc(s.text.slice(at));
}

function stories(result: SearchResult): string {
  if (!result.stories.length) return '<p class="empty">No story matches.</p>';
  const items = result.stories.map(
    (s) => `<li><a class="result-title" href="/stories/${s.id}">${esc(s.title ?? `Story ${s.id}`)}</a>
<p class="meta">${plural(s.matches, 'matching article')} · ${outlets(s.outlets)} · ${plural(s.articles, 'article')} · ${seen(s.firstSeen, s.lastSeen)} ${disagreementBadge(s)}</p></li>`,
  );
  return `<ol class="results stories-found">\n${items.join('\n')}\n</ol>`;
}

function articles(result: SearchResult): string {
  if (!result.articles.length) return '<p class="empty">No article matches.</p>';
  const items = result.articles.map((a) => {
    const title = esc(a.title ?? a.source);
    const link =
      a.storyId !== null && a.docId ? `<a class="result-title" href="/stories/${a.storyId}/sources?first=${esc(a.docId)}#${esc(a.docId)}">${title}</a>` : `<span class="result-title">${title}</span>`;
    const where = [a.outlet && esc(a.outlet), a.published && day(a.published), `<code>${esc(a.source)}</code>`, a.storyId === null ? 'not yet filed under a story' : ''].filter(Boolean).join(' · ');
    return `<li>${link}<p class="meta">${where}</p>${a.snippet ? `<p class="snippet">${marked(a.snippet)}</p>` : ''}</li>`;
  });
  return `<ol class="results articles-found">\n${items.join('\n')}\n</ol>`;
}

export function searchPage(result: SearchResult | null, offset: number, limit: number): string {
  if (!result) return page({ title: 'Search', main: '<h1>Search</h1>\n<p class="intro">Find articles and stories by the words of their titles and texts.</p>' });
  const heading = `<h1>Search: “${esc(result.q)}”</h1>`;
  if (!result.terms.length) {
    return page({ title: 'Search', q: result.q, main: `${heading}\n<p class="empty">Only common words: add a word that says what the story is about.</p>` });
  }
  const more = result.more.stories || result.more.articles;
  const main = `${heading}
<section aria-labelledby="found-stories"><h2 id="found-stories">Stories</h2>\n${stories(result)}</section>
<section aria-labelledby="found-articles"><h2 id="found-articles">Articles</h2>\n${articles(result)}</section>
${pager('/search', { q: result.q }, offset, limit, more)}`;
  return page({ title: `Search: ${result.q}`, q: result.q, main });
}
