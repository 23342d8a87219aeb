// The report's stylesheet, inlined into the page (allowed by its hash, not by 'unsafe-inline').
// Phone first; from WIDE up, the brief and the source panel sit side by side.
export const WIDE = '1000px';

export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #fdfdfc; --fg: #1d1f22; --muted: #5d636b; --line: #dfe1e4; --card: #f4f5f6;
  --chip: #e3ecfa; --chip-fg: #173d7a; --chip-hover: #cbdcf6; --accent: #1f5fbf;
  --mark: #ffe58a; --chrome: #8a9097; --ins: #d7f3dc; --del: #fadcdc; --warn: #fde8c8;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  --serif: Georgia, "Noto Serif", "Times New Roman", serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181b; --fg: #e6e8ea; --muted: #a0a6ad; --line: #33373c; --card: #1f2226;
    --chip: #22365a; --chip-fg: #cfe0ff; --chip-hover: #2c4674; --accent: #7fb0ff;
    --mark: #7a6414; --chrome: #7d848c; --ins: #1f4a2a; --del: #5a2626; --warn: #5a4419;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 var(--font); }
main { padding: 1rem 1rem 3rem; max-width: 52rem; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: .5rem 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
p { margin: .35rem 0; }
code { font-size: .85em; overflow-wrap: anywhere; }
.intro, .meta, .none, footer { color: var(--muted); font-size: .875rem; }
nav.toc { font-size: .875rem; margin: .75rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
nav.toc a { color: var(--accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

/* Citations: small pills; a passage's own words as a dotted link. */
.summary-strip { font-weight: 600; margin: .25rem 0 .75rem; }
.summary-strip a { color: var(--accent); }
.skip { position: absolute; left: -9999px; top: .5rem; z-index: 10; background: var(--bg); color: var(--accent); padding: .5rem .75rem; border: 2px solid var(--accent); }
.skip:focus { left: .5rem; }
.cites { white-space: normal; }
.cite-role { font-size: .72rem; color: var(--muted); }
.permalink { color: var(--muted); text-decoration: none; font-size: .8rem; padding: 0 .25rem; }
.permalink:hover, .permalink:focus { color: var(--accent); }
.cite { font: inherit; font-family: var(--font); font-size: .72rem; line-height: 1.1; font-weight: 600; color: var(--chip-fg); background: var(--chip);
  border: 1px solid transparent; border-radius: .7rem; padding: .12rem .45rem; margin: 0 .15rem .1rem 0; cursor: pointer;
  vertical-align: .08em; max-width: 100%; overflow-wrap: anywhere; text-align: left; min-height: 24px; min-width: 24px; }
.cite:hover { background: var(--chip-hover); }
.cite:focus-visible, .open-doc:focus-visible, .source-close:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.cite.active { border-color: var(--accent); }
.cite-text { font-family: inherit; font-size: inherit; font-weight: inherit; line-height: inherit; background: none; color: var(--accent); padding: 0; margin: 0;
  border: 0; border-bottom: 1px dotted var(--accent); border-radius: 0; vertical-align: baseline; }
.cite-text:hover { background: var(--chip); }
.cite-text.active { background: var(--mark); border-color: var(--accent); }
.open-doc { font: inherit; color: var(--accent); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }

.badge { display: inline-block; font-size: .7rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; color: var(--muted);
  border: 1px solid var(--line); border-radius: .25rem; padding: 0 .3rem; margin-left: .3rem; vertical-align: .1em; }
.badge.warn { background: var(--warn); }
.role { color: var(--muted); font-weight: 400; font-size: .875rem; margin-left: .35rem; }
.label { font-size: .7rem; font-weight: 600; color: var(--chip-fg); background: var(--chip); border-radius: .7rem; padding: .05rem .4rem; }

table { border-collapse: collapse; font-size: .875rem; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
td { overflow-wrap: break-word; }
thead th { font-size: .75rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
.scroll { overflow-x: auto; position: relative; } /* holds the matrix's visually hidden cells, so they cannot widen a phone page */
/* On a phone the outlet table becomes one card per report. */
@media (max-width: 640px) {
  table.outlets thead { display: none; }
  table.outlets tr { display: block; padding: .5rem 0; border-bottom: 1px solid var(--line); }
  table.outlets td { display: grid; grid-template-columns: 5.5rem 1fr; gap: .5rem; border: 0; padding: .1rem 0; }
  table.outlets td::before { content: attr(data-label); color: var(--muted); font-size: .75rem; }
}
table.outlets { table-layout: fixed; }
table.outlets th:nth-child(1) { width: 20%; } table.outlets th:nth-child(2) { width: 32%; }
table.outlets th:nth-child(3) { width: 13%; } table.outlets th:nth-child(4) { width: 16%; }
table.matrix thead th { text-transform: none; letter-spacing: 0; }
table.matrix th[scope=row] { font-weight: 400; min-width: 10rem; }
/* The key points stay in view while a wide matrix (many outlets) scrolls sideways. */
table.matrix th[scope=row], table.matrix thead th:first-child { position: sticky; left: 0; z-index: 1; background: var(--bg); }
table.matrix thead th + th { white-space: nowrap; text-align: center; }
table.matrix td { text-align: center; }
/* A heatmap: a reported point's cell is shaded, so blocks of outlets telling the same points show. */
table.matrix td.hit { background: var(--chip); }
.time-plot figcaption { font-weight: 600; margin: 0 0 .2rem; }
table.matrix td.num { color: var(--muted); }

.lead { font-family: var(--serif); font-size: 1.1rem; }
ol.points, ol.timeline { padding-left: 1.4rem; }
ol.points li, ol.timeline li { margin: 0 0 .8rem; }
.when { display: inline-block; font-weight: 600; font-size: .875rem; margin-right: .4rem; }
ol.timeline p { display: inline; }

.disagreement { border: 1px solid var(--line); border-radius: .5rem; padding: .25rem .85rem .75rem; margin: 0 0 1rem; }
.dot-plot { margin: .25rem 0 .75rem; }
.dot-plot ul { list-style: none; margin: 0; padding: 0; }
.dot-plot li { display: grid; grid-template-columns: minmax(6rem, 11rem) 1fr minmax(6rem, 12rem); align-items: center; gap: .6rem; font-size: .85rem; min-height: 24px; }
.dot-plot .plot-outlet { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.dot-plot .plot-value { color: var(--muted); }
.plot-axis { stroke: var(--line); stroke-width: 2; }
.plot-dot { fill: var(--accent); }
.plot-range { stroke: var(--accent); stroke-width: 8; stroke-linecap: round; }
@media (max-width: 640px) { .dot-plot li { grid-template-columns: 1fr; gap: 0; padding: .2rem 0; } }
.variants { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .6rem; }
.variant { background: var(--card); border-radius: .4rem; padding: .5rem .65rem; }
.variant .value { font-weight: 600; }
ins { background: var(--ins); text-decoration: none; }
del { background: var(--del); }

.speaker h3 { margin-top: 1.5rem; }
ul.quotes, ul.entities, ul.rejected { list-style: none; padding: 0; }
ul.quotes li { margin: 0 0 .8rem; }
blockquote { margin: 0; padding: .1rem 0 .1rem .75rem; border-left: 3px solid var(--line); font-family: var(--serif); }
ul.entities li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
.document { margin-bottom: 1.5rem; }
footer { padding: 1rem; border-top: 1px solid var(--line); }

/* The source panel: over the brief on a phone, beside it on a wide screen. */
.source { display: none; position: fixed; inset: 0; z-index: 10; background: var(--bg); flex-direction: column; }
body.source-open .source { display: flex; }
body.source-open { overflow: hidden; }
.source-head { display: flex; gap: .75rem; align-items: flex-start; padding: .75rem 1rem .5rem; border-bottom: 1px solid var(--line); }
.source-head > div { flex: 1; min-width: 0; }
.source-outlet { font-weight: 700; margin: 0; }
.source-title { margin: 0; font-size: .875rem; color: var(--muted); }
.source-where { margin: 0; font-size: .75rem; color: var(--muted); }
.source-actions { margin: .3rem 0 0; font-size: .8rem; }
.copy-cite { font: inherit; min-height: 24px; padding: 0 .6rem; border: 1px solid var(--line); border-radius: 4px; background: transparent; color: inherit; cursor: pointer; }
.copy-cite:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.copy-status { color: var(--muted); }
.source-close { flex: none; font: inherit; font-size: 1.5rem; line-height: 1; width: 2.75rem; height: 2.75rem; border-radius: 50%;
  border: 1px solid var(--line); background: var(--card); color: var(--fg); cursor: pointer; }
.source-text { position: relative; flex: 1; overflow: auto; padding: 1rem; white-space: pre-wrap; overflow-wrap: anywhere;
  font-family: var(--serif); font-size: .95rem; line-height: 1.55; overscroll-behavior: contain; }
.source-text:focus { outline: none; }
.source-text .chrome { color: var(--chrome); font-family: var(--font); font-size: .8rem; }
.source-text mark { background: var(--mark); color: inherit; border-radius: 2px; box-shadow: 0 0 0 2px var(--mark); }
.source-legend { margin: 0; padding: .4rem 1rem; font-size: .75rem; color: var(--muted); border-top: 1px solid var(--line); }
.source-empty { color: var(--muted); font-family: var(--font); white-space: normal; }

@media (min-width: ${WIDE}) {
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(22rem, 42%); }
  main { padding: 1.5rem 2rem 4rem; justify-self: center; width: 100%; }
  table.matrix th[scope=row] { min-width: 14rem; }
  .source, body.source-open .source { display: flex; position: sticky; top: 0; height: 100vh; border-left: 1px solid var(--line); z-index: auto; }
  body.source-open { overflow: visible; }
  .source-close { display: none; }
}
`;
