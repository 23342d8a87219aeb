// A story's brief: the report's own sections (lead, key points, timeline, disagreements with
// their variants side by side, quote sheet, coverage matrix, …) under the story's header; a
// citation opens its passage, highlighted, in the source panel (the report's script).
import type { Brief } from '../../schema.ts';
import { makeCiter } from '../../brief/html-cite.ts';
import { briefSections, FOOTER, INTRO, panelDocuments, tableOfContents } from '../../brief/html.ts';
import { outletTable, section, summaryStrip } from '../../brief/html-sections.ts';
import { MAX_BRIEF_REPORTS } from '../../collect/story-brief.ts';
import type { StoryDetail } from '../story-data.ts';
import { plural } from './format.ts';
import { page } from './layout.ts';
import { storyHeader, storyTitle } from './story-header.ts';
import { dayRange } from '../../brief/title.ts';

export function storyPage(detail: StoryDetail, brief: Brief): string {
  const citer = makeCiter(brief.documents);
  const shown = briefSections(brief, citer);
  const capped = detail.story.reports > MAX_BRIEF_REPORTS ? `<p class="meta">The brief reads the first ${MAX_BRIEF_REPORTS} of the ${detail.story.reports} reports.</p>` : '';
  // The reports' table folds away, so the lead is on the first screen.
  const reports = `<details class="reports"><summary>${plural(brief.documents.length, 'report')} in this brief</summary>${outletTable(brief, citer)}</details>`;
  const eventDays = dayRange(brief.brief.timeline.map((t) => t.date));
  const header = `<header>\n${storyHeader(detail, 'brief', eventDays)}\n${summaryStrip(brief)}\n<p class="intro">${INTRO}</p>${capped}\n${reports}\n${tableOfContents(shown)}\n</header>`;
  const main = [header, ...shown.map(([id, heading, inner]) => section(id, heading, inner)), FOOTER].join('\n');
  return page({ title: storyTitle(detail), main, panel: panelDocuments(brief) });
}
