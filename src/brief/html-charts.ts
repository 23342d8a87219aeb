// Charts drawn on the server as inline SVG (no script; the strict policy allows them): a reader
// sees at a glance how far apart the outlets' figures are. Each chart sits beside the text it
// draws (the variant cards), which stays the accessible account; the SVG is decoration for it.
import type { Brief, Disagreement } from '../schema.ts';
import { escapeHtml as esc } from './escape.ts';

/** The kinds whose variants are values on one scale (quotes and names are not). */
const PLOTTED = new Set<Disagreement['kind']>(['number', 'duration', 'time', 'date']);

/** Where a value sits on a plot's track, in percent: a margin each side so the extreme dots are whole. */
function trackPosition(min: number, max: number): (x: number) => string {
  return (x) => (4 + (92 * (x - min)) / (max - min || 1)).toFixed(2);
}

function dot(x: string): string {
  return `<circle class="plot-dot" cx="${x}%" cy="9" r="5"/>`;
}

/** One row of a plot: the outlet, its track with the marks, and the words beside it (already escaped). */
function plotRow(outlet: string, marks: string, label: string): string {
  return `<li><span class="plot-outlet">${esc(outlet)}</span><svg class="plot-track" width="100%" height="18" aria-hidden="true" focusable="false"><line class="plot-axis" x1="0" x2="100%" y1="9" y2="9"/>${marks}</svg><span class="plot-value">${label}</span></li>`;
}

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
  const at = trackPosition(min, max);
  const items = rows.map((r) => {
    const mark = r.low === r.high ? dot(at(r.low)) : `<line class="plot-range" x1="${at(r.low)}%" x2="${at(r.high)}%" y1="9" y2="9"/>`;
    const when = r.published ? ` · <time>${esc(r.published)}</time>` : '';
    return plotRow(r.outlet, mark, `${esc(r.value)}${when}`);
  });
  return `<figure class="dot-plot"><figcaption class="visually-hidden">Each outlet's figure on one scale, from the lowest to the highest.</figcaption><ul>${items.join('')}</ul></figure>`;
}

/**
 * The order that shows a bundle's structure in a points × outlets grid. Outlets are chained by how
 * many points they share (each next the one most like the last) and the chain is cut where two
 * neighbours share less than half of what the smaller reports: the pieces are blocks, each a set
 * of outlets telling the same event. A point goes with the block holding most of its outlets;
 * within a block points keep their given order (most corroborated first). One event is one block,
 * so its points keep their order; two events mixed in one bundle show as two blocks.
 */
export function blockOrder<P>(points: readonly P[], outlets: readonly string[], reports: (p: P) => readonly string[]): { points: P[]; outlets: string[] } {
  const sets = points.map((p) => new Set(reports(p)));
  const shared = (a: string, b: string) => sets.filter((s) => s.has(a) && s.has(b)).length;
  const reach = (o: string) => sets.filter((s) => s.has(o)).length;
  // Start from the outlet that reports most; chain to the one sharing most with the last placed.
  const left = [...outlets];
  const chain: string[] = [];
  while (left.length) {
    const last = chain[chain.length - 1];
    const score = (o: string) => (last === undefined ? reach(o) : shared(last, o));
    let best = 0;
    for (let k = 1; k < left.length; k++) if (score(left[k]!) > score(left[best]!)) best = k;
    chain.push(left.splice(best, 1)[0]!);
  }
  const blockOf = new Map<string, number>();
  chain.forEach((o, k) => {
    const previous = chain[k - 1];
    const apart = previous !== undefined && shared(previous, o) < 0.5 * Math.min(reach(previous), reach(o));
    blockOf.set(o, previous === undefined ? 0 : blockOf.get(previous)! + (apart ? 1 : 0));
  });
  const home = (s: Set<string>) => {
    const counts = new Map<number, number>();
    for (const o of s) counts.set(blockOf.get(o) ?? 0, (counts.get(blockOf.get(o) ?? 0) ?? 0) + 1);
    let best = Infinity;
    for (const [block, n] of counts) if (best === Infinity || n > counts.get(best)! || (n === counts.get(best)! && block < best)) best = block;
    return best;
  };
  const order = points.map((p, k) => ({ p, k, block: home(sets[k]!) })).sort((a, b) => a.block - b.block || a.k - b.k);
  return { points: order.map((x) => x.p), outlets: chain };
}

/**
 * When each outlet published: one row per outlet on one time axis, a dot per report, labelled with
 * the first and last times. Nothing when fewer than two reports are dated or all at one moment.
 */
export function coverageOverTime(brief: Brief, outletOf: (doc: Brief['documents'][number]) => string): string {
  const dated = brief.documents.flatMap((d) => {
    const t = d.published ? Date.parse(d.published) : NaN;
    return Number.isFinite(t) ? [{ outlet: outletOf(d), t, published: d.published! }] : [];
  });
  if (dated.length < 2) return '';
  const min = Math.min(...dated.map((d) => d.t));
  const max = Math.max(...dated.map((d) => d.t));
  if (max === min) return '';
  const at = trackPosition(min, max);
  const rows = new Map<string, typeof dated>();
  for (const d of [...dated].sort((a, b) => a.t - b.t)) rows.set(d.outlet, [...(rows.get(d.outlet) ?? []), d]);
  const items = [...rows].map(([outlet, reports]) => {
    const dots = reports.map((r) => dot(at(r.t))).join('');
    return plotRow(outlet, dots, reports.map((r) => `<time>${esc(r.published)}</time>`).join(', '));
  });
  const span = `<p class="meta">From <time>${esc(new Date(min).toISOString())}</time> to <time>${esc(new Date(max).toISOString())}</time>; undated reports are left out.</p>`;
  return `<figure class="dot-plot time-plot"><figcaption>When each outlet published</figcaption>${span}<ul>${items.join('')}</ul></figure>`;
}
