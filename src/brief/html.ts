// The brief as one self-contained HTML report: every section of the synthesis that has content,
// each statement with citation chips that open the cited passage in its source document.
import type { Brief } from '../schema.ts';
import { makeCiter } from './html-cite.ts';
import { htmlPage, type PanelDocument } from './html-page.ts';
import { quoteSheet, whosWho } from './html-people.ts';
import * as s from './html-sections.ts';
import { outletLabel } from './people.ts';

export function renderHtml(brief: Brief): string {
  const citer = makeCiter(brief.documents);
  const n = brief.documents.length;
  const title = `Brief: ${n} report${n === 1 ? '' : 's'}`;
  const sections: [id: string, heading: string, inner: string][] = [
    ['lead', 'Lead', s.lead(brief, citer)],
    ['key-points', 'Key points', s.points(brief.brief.points, citer)],
    ['timeline', 'Timeline', s.timeline(brief, citer)],
    ['disagreements', 'Where the outlets disagree', s.disagreements(brief, citer)],
    ['only-one', 'Reported by only one outlet', s.points(brief.brief.onlyOne, citer)],
    ['quotes', 'Quote sheet', quoteSheet(brief, citer)],
    ['whos-who', "Who's who", whosWho(brief, citer)],
    ['coverage', 'Coverage matrix', s.coverageMatrix(brief, citer)],
    ['outlets', 'Coverage by outlet', s.coverageByOutlet(brief, citer)],
    ['not-used', 'Inputs not used', s.inputsNotUsed(brief)],
  ];
  const shown = sections.filter(([, , inner]) => inner);
  const toc = shown.length ? `<nav class="toc" aria-label="Sections">${shown.map(([id, heading]) => `<a href="#${id}">${heading}</a>`).join('')}</nav>` : '';
  const header = `<header><h1>${title}</h1><p class="intro">Every statement below is quoted from its sources. Choose a citation to read the passage where its outlet printed it.</p>${s.outletTable(brief, citer)}${toc}</header>`;
  const footer = '<footer>Made by corroborate. Nothing here is written by us: each text is a source\'s own words, cited to the characters.</footer>';
  const main = [header, ...shown.map(([id, heading, inner]) => s.section(id, heading, inner)), footer].join('\n');
  return htmlPage(title, main, brief.documents.map(panelDocument));
}

function panelDocument(doc: Brief['documents'][number]): PanelDocument {
  return { id: doc.id, outlet: outletLabel(doc), title: doc.title, original: doc.original, removed: doc.removed.map((r) => [r.start, r.end, r.kind]) };
}
