// The JSON API: stories (a page, or those matching ?q), one story with its articles and merges,
// its brief, one article with its text, and search. Handlers only read the request and call the
// library; errors become `{error}` in errors.ts.
import type { FastifyInstance } from 'fastify';
import type { ServeContext } from './context.ts';
import { documentOf, listFilter, storyDetail, storyPage } from './story-data.ts';
import { search, searchStories, searchTerms } from './search.ts';
import { articleParams, searchQuery, storiesQuery, storyParams, type PageQuery } from './schemas.ts';

export function apiRoutes(app: FastifyInstance, { db, briefs }: ServeContext): void {
  app.get<{ Querystring: PageQuery }>('/api/stories', { schema: { querystring: storiesQuery } }, async (request) => {
    const { limit, offset, q, sort, ...asked } = request.query;
    const filter = listFilter(asked);
    const page = q ? await searchStories(db, searchTerms(q), limit, offset) : await storyPage(db, limit, offset, sort, filter);
    return { ...page, limit, offset, ...(q ? { q } : { sort, filter }) };
  });

  app.get<{ Params: { id: number } }>('/api/stories/:id', { schema: { params: storyParams } }, (request) => storyDetail(db, request.params.id));

  // Sent as stored: the JSON a brief of a big story is, megabytes, needs no parsing and writing again.
  // A brief of the story's articles before the latest says so in a header ("stale": the new one
  // is being made; ask again).
  app.get<{ Params: { id: number } }>('/api/stories/:id/brief', { schema: { params: storyParams } }, async (request, reply) => {
    const { json, current } = await briefs.json(request.params.id);
    return reply
      .type('application/json; charset=utf-8')
      .header('x-brief-state', current ? 'current' : 'stale')
      .send(json);
  });

  app.get<{ Params: { articleId: number } }>('/api/documents/:articleId', { schema: { params: articleParams } }, (request) => documentOf(db, request.params.articleId));

  app.get<{ Querystring: Required<PageQuery> }>('/api/search', { schema: { querystring: searchQuery } }, async (request) => {
    const { q, limit, offset } = request.query;
    return { ...(await search(db, q, limit, offset)), limit, offset };
  });
}
