// The page around every view: the report's styles and ours (allowed by hash), the site bar with
// the search box, and on a story page the report's source panel and script.
import { escapeHtml as esc } from '../../brief/escape.ts';
import { panelData, SOURCE_PANEL, type PanelDocument } from '../../brief/html-page.ts';
import { REPORT_CSS } from '../../brief/report-css.ts';
import { REPORT_JS } from '../../brief/report-js.ts';
import { MAX_QUERY_CHARS } from '../search.ts';
import { UI_CSS } from './ui-css.ts';

export interface PageParts {
  title: string;
  main: string;
  /** What the search box holds. */
  q?: string;
  /** A page with citations: the documents they open, shown in the source panel. */
  panel?: PanelDocument[];
  /** Use the whole width (sources side by side). */
  wide?: boolean;
  /** Seconds after which the browser asks for the page again (a brief still being made). */
  refresh?: number;
}

function siteBar(q: string): string {
  return `<header class="site"><a class="home" href="/">corroborate</a>
<form action="/search" method="get" role="search"><input type="search" name="q" value="${esc(q)}" maxlength="${MAX_QUERY_CHARS}" aria-label="Search articles and stories" placeholder="Search articles and stories"><button type="submit">Search</button></form></header>`;
}

export function page(parts: PageParts): string {
  // "Skip to the content" lands past the site bar (and the brief's own skip target is further on).
  const main = `${siteBar(parts.q ?? '')}\n<span id="page-content" tabindex="-1"></span>\n${parts.main}`;
  const body = parts.panel
    ? `<div class="layout">\n<main id="brief">\n${main}\n</main>\n${SOURCE_PANEL}\n</div>\n${panelData(parts.panel)}\n<script>${REPORT_JS}</script>`
    : `<main class="page${parts.wide ? ' wide' : ''}">\n${main}\n</main>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">${parts.refresh ? `\n<meta http-equiv="refresh" content="${Math.max(1, Math.round(parts.refresh))}">` : ''}
<title>${esc(parts.title)} · corroborate</title>
<style>${REPORT_CSS}</style>
<style>${UI_CSS}</style>
</head>
<body>
<a class="skip" href="#page-content">Skip to the content</a>
${body}
</body>
</html>
`;
}
