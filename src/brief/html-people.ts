// The quote sheet and "Who's who" of the HTML report: the same selection as the Markdown brief
// (people.ts), each name, role and quote as its source printed it, with its citation.
import type { Brief, Entity, Quote } from '../schema.ts';
import type { Citer } from './html-cite.ts';
import { escapeHtml as esc } from './escape.ts';
import { pushTo } from '../util/multimap.ts';
import { quotesBySpeaker, shownEntities, shownQuoteText } from './people.ts';

const HOW = { turn: 'on air', partial: 'partial quote', direct: 'quoted' } as const;

export function quoteSheet(brief: Brief, citer: Citer): string {
  const entities = new Map(brief.entities.map((e) => [e.id, e]));
  return quotesBySpeaker(brief)
    .map(([speaker, said]) => {
      const entity = said[0]!.speaker ? entities.get(said[0]!.speaker) : undefined;
      const role = entity?.roles[0] ? ` <span class="role">${esc(entity.roles[0].text)}</span>` : '';
      // A speaker the text only describes ("aides", "a senior official") is no name: say so.
      const name = !speaker ? 'Speaker not identified' : entity ? esc(speaker) : `Not named: described as “${esc(speaker)}”`;
      // A word or two quoted in passing ("durable", "just") is folded away under the real quotes.
      const full = said.filter((q) => !isFragment(q));
      const fragments = said.filter(isFragment);
      const folded = fragments.length
        ? `<details class="fragments"><summary>${fragments.length} short fragment${fragments.length === 1 ? '' : 's'} quoted in passing</summary><ul class="quotes">\n${fragments.map((q) => quoteItem(q, brief, citer)).join('\n')}\n</ul></details>`
        : '';
      const list = full.length ? `<ul class="quotes">\n${full.map((q) => quoteItem(q, brief, citer)).join('\n')}\n</ul>` : '';
      return `<section class="speaker"><h3>${name}${role}</h3>${list}${folded}</section>`;
    })
    .join('\n');
}

/** Quotes shorter than this many words are fragments quoted in passing, not statements. */
const MIN_QUOTE_WORDS = 4;

function isFragment(q: Quote): boolean {
  return q.kind !== 'turn' && (q.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_QUOTE_WORDS;
}

function quoteItem(q: Quote, brief: Brief, citer: Citer): string {
  const original = brief.documents.find((d) => d.id === q.span.doc)?.original;
  const text = shownQuoteText(q.text);
  const cue = q.cue && original !== undefined && q.kind !== 'turn' ? ` · ${citer.link(q.cue, original.slice(q.cue.start, q.cue.end))}` : '';
  const printed = !q.speaker && q.speakerName && q.speakerSpan ? ` · as ${citer.link(q.speakerSpan, `“${q.speakerName}”`)}` : '';
  return `<li><blockquote>“${esc(text)}”</blockquote><p class="meta">${citer.cite(q.span, citer.name(q.span.doc))} ${HOW[q.kind]}${cue}${printed}</p></li>`;
}

export function whosWho(brief: Brief, citer: Citer): string {
  const items = shownEntities(brief).map((e) => {
    const roles = e.roles
      .slice(0, 4)
      .map((r) => (r.spans[0] ? citer.link(r.spans[0], r.text) : esc(r.text)))
      .join('; ');
    const aliases = e.aliases.length
      ? `<p class="meta">also written ${e.aliases
          .slice(0, 6)
          .map((a) => `“${esc(a)}”`)
          .join(', ')}</p>`
      : '';
    const byDoc = new Map<string, Entity['mentions']>();
    for (const m of e.mentions) pushTo(byDoc, m.doc, m);
    const mentioned = [...byDoc].map(([doc, mentions]) => citer.cite(mentions[0]!, `${citer.label(doc)} ×${mentions.length}`)).join(' ');
    return `<li><p><strong>${esc(e.name)}</strong> <span class="badge">${e.type}</span>${roles ? ` ${roles}` : ''}</p>${aliases}<p class="meta">mentioned by ${mentioned}</p></li>`;
  });
  return items.length ? `<ul class="entities">\n${items.join('\n')}\n</ul>` : '';
}
