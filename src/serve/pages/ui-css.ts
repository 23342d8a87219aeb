// The server's own styles, after the report's (REPORT_CSS gives the colours, type, citation
// chips and source panel): the site bar, the story list, search results and the sources side by
// side. Phone first; wide screens get tables and columns.
export const UI_CSS = `
a { color: var(--accent); }
main.page { margin: 0 auto; max-width: 64rem; }
main.wide { max-width: none; }
.site { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: 0 0 .75rem; margin: 0 0 1rem; border-bottom: 1px solid var(--line); }
.site .home { font-weight: 700; color: var(--fg); text-decoration: none; }
.site form { display: flex; flex: 1; gap: .4rem; min-width: 12rem; max-width: 30rem; }
input[type=search] { flex: 1; min-width: 0; font: inherit; padding: .4rem .6rem; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: .4rem; }
input[type=search]:focus-visible, .site button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.site button { font: inherit; padding: .4rem .8rem; color: var(--bg); background: var(--accent); border: 1px solid var(--accent); border-radius: .4rem; cursor: pointer; }
time { white-space: nowrap; }
.crumbs { margin: 0; font-size: .875rem; color: var(--muted); }
.count { color: var(--muted); font-weight: 400; }

.tabs { display: flex; flex-wrap: wrap; gap: .25rem; margin: 1rem 0 0; border-bottom: 1px solid var(--line); font-size: .9rem; }
.tabs a { padding: .4rem .75rem; text-decoration: none; border: 1px solid transparent; border-bottom: 0; border-radius: .4rem .4rem 0 0; }
.tabs a[aria-current=page] { color: var(--fg); font-weight: 600; background: var(--card); border-color: var(--line); }
details.history, details.reports { margin: .75rem 0 0; font-size: .875rem; }
details.history summary, details.reports summary { cursor: pointer; color: var(--muted); }
details.reports[open] summary { margin-bottom: .5rem; }
details.history li { margin: .25rem 0; }

.badge.none { border-style: dashed; }
.badge.stale { opacity: .75; }
table.stories td, table.stories th { vertical-align: baseline; }
table.stories th { white-space: nowrap; }
table.stories .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.stories .seen { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.stories .story-title { font-weight: 600; }
table.stories .badge { margin: 0; white-space: nowrap; }
table.stories .folded { display: none; }
@media (max-width: 640px) {
  table.stories thead, table.stories .num, table.stories .seen { display: none; }
  table.stories tr { display: block; padding: .7rem 0; border-bottom: 1px solid var(--line); }
  table.stories td { display: block; padding: 0; border: 0; }
  table.stories .folded { display: block; margin: .2rem 0; }
}
#edit summary h2 { display: inline; }
form.edit { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; margin: .6rem 0; }
form.edit fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: .2rem; }
form.edit label.check { display: flex; gap: .4rem; align-items: center; min-height: 24px; }
form.edit input, form.edit select, form.edit button { font: inherit; min-height: 24px; max-width: 100%; }
ul.dismissed { padding-left: 1.2rem; }
form.filters { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin: 1rem 0; padding: .6rem .8rem; border: 1px solid var(--line); border-radius: 6px; }
form.filters label { display: inline-flex; align-items: center; gap: .4rem; min-height: 24px; }
form.filters input, form.filters select, form.filters button { min-height: 24px; font: inherit; }
form.filters select { max-width: 14rem; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1.25rem 0; }
.empty { color: var(--muted); }

ol.results { list-style: none; padding: 0; margin: 0; }
ol.results li { padding: .7rem 0; border-bottom: 1px solid var(--line); }
ol.results .result-title { font-weight: 600; }
.snippet { margin: .25rem 0 0; font-family: var(--serif); overflow-wrap: anywhere; }
.snippet mark { background: var(--mark); color: inherit; border-radius: 2px; }

.chrome-toggle { display: inline-flex; gap: .4rem; align-items: center; margin: .75rem 0; font-size: .875rem; color: var(--muted); }
.columns { display: flex; gap: .75rem; overflow-x: auto; padding: 0 0 .75rem; scroll-snap-type: x mandatory; overscroll-behavior-x: contain; }
.column { flex: 1 0 min(86vw, 24rem); max-width: 40rem; display: flex; flex-direction: column; max-height: calc(100vh - 2rem);
  scroll-snap-align: start; border: 1px solid var(--line); border-radius: .5rem; }
.column:target { border-color: var(--accent); box-shadow: 0 0 0 2px var(--accent); }
.column-head { padding: .6rem .8rem; background: var(--card); border-bottom: 1px solid var(--line); border-radius: .5rem .5rem 0 0; }
.column-head h2 { margin: 0; padding: 0; border: 0; font-size: 1rem; }
.column-head p { margin: .15rem 0 0; font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
.column-text { flex: 1; overflow: auto; padding: .75rem .8rem; white-space: pre-wrap; overflow-wrap: anywhere;
  font-family: var(--serif); font-size: .95rem; line-height: 1.55; overscroll-behavior: contain; }
.column-text:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.column-text .chrome { display: none; color: var(--chrome); font-family: var(--font); font-size: .8rem; }
#show-chrome:checked ~ .columns .chrome { display: inline; }
.picker { margin: .75rem 0 0; font-size: .875rem; }
.picker summary { cursor: pointer; min-height: 24px; color: var(--muted); }
.picker ul { list-style: none; padding: 0; margin: .5rem 0; columns: 2 18rem; }
.picker li label { display: flex; gap: .4rem; align-items: flex-start; min-height: 24px; padding: .1rem 0; }
.picker button { min-height: 32px; }
`;
