// A story's brief: the report's own sections (lead, key points, timeline, disagreements with
// their variants side by side, quote sheet, coverage matrix, …) under the story's header; a
// citation opens its passage, highlighted, in the source panel (the report's script).
import type { Brief, Disagreement } from '../../schema.ts';
import { escapeHtml as esc } from '../../brief/escape.ts';
import { disagreementKey, type Dismissal } from '../../collect/dismissals.ts';
import { makeCiter } from '../../brief/html-cite.ts';
import { briefSections, FOOTER, INTRO, panelDocuments, tableOfContents } from '../../brief/html.ts';
import { outletTable, section, summaryStrip } from '../../brief/html-sections.ts';
import { MAX_BRIEF_REPORTS } from '../../collect/story-brief.ts';
import type { StoryDetail } from '../story-data.ts';
import { plural } from './format.ts';
import { page } from './layout.ts';
import { storyHeader, storyTitle } from './story-header.ts';
import { dayRange } from '../../brief/title.ts';

/** What an editor changed or may change on this page (see serve/edit-routes.ts). */
export interface StoryEdits {
  /** Disagreements an editor marked not a conflict (already left out of the brief shown). */
  dismissed: { disagreement: Disagreement; dismissal: Dismissal }[];
  /** The server's edit token, or null when this server does not edit. */
  editToken: string | null;
}

export function storyPage(detail: StoryDetail, brief: Brief, edits: StoryEdits = { dismissed: [], editToken: null }): string {
  const citer = makeCiter(brief.documents);
  const shown = briefSections(brief, citer);
  const capped = detail.story.reports > MAX_BRIEF_REPORTS ? `<p class="meta">The brief reads the first ${MAX_BRIEF_REPORTS} of the ${detail.story.reports} reports.</p>` : '';
  // The reports' table folds away, so the lead is on the first screen.
  const reports = `<details class="reports"><summary>${plural(brief.documents.length, 'report')} in this brief</summary>${outletTable(brief, citer)}</details>`;
  const eventDays = dayRange(brief.brief.timeline.map((t) => t.date));
  const header = `<header>\n${storyHeader(detail, 'brief', eventDays)}\n${summaryStrip(brief)}\n<p class="intro">${INTRO}</p>${capped}\n${reports}\n${tableOfContents(shown)}\n</header>`;
  const main = [header, ...shown.map(([id, heading, inner]) => section(id, heading, inner)), dismissedSection(edits.dismissed), editorSection(detail, brief, edits.editToken), FOOTER].join('\n');
  return page({ title: storyTitle(detail), main, panel: panelDocuments(brief) });
}

function dismissedSection(dismissed: StoryEdits['dismissed']): string {
  const items = dismissed.map(({ disagreement: d, dismissal }) => {
    const variants = d.variants.map((v) => `${esc(v.value)} (${v.outlets.map(esc).join(', ')})`).join(' · ');
    return `<li><p><strong>${esc(d.about)}</strong>: ${variants}</p><p class="meta">Reason: ${esc(dismissal.reason)} · <time>${esc(dismissal.at.slice(0, 16).replace('T', ' '))}</time></p></li>`;
  });
  return section('dismissed', 'Marked not a conflict by an editor', items.length ? `<ul class="dismissed">${items.join('')}</ul>` : '');
}

/** An editor's forms: plain POSTs to this server, each with its token and a required reason. */
function editorSection(detail: StoryDetail, brief: Brief, token: string | null): string {
  if (!token) return '';
  const hidden = `<input type="hidden" name="token" value="${esc(token)}">`;
  const reason = '<label>Reason <input name="reason" required maxlength="500" size="40"></label>';
  const action = (what: string) => `/stories/${detail.story.id}/${what}`;
  const forms: string[] = [];
  if (brief.disagreements.length) {
    const options = brief.disagreements.map((d) => `<option value="${esc(disagreementKey(d))}">${esc(`${d.about}: ${d.variants.map((v) => v.value).join(' / ')}`.slice(0, 140))}</option>`);
    forms.push(
      `<form method="post" action="${action('dismiss')}" class="edit">${hidden}<p><label>Not a conflict <select name="disagreement">${options.join('')}</select></label></p><p>${reason} <button type="submit">Mark not a conflict</button></p></form>`,
    );
  }
  forms.push(
    `<form method="post" action="${action('merge')}" class="edit">${hidden}<p><label>Merge into this story the story <input name="other" required inputmode="numeric" pattern="[0-9, ]+" size="8"></label> (one event told twice)</p><p>${reason} <button type="submit">Merge</button></p></form>`,
  );
  if (detail.articles.length > 1) {
    const boxes = detail.articles.map((a) => `<label class="check"><input type="checkbox" name="articles" value="${a.id}"> ${esc(a.outlet ?? 'outlet unknown')}: ${esc(a.title ?? a.source)}</label>`);
    forms.push(
      `<form method="post" action="${action('split')}" class="edit">${hidden}<fieldset><legend>Split off these articles as a story of their own (another event)</legend>${boxes.join('')}</fieldset><p>${reason} <button type="submit">Split</button></p></form>`,
    );
  }
  const intro = '<p class="meta">Corrections go to the story log with their reason, as <code>corroborate story merge|split|dismiss</code> does.</p>';
  return `<section id="edit" aria-labelledby="edit-h"><details><summary><h2 id="edit-h">Edit this story</h2></summary>${intro}${forms.join('')}</details></section>`;
}
