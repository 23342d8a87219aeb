// "Who's who" and "Who said what" sections of the Markdown brief. Every name, role and quote is
// printed as its source printed it, with the citation of the passage it comes from.
import type { Brief, CleanDocument, Entity, Quote, Span } from '../schema.ts';
import { escapeMarkdown } from './escape.ts';
import { citation } from './sections.ts';
import { outletLabel } from '../clean/outlet-label.ts';
import { pushTo } from '../util/multimap.ts';

/** A transcript turn longer than this is shown cut, with the citation covering all of it. */
const MAX_SHOWN_QUOTE_CHARS = 400;
/** Organizations and places named by only one document once are left out of "Who's who". */
const MIN_MENTIONS_FOR_NON_PERSON = 2;

/** Who "Who's who" shows, in order: people first, then by how many documents and mentions. */
export function shownEntities(brief: Brief): Entity[] {
  const shown = brief.entities.filter((e) => e.type === 'person' || e.mentions.length >= MIN_MENTIONS_FOR_NON_PERSON || documentsOf(e).size > 1);
  const order = { person: 0, organization: 1, place: 2 } as const;
  return shown.sort((a, b) => order[a.type] - order[b.type] || documentsOf(b).size - documentsOf(a).size || b.mentions.length - a.mentions.length);
}

/** The quote sheet: quotes grouped by speaker name (unnamed speakers last), most quoted first. */
export function quotesBySpeaker(brief: Brief): [string, Quote[]][] {
  const names = new Map(brief.entities.map((e) => [e.id, e.name]));
  // Scare quotes with no speaker ("so-called 'reset'") are not statements of anyone.
  const quotes = brief.quotes.filter((q) => q.speaker !== null || q.speakerName !== null || q.kind !== 'partial');
  const bySpeaker = groupBy(quotes, (q) => (q.speaker ? (names.get(q.speaker) ?? q.speaker) : (q.speakerName ?? '')));
  return [...bySpeaker].sort(([a, x], [b, y]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || y.length - x.length);
}

/** A long transcript turn, cut at a word for display (its citation still covers all of it). */
export function shownQuoteText(text: string): string {
  return text.length > MAX_SHOWN_QUOTE_CHARS ? text.slice(0, MAX_SHOWN_QUOTE_CHARS).replace(/\s+\S*$/, '') + ' …' : text;
}

export function whosWho(brief: Brief): string[] {
  const docs = new Map(brief.documents.map((d) => [d.id, d]));
  const shown = shownEntities(brief);
  if (!shown.length) return [];
  const out = ["## Who's who", ''];
  for (const e of shown) {
    const roles = e.roles.slice(0, 4).map((r) => `${escapeMarkdown(r.text)} ${citation(r.spans[0]!)}`);
    const byOutlet = [...groupBy(e.mentions, (m) => m.doc)].map(([doc, mentions]) => {
      const d = docs.get(doc);
      return `${escapeMarkdown(d ? outletLabel(d) : doc)} ×${mentions.length} ${citation(mentions[0]!)}`;
    });
    const aliases = e.aliases.length
      ? ` — also written ${e.aliases
          .slice(0, 6)
          .map((a) => `“${escapeMarkdown(a)}”`)
          .join(', ')}`
      : '';
    out.push(`- **${escapeMarkdown(e.name)}** (${e.type})${roles.length ? ': ' + roles.join('; ') : ''}${aliases} — mentioned by ${byOutlet.join(', ')}`);
  }
  out.push('');
  return out;
}

export function whoSaidWhat(brief: Brief): string[] {
  const docs = new Map(brief.documents.map((d) => [d.id, d]));
  const ordered = quotesBySpeaker(brief);
  if (!ordered.length) return [];
  const out = ['## Who said what', ''];
  for (const [speaker, said] of ordered) {
    // A speaker the text only describes ("aides", "a readout") is no name: say so, as the HTML does.
    const named = said[0]!.speaker !== null;
    out.push(`### ${!speaker ? 'Speaker not identified' : named ? escapeMarkdown(speaker) : `Not named: described as “${escapeMarkdown(speaker)}”`}`, '');
    for (const q of said) out.push(quoteLine(q, docs), '');
  }
  return out;
}

function quoteLine(q: Quote, docs: Map<string, CleanDocument>): string {
  const doc = docs.get(q.span.doc);
  const text = shownQuoteText(q.text);
  const how = q.kind === 'turn' ? 'on air' : q.kind === 'partial' ? 'partial quote' : 'quoted';
  const cue = q.cue && doc && q.kind !== 'turn' ? `, cue “${escapeMarkdown(doc.original.slice(q.cue.start, q.cue.end))}” ${citation(q.cue)}` : '';
  const printed = !q.speaker && q.speakerName && q.speakerSpan ? ` (as “${escapeMarkdown(q.speakerName)}” ${citation(q.speakerSpan)})` : '';
  return `> “${escapeMarkdown(text)}” — ${escapeMarkdown(doc ? outletLabel(doc) : q.span.doc)}, ${how} ${citation(q.span)}${cue}${printed}`;
}

function documentsOf(e: Entity): Set<string> {
  return new Set(e.mentions.map((m: Span) => m.doc));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) pushTo(map, key(item), item);
  return map;
}
