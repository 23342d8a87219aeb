// The page around the report: one self-contained file. Its Content-Security-Policy allows nothing
// from the network and only the one inline stylesheet and script, by their sha256 hashes, so even
// markup that slipped through escaping could neither run nor load anything.
import { createHash } from 'node:crypto';
import { escapeHtml, jsonForScript } from './escape.ts';
import { REPORT_CSS } from './report-css.ts';
import { REPORT_JS } from './report-js.ts';

/** What the page script needs of a document to show a passage in place. */
export interface PanelDocument {
  id: string;
  outlet: string;
  title: string | null;
  /** Where the report was read from, and when it was published: what a copied citation names. */
  url: string | null;
  published: string | null;
  original: string;
  removed: [start: number, end: number, kind: string][];
}

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Our own constants and base64 hashes only: nothing in it needs attribute escaping. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256Source(REPORT_CSS)}`,
    `script-src ${sha256Source(REPORT_JS)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // The script builds the panel from Text nodes only; any HTML-from-string sink would throw.
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** The panel REPORT_JS shows a cited passage in, beside <main id="brief"> in a .layout. */
export const SOURCE_PANEL = `<aside class="source" id="source" aria-label="Source document">
<div class="source-head"><div><p class="source-outlet" id="source-outlet">Sources</p><p class="source-title" id="source-title"></p><p class="source-where" id="source-where"></p><p class="source-actions"><button type="button" class="copy-cite" id="copy-cite" hidden>Copy citation</button> <span class="copy-status" id="copy-status" role="status"></span></p></div><button type="button" class="source-close" id="source-close" aria-label="Close the source">×</button></div>
<div class="source-text" id="source-text" tabindex="0"><p class="source-empty">Choose a citation to read the passage where its outlet printed it.</p></div>
<p class="source-legend">Highlighted: the cited passage. Grey: page chrome the cleaner removed.</p>
</aside>`;

/** The documents REPORT_JS reads, as JSON no source text can break out of. */
export function panelData(documents: PanelDocument[]): string {
  return `<script type="application/json" id="documents">${jsonForScript(documents)}</script>`;
}

export function htmlPage(title: string, main: string, documents: PanelDocument[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<a class="skip" href="#content">Skip to the brief</a>
<div class="layout">
<main id="brief">
${main}
</main>
${SOURCE_PANEL}
</div>
${panelData(documents)}
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
