// A story's reports side by side: one column per report, each scrolling on its own, the page
// chrome the cleaner removed hidden until asked for (a checkbox, no script).
import type { Brief, CleanDocument } from '../../schema.ts';
import { escapeHtml as esc } from '../../brief/escape.ts';
import { outletLabel } from '../../clean/outlet-label.ts';
import type { ArticleJson, StoryDetail } from '../story-data.ts';
import type { SourcesQuery } from '../schemas.ts';
import { day } from './format.ts';
import { page } from './layout.ts';
import { storyHeader, storyTitle } from './story-header.ts';

/** The original text, escaped, each removed region (and the blank space after it) in a .chrome span. */
export function sourceText(doc: CleanDocument): string {
  const text = doc.original;
  const removed = [...doc.removed].sort((a, b) => a.start - b.start);
  let at = 0;
  let html = '';
  for (const r of removed) {
    if (r.start < at) continue;
    let end = r.end;
    while (end < text.length && /\s/.test(text[end]!)) end++;
    html += `${esc(text.slice(at, r.start))}<span class="chrome" title="removed as page chrome: ${esc(r.kind)}">${esc(text.slice(r.start, end))}</span>`;
    at = end;
  }
  return html + esc(text.slice(at));
}

function column(doc: CleanDocument, articles: ArticleJson[]): string {
  const also = articles.slice(1).map((a) => esc(a.outlet ?? a.source));
  const facts = [doc.byline && `By ${esc(doc.byline)}`, doc.published && `published ${day(doc.published)}`].filter(Boolean).join(' · ');
  return `<article class="column" id="${esc(doc.id)}" aria-labelledby="${esc(doc.id)}-h">
<div class="column-head"><h2 id="${esc(doc.id)}-h">${esc(outletLabel(doc))}</h2>${doc.title ? `<p>${esc(doc.title)}</p>` : ''}${facts ? `<p>${facts}</p>` : ''}${also.length ? `<p>Also carried by ${also.join(', ')}</p>` : ''}<p><code>${esc(doc.source)}</code></p></div>
<div class="column-text" tabindex="0" aria-label="${esc(`Text of ${outletLabel(doc)}`)}">${sourceText(doc)}</div>
</article>`;
}

/** Reports shown side by side when the reader has not picked: more are picked, not scrolled to. */
export const DEFAULT_COLUMNS = 3;

/**
 * The reports to show, in the brief's order: those asked for (unknown ids ignored), else the one
 * asked to open first and the first others up to DEFAULT_COLUMNS.
 */
export function pickedDocuments(documents: readonly CleanDocument[], asked: SourcesQuery): CleanDocument[] {
  const shown = new Set(asked.show ?? []);
  const picked = documents.filter((d) => shown.has(d.id));
  if (picked.length) return picked;
  const first = documents.find((d) => d.id === asked.first);
  const rest = documents.filter((d) => d !== first).slice(0, DEFAULT_COLUMNS - (first ? 1 : 0));
  return first ? [first, ...rest] : rest;
}

/** A form with a box per report (no script: it reloads the page with the reports ticked). */
function picker(documents: readonly CleanDocument[], picked: readonly CleanDocument[], storyId: number): string {
  const on = new Set(picked.map((d) => d.id));
  const boxes = documents
    .map((d) => {
      const label = [outletLabel(d), d.title].filter(Boolean).join(' — ');
      return `<li><label><input type="checkbox" name="show" value="${esc(d.id)}"${on.has(d.id) ? ' checked' : ''}> ${esc(label)}</label></li>`;
    })
    .join('');
  const count = `${picked.length} of ${documents.length} reports shown`;
  return `<details class="picker"><summary>${count} · choose which</summary>
<form class="source-picker" method="get" action="/stories/${storyId}/sources"><ul>${boxes}</ul><button type="submit">Show these side by side</button></form></details>`;
}

export function sourcesPage(detail: StoryDetail, brief: Brief, asked: SourcesQuery = {}): string {
  const byDoc = new Map<string, ArticleJson[]>();
  for (const a of detail.articles) if (a.docId) byDoc.set(a.docId, [...(byDoc.get(a.docId) ?? []), a]);
  const picked = pickedDocuments(brief.documents, asked);
  const columns = picked.map((doc) => column(doc, byDoc.get(doc.id) ?? []));
  const main = `${storyHeader(detail, 'sources')}
${picker(brief.documents, picked, detail.story.id)}
<input type="checkbox" id="show-chrome"><label class="chrome-toggle" for="show-chrome">Show the page chrome the cleaner removed</label>
<div class="columns">
${columns.join('\n')}
</div>`;
  return page({ title: `${storyTitle(detail)}: sources`, main, wide: true });
}
