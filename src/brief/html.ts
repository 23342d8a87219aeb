// The brief as one self-contained HTML report: every section of the synthesis that has content,
// each statement with citation chips that open the cited passage in its source document.
import type { Brief } from '../schema.ts';
import { makeCiter, type Citer } from './html-cite.ts';
import { htmlPage, type PanelDocument } from './html-page.ts';
import { quoteSheet, whosWho } from './html-people.ts';
import * as s from './html-sections.ts';
import { outletLabel } from '../clean/outlet-label.ts';
import { briefTitle } from './title.ts';
import { escapeHtml as esc } from './escape.ts';

export type BriefSection = [id: string, heading: string, inner: string];

export function renderHtml(brief: Brief): string {
  const citer = makeCiter(brief.documents);
  const title = briefTitle(brief);
  const shown = briefSections(brief, citer);
  const header = `<header><h1>${esc(title)}</h1>${s.summaryStrip(brief)}<p class="intro">${INTRO}</p>${s.outletTable(brief, citer)}${tableOfContents(shown)}</header>`;
  // Where "Skip to the brief" lands: past the outlets table and the contents.
  const main = [header, '<span id="content" tabindex="-1"></span>', ...shown.map(([id, heading, inner]) => s.section(id, heading, inner)), FOOTER].join('\n');
  return htmlPage(title, main, panelDocuments(brief));
}

export const INTRO = 'Every statement below is quoted from its sources. Choose a citation to read the passage where its outlet printed it.';
export const FOOTER = "<footer>Made by corroborate. Nothing here is written by us: each text is a source's own words, cited to the characters.</footer>";

/** The sections of the brief that have something to show, in reading order. */
export function briefSections(brief: Brief, citer: Citer): BriefSection[] {
  const sections: BriefSection[] = [
    ['lead', 'Lead', s.lead(brief, citer)],
    // What is contested comes right after the lead: it is what a fact-checker reads first.
    ['disagreements', 'Where the outlets disagree', s.disagreements(brief, citer)],
    ['key-points', 'Key points', s.points(brief.brief.points, citer)],
    ['timeline', 'Timeline', s.timeline(brief, citer)],
    ['only-one', 'Reported by only one outlet', s.points(brief.brief.onlyOne, citer)],
    ['quotes', 'Quote sheet', quoteSheet(brief, citer)],
    ['whos-who', "Who's who", whosWho(brief, citer)],
    ['coverage', 'Coverage matrix', s.coverageMatrix(brief, citer)],
    ['outlets', 'Coverage by outlet', s.coverageByOutlet(brief, citer)],
    ['not-used', 'Inputs not used', s.inputsNotUsed(brief)],
    ['how-made', 'How this brief was made', s.howMade(brief)],
  ];
  return sections.filter(([, , inner]) => inner);
}

export function tableOfContents(shown: BriefSection[]): string {
  return shown.length ? `<nav class="toc" aria-label="Sections">${shown.map(([id, heading]) => `<a href="#${id}">${heading}</a>`).join('')}</nav>` : '';
}

/** What the page script needs of each document to show a cited passage. */
export function panelDocuments(brief: Brief): PanelDocument[] {
  return brief.documents.map((doc) => ({
    id: doc.id,
    outlet: outletLabel(doc),
    title: doc.title,
    // A local file's path means nothing to whoever the citation is sent to.
    url: doc.meta.url ?? (/^https?:\/\//i.test(doc.source) ? doc.source : null),
    published: doc.published,
    original: doc.original,
    removed: doc.removed.map((r) => [r.start, r.end, r.kind]),
  }));
}
