// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one input per item, with the item's title, link, date,
// author and the channel's title as metadata hints. Feeds often carry only a summary of each
// article; what they carry is what is ingested (the item's link is kept as its url).
import { XMLParser } from 'fast-xml-parser';
import type { DocumentMeta } from '../schema.ts';
import { InputError, type RawInput } from './raw-input.ts';

/** A feed announces itself in its root element, after any XML declaration, comments or BOM. */
const FEED_ROOT = /^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?xml-stylesheet[^>]*\?>\s*|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i;
const HTML_MARKUP = /<\/?(?:p|br|div|a|img|em|strong|b|i|ul|ol|li|h[1-6]|figure|span|blockquote)[\s/>]/i;

export function isFeed(content: string): boolean {
  return FEED_ROOT.test(content.slice(0, 8192));
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Keep entity-decoded text but never expand DOCTYPE-declared entities (billion-laughs).
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author' || name === 'dc:creator',
});

type Node = Record<string, unknown>;

/** The feed's items as inputs; sources are `<feed>#<item number>`. Unreadable XML is one error. */
export function feedItems(content: string, source: string): (RawInput | InputError)[] {
  let tree: Node;
  try {
    tree = parser.parse(content) as Node;
  } catch (error) {
    return [new InputError(source, `not a readable feed (${(error as Error).message.split('\n')[0]})`)];
  }
  const rss = tree['rss'] as Node | undefined;
  const rdf = tree['rdf:RDF'] as Node | undefined;
  const atom = tree['feed'] as Node | undefined;
  const channel = (rss?.['channel'] ?? rdf?.['channel']) as Node | undefined;
  const items = ((rss ? channel?.['item'] : rdf ? rdf['item'] : atom?.['entry']) ?? []) as Node[];
  const outlet = text((channel ?? atom)?.['title']);
  if (!items.length) return [new InputError(source, 'feed has no items')];
  return items.map((item, index) => itemInput(item, `${source}#${index + 1}`, outlet, !!atom));
}

function itemInput(item: Node, source: string, outlet: string | null, isAtom: boolean): RawInput | InputError {
  const body = text(item['content:encoded']) ?? text(item['content']) ?? text(item['description']) ?? text(item['summary']);
  if (!body) return new InputError(source, 'feed item has no content or description');
  const hints: Partial<DocumentMeta> = {};
  const title = text(item['title']);
  const url = isAtom ? atomLink(item['link']) : (text(first(item['link'])) ?? text(item['guid']));
  const published = dateOf(text(item['pubDate']) ?? text(item['dc:date']) ?? text(item['published']) ?? text(item['updated']));
  const author = text(first(item['dc:creator'])) ?? text((first(item['author']) as Node | undefined)?.['name']) ?? text(first(item['author']));
  if (title) hints.title = title;
  if (url) hints.url = url;
  if (published) hints.published = published;
  if (author) hints.byline = author;
  if (outlet) hints.outlet = outlet;
  // A title line first, so the cleaner finds it where a page would put it.
  const format = HTML_MARKUP.test(body) ? 'html' : 'text';
  return { source, format, content: body, hints };
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Text of an element that may carry attributes (`{#text, @type}`), trimmed; null when empty. */
function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || null;
  if (typeof value === 'object' && '#text' in (value as Node)) return text((value as Node)['#text']);
  return null;
}

/** Atom: the `alternate` link (or the first without a rel). */
function atomLink(value: unknown): string | null {
  const links = (Array.isArray(value) ? value : [value]) as Node[];
  const pick = links.find((l) => l && (l['@rel'] === 'alternate' || l['@rel'] === undefined)) ?? links[0];
  return pick ? text(pick['@href']) : null;
}

/** RFC 822 (RSS) or ISO 8601 (Atom) → ISO 8601; null when it is not a date. */
function dateOf(value: string | null): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
