// The sections of the HTML report that come from the synthesis and the comparison: lead, key
// points, timeline, disagreements, single-source points, coverage; plus the outlet table, the
// per-document coverage and the inputs not used. Each returns '' when it has nothing to show.
import type { Brief, CleanDocument, CitedText, Disagreement, Point, Span, Variant } from '../schema.ts';
import type { Citer } from './html-cite.ts';
import { escapeHtml as esc } from './escape.ts';
import { outletLabel } from '../clean/outlet-label.ts';
import { blockOrder, coverageOverTime, valueDotPlot } from './html-charts.ts';

/** A section with its heading, or nothing when it is empty. */
/**
 * What is contested and what is corroborated, at a glance, each linking to its section:
 * "2 contradictions · 1 update · 3 quotes worded differently · 1 spelling · 9 corroborated points".
 */
export function summaryStrip(brief: Brief): string {
  const count = (severity: string) => brief.disagreements.filter((d) => d.severity === severity).length;
  const items: [number, string, string, string][] = [
    [count('contradiction'), 'contradiction', 'contradictions', '#disagreements'],
    [count('update'), 'update', 'updates', '#disagreements'],
    [count('wording'), 'quote worded differently', 'quotes worded differently', '#disagreements'],
    [count('spelling'), 'spelling', 'spellings', '#disagreements'],
    [brief.brief.points.length, 'corroborated point', 'corroborated points', '#key-points'],
    [brief.brief.onlyOne.length, 'point from one outlet only', 'points from one outlet only', '#only-one'],
  ];
  const shown = items.filter(([n]) => n > 0).map(([n, one, many, href]) => `<a href="${href}">${n} ${n === 1 ? one : many}</a>`);
  return shown.length ? `<p class="summary-strip">${shown.join(' · ')}</p>` : '';
}

export function section(id: string, heading: string, inner: string): string {
  return inner ? `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(heading)}</h2>\n${inner}\n</section>` : '';
}

/**
 * A statement and its chips. When the statement is one passage word for word, its chip says so
 * ("quoted from") apart from the passages that report the same ("also in").
 */
function cited(item: CitedText, citer: Citer): string {
  const [first, ...rest] = item.citations;
  const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
  if (!first || !same(citer.passage(first), item.text)) return `${esc(item.text)} ${citer.cites(item.citations)}`;
  const others = citer.cites(rest.filter((s) => !(s.doc === first.doc && s.start === first.start && s.end === first.end)));
  return `${esc(item.text)} <span class="cites"><span class="cite-role">quoted from</span> ${citer.cite(first)}${others ? ` <span class="cite-role">also in</span> ${others}` : ''}</span>`;
}

function orDash(value: string | null): string {
  return value ? esc(value) : '<span class="none">—</span>';
}

const OUTLET_COLUMNS = ['Outlet', 'Title', 'Byline', 'Published', 'Source'];

export function outletTable(brief: Brief, citer: Citer): string {
  if (!brief.documents.length) return '';
  const rows = brief.documents.map((doc) => {
    const label = citer.label(doc.id);
    const chip = label !== outletLabel(doc) ? ` <span class="label">${esc(label)}</span>` : '';
    const cells = [`${orDash(doc.outlet)}${chip}`, orDash(doc.title), orDash(doc.byline), orDash(doc.published), `<code>${esc(doc.source)}</code>`];
    // The label is for the phone layout, where each row becomes a card of labelled lines.
    return `<tr>${cells.map((cell, i) => `<td data-label="${OUTLET_COLUMNS[i]}"><div>${cell}</div></td>`).join('')}</tr>`;
  });
  const head = OUTLET_COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('');
  return `<table class="outlets"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

export function lead(brief: Brief, citer: Citer): string {
  const note = brief.brief.note ? `<p class="note">${esc(brief.brief.note)}</p>\n` : '';
  const only = (item: Brief['brief']['lead'][number]) => (item.sources === 1 ? ` <span class="only">(${esc(item.outlets.join(', '))} only)</span>` : '');
  return note + brief.brief.lead.map((item) => `<p class="lead">${cited(item, citer)}${only(item)}</p>`).join('\n');
}

/** Key points and single-source points: the text, its citations, who reports it. */
export function points(list: Point[], citer: Citer): string {
  if (!list.length) return '';
  const items = list.map((p) => {
    const outlets = p.outlets.map(esc).join(', ');
    const sources = p.sources === 1 ? '1 independent source' : `${p.sources} independent sources`;
    const disputed = p.disputed.length ? ` · <span class="badge warn">disputed</span> ${p.disputed.map((id) => `<a href="#${esc(id)}">${esc(id)}</a>`).join(', ')}` : '';
    // Each point has its own address (#point-3), to link or share.
    return `<li id="${esc(p.id)}"><p>${cited(p, citer)} <a class="permalink" href="#${esc(p.id)}" aria-label="link to this point">#</a></p><p class="meta">${outlets ? `${outlets} · ` : ''}${sources}${disputed}</p></li>`;
  });
  return `<ol class="points">\n${items.join('\n')}\n</ol>`;
}

export function timeline(brief: Brief, citer: Citer): string {
  if (!brief.brief.timeline.length) return '';
  const items = brief.brief.timeline.map((t) => `<li><span class="when">${esc(t.when)}</span><p>${cited(t, citer)}</p></li>`);
  return `<ol class="timeline">\n${items.join('\n')}\n</ol>`;
}

export function disagreements(brief: Brief, citer: Citer): string {
  return brief.disagreements.map((d) => disagreement(d, citer)).join('\n');
}

function disagreement(d: Disagreement, citer: Citer): string {
  const severity = `<span class="badge${d.severity === 'contradiction' ? ' warn' : ''}">${esc(d.severity)}</span>`;
  const badges = [severity, `<span class="badge">${esc(d.kind)}</span>`, d.withinDocument ? '<span class="badge warn">within one report</span>' : ''].join('');
  const variants = d.variants.map((v) => variant(v, d.kind === 'quote', citer)).join('\n');
  const context = d.context.length ? `<p class="meta">Read in: ${citer.cites(d.context)}</p>` : '';
  const order = d.severity === 'update' ? '<p class="meta">A figure that changed as the story developed, in order of publication.</p>' : '';
  return `<article class="disagreement" id="${esc(d.id)}"><h3>${esc(d.about)} ${badges}</h3>\n${order}${valueDotPlot(d)}<div class="variants">\n${variants}\n</div>${context}</article>`;
}

function variant(v: Variant, isQuote: boolean, citer: Citer): string {
  const words = v.diff?.some((part) => part.op !== 'same') ? wordDiff(v.diff) : esc(v.value);
  const value = isQuote ? `“${words}”` : words;
  const when = v.published ? ` · published <time>${esc(v.published)}</time>` : '';
  return `<div class="variant"><p class="value">${value}</p><p class="meta">${v.outlets.map(esc).join(', ')}${when}</p>${citer.cites(v.support)}</div>`;
}

/**
 * Words this variant adds to the first are <ins>, words of the first it lacks are <del>. Each
 * part carries the whitespace before it, which stays outside the mark-up.
 */
function wordDiff(diff: NonNullable<Variant['diff']>): string {
  const tag = { same: '', added: 'ins', removed: 'del' } as const;
  return diff
    .map(({ op, text }) => {
      if (!tag[op]) return esc(text);
      const space = /^\s*/.exec(text)![0];
      return `${space}<${tag[op]}>${esc(text.slice(space.length))}</${tag[op]}>`;
    })
    .join('');
}

/** Rows are key points, columns the outlets; a ✓ opens that outlet's supporting passage. */
export function coverageMatrix(brief: Brief, citer: Citer): string {
  const { coverage } = brief.brief;
  if (!brief.brief.points.length || !brief.brief.outlets.length) return '';
  // Ordered so that outlets reporting the same points sit together: two events mixed in one
  // bundle show as two blocks of shaded cells.
  const { points: rows, outlets } = blockOrder(brief.brief.points, brief.brief.outlets, (p) => coverage[p.id] ?? []);
  const docsOf = new Map(outlets.map((o) => [o, brief.documents.filter((d) => (d.outlet ?? d.source) === o || outletLabel(d) === o)]));
  const facts = new Map(brief.facts.map((f) => [f.id, f]));
  const head = outlets.map((o) => {
    const first = docsOf.get(o)?.[0];
    return `<th scope="col" title="${esc(o)}">${esc(first ? citer.label(first.id) : o)}</th>`;
  });
  const body = rows.map((p) => {
    const cells = outlets.map((o) => {
      if (!coverage[p.id]?.includes(o)) return '<td><span class="visually-hidden">not reported</span></td>';
      const ids = new Set((docsOf.get(o) ?? []).map((d) => d.id));
      const inOutlet = (s: Span) => ids.has(s.doc);
      const passage = facts.get(p.fact)?.support.find(inOutlet) ?? p.citations.find(inOutlet);
      return `<td class="hit">${passage ? citer.cite(passage, '✓') : '<span aria-label="reported">✓</span>'}</td>`;
    });
    return `<tr><th scope="row">${esc(p.text)}</th>${cells.join('')}<td class="num">${p.sources}</td></tr>`;
  });
  return `<div class="scroll"><table class="matrix"><thead><tr><th scope="col">Key point</th>${head.join('')}<th scope="col" title="independent sources">Sources</th></tr></thead><tbody>\n${body.join('\n')}\n</tbody></table></div>`;
}

export function coverageByOutlet(brief: Brief, citer: Citer): string {
  return [coverageOverTime(brief, outletLabel), ...brief.documents.map((doc) => documentCard(doc, citer))].filter(Boolean).join('\n');
}

function documentCard(doc: CleanDocument, citer: Citer): string {
  const facts = [
    doc.byline && `By ${esc(doc.byline)}`,
    doc.published && `published ${esc(doc.published)}`,
    doc.meta.dateline && `dateline ${esc(doc.meta.dateline)}`,
    doc.turns?.length && `transcript, ${doc.turns.length} turns`,
    `${doc.sentences.length} sentence${doc.sentences.length === 1 ? '' : 's'}`,
  ].filter(Boolean);
  const first = doc.body.find((span) => doc.original.slice(span.start, span.end).split(/\s+/).length >= 8) ?? doc.body[0];
  const opening = first ? `<blockquote>${esc(doc.original.slice(first.start, first.end))} ${citer.cite(first)}</blockquote>` : '<p class="none">(no article text found)</p>';
  const kinds = new Map<string, number>();
  for (const r of doc.removed) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  const removed = kinds.size ? `<p class="meta">Page chrome removed: ${[...kinds].map(([k, c]) => `${esc(k)} ×${c}`).join(', ')}.</p>` : '';
  const heading = `${esc(outletLabel(doc))}${doc.title ? ` — ${esc(doc.title)}` : ''}`;
  return `<article class="document"><h3>${heading}</h3><p class="meta">${facts.join(' · ')}</p>${opening}${removed}<p class="meta">Source: <code>${esc(doc.source)}</code> · id <code>${esc(doc.id)}</code> · <button type="button" class="open-doc" data-doc="${esc(doc.id)}">Read the whole report</button></p></article>`;
}

/** Limits the brief reached, and what they left out. */
export function howMade(brief: Brief): string {
  if (!brief.messages.length) return '';
  return `<ul class="how-made">${brief.messages.map((m) => `<li>${esc(m.reason)}</li>`).join('')}</ul>`;
}

export function inputsNotUsed(brief: Brief): string {
  if (!brief.rejected.length) return '';
  return `<ul class="rejected">${brief.rejected.map((r) => `<li><code>${esc(r.source)}</code>: ${esc(r.reason)}</li>`).join('')}</ul>`;
}
