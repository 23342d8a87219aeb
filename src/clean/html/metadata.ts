// Article metadata from what the page states about itself: JSON-LD first (most structured),
// then Open Graph and other <meta> vocabularies, then <title>; the byline also from the markup
// (rel="author", itemprop="author", a byline element). A field no source states stays null.
import type { DocumentMeta } from '../../schema.ts';
import { domByline } from './byline.ts';
import { decodeLeftoverEntities } from './entities.ts';
import { articleNode, jsonLdNodes, nameOf, namesOf, typesOf, type JsonObject } from './jsonld.ts';

export type HtmlMeta = Pick<DocumentMeta, 'title' | 'dek' | 'byline' | 'published' | 'outlet' | 'url'>;

/** Earliest and latest year accepted as a publication date. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/** <meta> keys per field, in order of trust. */
const META_KEYS = {
  title: ['og:title', 'twitter:title', 'citation_title', 'parsely-title', 'dc.title', 'dcterms.title', 'headline'],
  dek: ['og:description', 'description', 'twitter:description', 'dc.description', 'dcterms.description'],
  byline: ['author', 'article:author', 'parsely-author', 'citation_author', 'dc.creator', 'dcterms.creator', 'byl', 'sailthru.author'],
  published: [
    'article:published_time',
    'og:article:published_time',
    'datepublished',
    'citation_publication_date',
    'citation_date',
    'citation_online_date',
    'parsely-pub-date',
    'dc.date.issued',
    'dcterms.issued',
    'dc.date',
    'dcterms.date',
    'pubdate',
    'publish-date',
    'date',
    'sailthru.date',
  ],
  outlet: ['og:site_name', 'application-name', 'citation_publisher', 'citation_journal_title', 'dc.publisher', 'dcterms.publisher', 'twitter:site'],
  url: ['og:url', 'twitter:url', 'parsely-link'],
} as const;

/** All <meta> values by lower-cased name/property/itemprop, in page order. */
function metaTags(doc: Document): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = decodeLeftoverEntities(m.getAttribute('content') ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!key || !value) continue;
    const list = tags.get(key) ?? [];
    list.push(value);
    tags.set(key, list);
  }
  return tags;
}

function firstMeta(tags: Map<string, string[]>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = tags.get(k)?.[0];
    if (v) return v;
  }
  return null;
}

/** Several author tags (citation_author repeats) are joined; URLs are not names. */
function metaByline(tags: Map<string, string[]>): string | null {
  for (const k of META_KEYS.byline) {
    const names = (tags.get(k) ?? []).filter((v) => !isUrl(v));
    if (names.length > 0) return [...new Set(names)].join(', ');
  }
  return null;
}

function isUrl(s: string): boolean {
  return /^(?:https?:)?\/\//i.test(s);
}

/**
 * ISO 8601 as stated when the source already uses it; other parseable dates are converted.
 * Anything unparseable or implausible is dropped rather than guessed at.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:([T ])(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (iso) {
    const [, y, mo, d, , time, zone] = iso;
    if (Number(y) < MIN_YEAR || Number(y) > MAX_YEAR || Number(mo) > 12 || Number(d) > 31) return null;
    const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    if (!time) return date;
    const t = time.length === 4 ? `0${time}` : time;
    return `${date}T${t}${zone ? zone.toUpperCase() : ''}`;
  }
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return new Date(ms).toISOString();
}

function titleTag(doc: Document): string | null {
  const el = doc.querySelector('head > title') ?? doc.querySelector('title');
  const t = (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
}

function canonicalUrl(doc: Document): string | null {
  for (const link of Array.from(doc.querySelectorAll('link'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.getAttribute('href')?.trim();
    if (rel.includes('canonical') && href) return href;
  }
  return null;
}

function absolute(url: string | null, base: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return isUrl(url) ? url : null;
  }
}

function str(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = decodeLeftoverEntities(v).replace(/\s+/g, ' ').trim();
  return t || null;
}

/** Outlet from JSON-LD: the article's publisher, else a WebSite/Organization node's name. */
function jsonLdOutlet(article: JsonObject | null, nodes: JsonObject[]): string | null {
  const fromPublisher = article ? nameOf(article.publisher, nodes) : null;
  if (fromPublisher) return fromPublisher;
  for (const n of nodes) {
    const types = typesOf(n);
    if (types.includes('WebSite') || types.includes('NewsMediaOrganization')) {
      const name = str(n.name);
      if (name) return name;
    }
  }
  return null;
}

function jsonLdUrl(article: JsonObject | null): string | null {
  if (!article) return null;
  const direct = str(article.url);
  if (direct) return direct;
  const main = article.mainEntityOfPage;
  if (typeof main === 'string') return str(main);
  if (main && typeof main === 'object') return str((main as JsonObject)['@id']) ?? str((main as JsonObject).url);
  return null;
}

function safeJsonLd(doc: Document): JsonObject[] {
  try {
    return jsonLdNodes(doc);
  } catch {
    return [];
  }
}

export function extractMetadata(doc: Document, pageUrl?: string): HtmlMeta {
  const nodes = safeJsonLd(doc);
  const article = articleNode(nodes);
  const tags = metaTags(doc);
  const authors = article ? namesOf(article.author, nodes).filter((n) => !isUrl(n)) : [];
  const twitterSite = firstMeta(tags, ['twitter:site']);

  const outlet =
    jsonLdOutlet(article, nodes) ??
    firstMeta(
      tags,
      META_KEYS.outlet.filter((k) => k !== 'twitter:site'),
    ) ??
    (twitterSite ? twitterSite.replace(/^@/, '') : null);

  return {
    title: str(article?.headline) ?? str(article?.name) ?? firstMeta(tags, META_KEYS.title) ?? titleTag(doc),
    dek: str(article?.description) ?? firstMeta(tags, META_KEYS.dek),
    byline: (authors.length > 0 ? authors.join(', ') : null) ?? metaByline(tags) ?? domByline(doc),
    published: toIsoDate(str(article?.datePublished)) ?? toIsoDate(firstMeta(tags, META_KEYS.published)) ?? timeElementDate(doc),
    outlet,
    url: absolute(canonicalUrl(doc) ?? firstMeta(tags, META_KEYS.url) ?? jsonLdUrl(article), pageUrl) ?? pageUrl ?? null,
  };
}

/** <time itemprop="datePublished" datetime="…"> is microdata the page states explicitly. */
function timeElementDate(doc: Document): string | null {
  const el = doc.querySelector('[itemprop="datePublished"]');
  if (!el) return null;
  return toIsoDate(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent);
}
