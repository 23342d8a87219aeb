// JSON-LD blocks of a page: lenient parsing (pages ship comments, CDATA wrappers, raw
// newlines in strings) and a flat view of every node, so callers can pick the article.

import { decodeLeftoverEntities } from './entities.ts';

export type JsonObject = Record<string, unknown>;

/** Bounds the walk over nested JSON-LD so hostile input cannot run away. */
const MAX_JSONLD_NODES = 5000;

/** schema.org types that describe the article itself, best first. */
export const ARTICLE_TYPES = [
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'LiveBlogPosting',
  'Article',
  'BlogPosting',
  'SocialMediaPosting',
  'Report',
  'ScholarlyArticle',
  'TechArticle',
];

export function parseJsonLenient(text: string): unknown {
  const cleaned = text
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .trim();
  if (!cleaned) return undefined;
  try {
    return JSON.parse(cleaned);
  } catch {
    // Raw control characters inside strings are the most common breakage.
    try {
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/** Every object found in the page's JSON-LD, including members of arrays and @graph. */
export function jsonLdNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const pending: unknown[] = [];
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase().trim();
    if (type !== 'application/ld+json') continue;
    const parsed = parseJsonLenient(script.textContent ?? '');
    if (parsed !== undefined) pending.push(parsed);
  }
  let seen = 0;
  while (pending.length > 0 && seen++ < MAX_JSONLD_NODES) {
    const item = pending.shift();
    if (Array.isArray(item)) {
      pending.push(...item);
    } else if (item && typeof item === 'object') {
      const obj = item as JsonObject;
      nodes.push(obj);
      if (obj['@graph'] !== undefined) pending.push(obj['@graph']);
    }
  }
  return nodes;
}

export function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:]/, ''));
}

/** The node that best describes the article, by ARTICLE_TYPES order. */
export function articleNode(nodes: JsonObject[]): JsonObject | null {
  let best: JsonObject | null = null;
  let bestRank = Infinity;
  for (const n of nodes) {
    for (const t of typesOf(n)) {
      const rank = ARTICLE_TYPES.indexOf(t);
      if (rank >= 0 && rank < bestRank) {
        best = n;
        bestRank = rank;
      }
    }
  }
  return best;
}

/** Follows a {"@id": …} reference to the full node when the page defines it. */
export function resolveRef(value: unknown, nodes: JsonObject[]): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as JsonObject;
    const id = obj['@id'];
    if (typeof id === 'string' && Object.keys(obj).length === 1) {
      return nodes.find((n) => n['@id'] === id && Object.keys(n).length > 1) ?? value;
    }
  }
  return value;
}

/** A plain string: the value itself, or the `name` of an object (first of an array). */
export function nameOf(value: unknown, nodes: JsonObject[]): string | null {
  const v = resolveRef(Array.isArray(value) ? value[0] : value, nodes);
  if (typeof v === 'string') return clean(v);
  if (v && typeof v === 'object') {
    const name = (v as JsonObject).name;
    if (typeof name === 'string') return clean(name);
    if (Array.isArray(name) && typeof name[0] === 'string') return clean(name[0]);
  }
  return null;
}

/** Names of every entry of a value that may be one item or an array. */
export function namesOf(value: unknown, nodes: JsonObject[]): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const n = nameOf(item, nodes);
    if (n && !names.includes(n)) names.push(n);
  }
  return names;
}

function clean(s: string): string | null {
  const t = decodeLeftoverEntities(s).replace(/\s+/g, ' ').trim();
  return t ? t : null;
}
