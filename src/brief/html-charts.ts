// Charts drawn on the server as inline SVG (no script; the strict policy allows them): a reader
// sees at a glance how far apart the outlets' figures are. Each chart sits beside the text it
// draws (the variant cards), which stays the accessible account; the SVG is decoration for it.
import type { Disagreement } from '../schema.ts';
import { escapeHtml as esc } from './escape.ts';

/** The kinds whose variants are values on one scale (quotes and names are not). */
const PLOTTED = new Set<Disagreement['kind']>(['number', 'duration', 'time', 'date']);

/**
 * A dot plot of a value disagreement: one row per outlet, on one shared axis, its figure as a dot
 * (or a bar for a range the wording allows: "between 30 and 40"), labelled with the figure as
 * printed and when the outlet published it. Nothing when fewer than two variants have a figure.
 */
export function valueDotPlot(d: Disagreement): string {
  if (!PLOTTED.has(d.kind)) return '';
  const rows = d.variants.flatMap((v) => {
    const low = v.normalized?.low;
    const high = v.normalized?.high;
    if (low === null || low === undefined || high === null || high === undefined || !Number.isFinite(low) || !Number.isFinite(high)) return [];
    return v.outlets.map((outlet) => ({ outlet, low, high, value: v.value, published: v.published }));
  });
  if (new Set(rows.map((r) => `${r.low}:${r.high}`)).size < 2) return '';
  rows.sort((a, b) => a.low - b.low || a.high - b.high || a.outlet.localeCompare(b.outlet));
  const min = Math.min(...rows.map((r) => r.low));
  const max = Math.max(...rows.map((r) => r.high));
  // A margin each side so the extreme dots are whole; x in percent of the track.
  const at = (x: number) => (4 + (92 * (x - min)) / (max - min || 1)).toFixed(2);
  const items = rows.map((r) => {
    const mark =
      r.low === r.high
        ? `<circle class="plot-dot" cx="${at(r.low)}%" cy="9" r="5"/>`
        : `<line class="plot-range" x1="${at(r.low)}%" x2="${at(r.high)}%" y1="9" y2="9"/>`;
    const when = r.published ? ` · <time>${esc(r.published)}</time>` : '';
    return `<li><span class="plot-outlet">${esc(r.outlet)}</span><svg class="plot-track" width="100%" height="18" aria-hidden="true" focusable="false"><line class="plot-axis" x1="0" x2="100%" y1="9" y2="9"/>${mark}</svg><span class="plot-value">${esc(r.value)}${when}</span></li>`;
  });
  return `<figure class="dot-plot"><figcaption class="visually-hidden">Each outlet's figure on one scale, from the lowest to the highest.</figcaption><ul>${items.join('')}</ul></figure>`;
}
