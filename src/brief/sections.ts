// Markdown sections of the synthesized brief: lead, key points, timeline, disagreements,
// single-source points and the coverage matrix. Every line ends with its citations.
import type { Brief, CitedText, Disagreement, Point, Span } from '../schema.ts';
import { escapeMarkdown } from './escape.ts';

export function citation(span: Span): string {
  return `[${span.doc}:${span.start}-${span.end}]`;
}

function cited(item: CitedText): string {
  return `${escapeMarkdown(item.text)} ${item.citations.map(citation).join(' ')}`;
}

export function leadSection(brief: Brief): string[] {
  const { lead, note } = brief.brief;
  const out = note ? [`_${escapeMarkdown(note)}_`, ''] : [];
  if (!lead.length) return out.length ? ['## Lead', '', ...out] : [];
  const marked = (item: (typeof lead)[number]) => (item.sources === 1 ? `${cited(item)} _(${item.outlets.map(escapeMarkdown).join(', ')} only)_` : cited(item));
  return ['## Lead', '', ...out, lead.map(marked).join(' '), ''];
}

export function pointsSection(title: string, points: Point[], note: string): string[] {
  if (!points.length) return [];
  const out = [`## ${title}`, '', `_${note}_`, ''];
  points.forEach((p, i) => {
    const sources = p.sources === p.outlets.length ? '' : `, ${p.sources} independent source${p.sources === 1 ? '' : 's'}`;
    const disputed = p.disputed.length ? ` — **disputed**: the outlets give different figures (${p.disputed.join(', ')})` : '';
    out.push(`${i + 1}. ${cited(p)} — _${p.outlets.map(escapeMarkdown).join(', ')}${sources}_${disputed}`);
  });
  out.push('');
  return out;
}

export function timelineSection(brief: Brief): string[] {
  if (!brief.brief.timeline.length) return [];
  const out = ['## Timeline', ''];
  for (const item of brief.brief.timeline) out.push(`- **${escapeMarkdown(item.when)}** — ${cited(item)}`);
  out.push('');
  return out;
}

export function disagreementsSection(brief: Brief): string[] {
  if (!brief.disagreements.length) return [];
  const out = ['## Where the outlets disagree', ''];
  for (const d of brief.disagreements) out.push(...disagreementLines(d), '');
  return out;
}

function disagreementLines(d: Disagreement): string[] {
  const within = d.withinDocument ? ' _(one report states more than one of these)_' : '';
  const out = [`### ${escapeMarkdown(d.about)} (${d.severity}, ${d.kind})${within}`, ''];
  if (d.severity === 'update') out.push('_A figure that changed as the story developed, in order of publication:_', '');
  for (const v of d.variants) {
    const shown = v.diff?.some((w) => w.op !== 'same') ? v.diff.map(diffPiece).join('') : escapeMarkdown(v.value);
    const when = v.published ? ` (published ${escapeMarkdown(v.published)})` : '';
    out.push(`- “${shown}” — ${v.outlets.map(escapeMarkdown).join(', ')}${when} ${v.support.map(citation).join(' ')}`);
  }
  return out;
}

/** Added words in bold, removed words struck through; the space before a word stays outside the marks. */
function diffPiece(piece: { op: 'same' | 'added' | 'removed'; text: string }): string {
  if (piece.op === 'same') return escapeMarkdown(piece.text);
  const space = /^\s*/.exec(piece.text)![0];
  const words = piece.text.slice(space.length);
  if (!words) return space;
  return `${space ? ' ' : ''}${piece.op === 'added' ? `**${escapeMarkdown(words)}**` : `~~${escapeMarkdown(words)}~~`}`;
}

export function coverageSection(brief: Brief): string[] {
  const points = [...brief.brief.points, ...brief.brief.onlyOne];
  if (!points.length) return [];
  const outlets = brief.brief.outlets;
  const out = ['## Coverage matrix', '', `| Point | ${outlets.map(escapeMarkdown).join(' | ')} |`, `| --- |${outlets.map(() => ' :---: |').join('')}`];
  for (const p of points) {
    const covered = new Set(brief.brief.coverage[p.id] ?? []);
    out.push(`| ${p.id}: ${escapeMarkdown(shorten(p.text))} | ${outlets.map((o) => (covered.has(o) ? '✓' : ' ')).join(' | ')} |`);
  }
  out.push('');
  return out;
}

function shorten(text: string, words = 10): string {
  const parts = text.trim().split(/\s+/);
  return parts.length <= words ? text.trim() : `${parts.slice(0, words).join(' ')} …`;
}
