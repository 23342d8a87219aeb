// What a request may carry, checked by Fastify before a handler runs (a mismatch is a 400): ids
// are positive 32-bit integers, pages are bounded, a query is a short string.
import { MAX_QUERY_CHARS } from './search.ts';
import type { StorySort } from './story-data.ts';

export const MAX_PAGE = 100;
const MAX_OFFSET = 10_000_000;
const MAX_ID = 2 ** 31 - 1;

const id = { type: 'integer', minimum: 1, maximum: MAX_ID } as const;
const limit = (fallback: number) => ({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: fallback }) as const;
const offset = { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 } as const;
const query = { type: 'string', maxLength: MAX_QUERY_CHARS } as const;

export const storyParams = { type: 'object', properties: { id }, required: ['id'] } as const;

/** A document id as the cleaner makes it ("doc-" and hex). */
const docId = { type: 'string', pattern: '^doc-[0-9a-f]{1,64}$' } as const;
/** Sources side by side: which reports (`show`, repeated), or the report to open first with the default others. */
export const sourcesQuery = { type: 'object', properties: { show: { type: 'array', items: docId, maxItems: 200 }, first: docId } } as const;

export interface SourcesQuery {
  show?: string[];
  first?: string;
}
export const articleParams = { type: 'object', properties: { articleId: id }, required: ['articleId'] } as const;

export interface PageQuery {
  limit: number;
  offset: number;
  q?: string;
  /** The story list: most outlets first (the default), the latest news first, or the most disagreements first. */
  sort?: StorySort;
  /** The story list's filters (see StoryFilter). */
  from?: string;
  to?: string;
  outlet?: string;
  contested?: boolean;
}

const sort = { type: 'string', enum: ['outlets', 'newest', 'contested'], default: 'outlets' } as const;

const isoDay = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
/** An empty field of the list's form means no filter. */
const optionalDay = { anyOf: [isoDay, { type: 'string', maxLength: 0 }] } as const;
const filters = { from: optionalDay, to: optionalDay, outlet: { type: 'string', maxLength: 200 }, contested: { type: 'boolean' } } as const;

export const storiesQuery = { type: 'object', properties: { limit: limit(50), offset, q: query, sort, ...filters } } as const;
export const searchQuery = { type: 'object', properties: { limit: limit(20), offset, q: { ...query, minLength: 1 } }, required: ['q'] } as const;
/** The search page also shows an empty form. */
export const searchPageQuery = { type: 'object', properties: { limit: limit(20), offset, q: query } } as const;
