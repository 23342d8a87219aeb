// The brief as Markdown: lead, key points, timeline, disagreements, single-source points, the
// quote sheet, who's who, the coverage matrix and coverage by outlet; every quoted passage
// carries its citation [doc:start-end].
import type { Brief, CleanDocument } from '../schema.ts';
import { escapeMarkdown } from './escape.ts';
import { briefTitle } from './title.ts';
import { whoSaidWhat, whosWho } from './people.ts';
import { citation, coverageSection, disagreementsSection, leadSection, pointsSection, timelineSection } from './sections.ts';

export { citation };

export function renderMarkdown(brief: Brief): string {
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(briefTitle(brief))}`, '');
  lines.push("_Every passage below is quoted from its source. A citation `[doc:start-end]` gives the document id and the character offsets of the passage in that document's original text._", '');
  lines.push('| Outlet | Title | Byline | Published | Source |', '| --- | --- | --- | --- | --- |');
  for (const doc of brief.documents) {
    lines.push(`| ${cell(doc.outlet)} | ${cell(doc.title)} | ${cell(doc.byline)} | ${cell(doc.published)} | ${cell(doc.source)} |`);
  }
  lines.push('');
  lines.push(
    ...leadSection(brief),
    // What is contested comes right after the lead: it is what a fact-checker reads first.
    ...disagreementsSection(brief),
    ...pointsSection('Key points', brief.brief.points, 'Reported by more than one outlet, most corroborated first.'),
    ...timelineSection(brief),
    ...pointsSection('Reported by only one outlet', brief.brief.onlyOne, 'Not found in any other report: check before relying on it.'),
    ...whoSaidWhat(brief),
    ...whosWho(brief),
    ...coverageSection(brief),
  );
  lines.push('## Coverage by outlet', '');
  for (const doc of brief.documents) lines.push(...documentSection(doc), '');
  if (brief.rejected.length) {
    lines.push('## Inputs not used', '');
    for (const r of brief.rejected) lines.push(`- ${escapeMarkdown(r.source)}: ${escapeMarkdown(r.reason)}`);
    lines.push('');
  }
  if (brief.messages.length) {
    lines.push('## How this brief was made', '');
    for (const m of brief.messages) lines.push(`- ${escapeMarkdown(m.reason)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function documentSection(doc: CleanDocument): string[] {
  const heading = doc.outlet ?? doc.source;
  const out = [`### ${escapeMarkdown(heading)}${doc.title ? ` — ${escapeMarkdown(doc.title)}` : ''}`, ''];
  const facts = [
    doc.byline && `By ${escapeMarkdown(doc.byline)}`,
    doc.published && `published ${escapeMarkdown(doc.published)}`,
    doc.meta.dateline && `dateline ${escapeMarkdown(doc.meta.dateline)}`,
    doc.turns?.length && `transcript, ${doc.turns.length} turns`,
    `${doc.sentences.length} sentences`,
  ].filter(Boolean);
  out.push(`_${facts.join(' · ')}_  `, `Source: \`${doc.source.replace(/`/g, "'")}\` · id \`${doc.id}\``, '');
  const first = doc.body.find((span) => doc.original.slice(span.start, span.end).split(/\s+/).length >= 8) ?? doc.body[0];
  if (first) out.push(`> ${escapeMarkdown(doc.original.slice(first.start, first.end))} ${citation(first)}`, '');
  else out.push('> _(no article text found)_', '');
  if (doc.removed.length) {
    const kinds = new Map<string, number>();
    for (const r of doc.removed) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    out.push(`Page chrome removed: ${[...kinds].map(([k, c]) => `${k} ×${c}`).join(', ')}.`);
  }
  return out;
}

function cell(value: string | null): string {
  return value ? escapeMarkdown(value) : '—';
}
