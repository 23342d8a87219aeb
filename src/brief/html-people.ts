// The quote sheet and "Who's who" of the HTML report: the same selection as the Markdown brief
// (people.ts), each name, role and quote as its source printed it, with its citation.
import type { Brief, Entity, Quote } from '../schema.ts';
import type { Citer } from './html-cite.ts';
import { escapeHtml as esc } from './escape.ts';
import { pushTo } from '../util/multimap.ts';

/** A transcript turn longer than this is shown cut, with the citation covering all of it. */
const MAX_SHOWN_QUOTE_CHARS = 400;
/** Organizations and places named by only one document once are left out of "Who's who". */
const MIN_MENTIONS_FOR_NON_PERSON = 2;
const HOW = { turn: 'on air', partial: 'partial quote', direct: 'quoted' } as const;

export function quoteSheet(brief: Brief, citer: Citer): string {
  const entities = new Map(brief.entities.map((e) => [e.id, e]));
  // Scare quotes with no speaker ("so-called 'reset'") are not statements of anyone.
  const quotes = brief.quotes.filter((q) => q.speaker !== null || q.speakerName !== null || q.kind !== 'partial');
  const bySpeaker = new Map<string, Quote[]>();
  for (const q of quotes) pushTo(bySpeaker, q.speaker ? (entities.get(q.speaker)?.name ?? q.speaker) : (q.speakerName ?? ''), q);
  const ordered = [...bySpeaker].sort(([a, x], [b, y]) => Number(a === '') - Number(b === '') || y.length - x.length);
  return ordered
    .map(([speaker, said]) => {
      const entity = said[0]!.speaker ? entities.get(said[0]!.speaker) : undefined;
      const role = entity?.roles[0] ? ` <span class="role">${esc(entity.roles[0].text)}</span>` : '';
      const name = speaker ? esc(speaker) : 'Speaker not identified';
      return `<section class="speaker"><h3>${name}${role}</h3><ul class="quotes">\n${said.map((q) => quoteItem(q, brief, citer)).join('\n')}\n</ul></section>`;
    })
    .join('\n');
}

function quoteItem(q: Quote, brief: Brief, citer: Citer): string {
  const original = brief.documents.find((d) => d.id === q.span.doc)?.original;
  const text = q.text.length > MAX_SHOWN_QUOTE_CHARS ? q.text.slice(0, MAX_SHOWN_QUOTE_CHARS).replace(/\s+\S*$/, '') + ' …' : q.text;
  const cue = q.cue && original !== undefined && q.kind !== 'turn' ? ` · ${citer.link(q.cue, original.slice(q.cue.start, q.cue.end))}` : '';
  const printed = !q.speaker && q.speakerName && q.speakerSpan ? ` · as ${citer.link(q.speakerSpan, `“${q.speakerName}”`)}` : '';
  return `<li><blockquote>“${esc(text)}”</blockquote><p class="meta">${citer.cite(q.span, citer.name(q.span.doc))} ${HOW[q.kind]}${cue}${printed}</p></li>`;
}

export function whosWho(brief: Brief, citer: Citer): string {
  const shown = brief.entities.filter((e) => e.type === 'person' || e.mentions.length >= MIN_MENTIONS_FOR_NON_PERSON || documentsOf(e).size > 1);
  const order = { person: 0, organization: 1, place: 2 } as const;
  shown.sort((a, b) => order[a.type] - order[b.type] || documentsOf(b).size - documentsOf(a).size || b.mentions.length - a.mentions.length);
  const items = shown.map((e) => {
    const roles = e.roles.slice(0, 4).map((r) => (r.spans[0] ? citer.link(r.spans[0], r.text) : esc(r.text))).join('; ');
    const aliases = e.aliases.length ? `<p class="meta">also written ${e.aliases.slice(0, 6).map((a) => `“${esc(a)}”`).join(', ')}</p>` : '';
    const byDoc = new Map<string, Entity['mentions']>();
    for (const m of e.mentions) pushTo(byDoc, m.doc, m);
    const mentioned = [...byDoc].map(([doc, mentions]) => citer.cite(mentions[0]!, `${citer.label(doc)} ×${mentions.length}`)).join(' ');
    return `<li><p><strong>${esc(e.name)}</strong> <span class="badge">${e.type}</span>${roles ? ` ${roles}` : ''}</p>${aliases}<p class="meta">mentioned by ${mentioned}</p></li>`;
  });
  return items.length ? `<ul class="entities">\n${items.join('\n')}\n</ul>` : '';
}

function documentsOf(e: Entity): Set<string> {
  return new Set(e.mentions.map((m) => m.doc));
}
