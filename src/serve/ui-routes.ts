// The web pages: the story list, a story's brief, its sources side by side, and search. Each
// handler reads the store and hands the result to a page template; all text is escaped there.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServeContext } from './context.ts';
import { knownOutlets, listFilter, storyDetail, storyPage as storyList } from './story-data.ts';
import { search } from './search.ts';
import { searchPageQuery, sourcesQuery, storiesQuery, storyParams, type PageQuery, type SourcesQuery } from './schemas.ts';
import { storyListPage } from './pages/story-list.ts';
import { storyPage } from './pages/story-page.ts';
import { sourcesPage } from './pages/sources-page.ts';
import { preparingPage } from './pages/preparing-page.ts';
import { searchPage } from './pages/search-page.ts';
import { PageCache } from './page-cache.ts';
import { lastLogSeq } from '../store/stories.ts';
import { renderMarkdown } from '../brief/markdown.ts';
import { renderHtml } from '../brief/html.ts';
import { applyDismissals, dismissalsOf } from '../collect/dismissals.ts';

const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);

export function uiRoutes(app: FastifyInstance, { db, briefs, editToken, firstBriefWaitMs }: ServeContext): void {
  app.get<{ Querystring: PageQuery }>('/', { schema: { querystring: storiesQuery } }, async (request, reply) => {
    const { limit, offset, sort = 'outlets', q: _q, ...asked } = request.query;
    const filter = listFilter(asked);
    const { stories, more, total } = await storyList(db, limit, offset, sort, filter);
    return html(reply, storyListPage(stories, { offset, limit, more, total, sort, filter, outlets: await knownOutlets(db) }));
  });

  const pages = new PageCache();
  for (const view of ['', '/sources'] as const) {
    app.get<{ Params: { id: number }; Querystring: SourcesQuery }>(
      `/stories/:id${view}`,
      { schema: { params: storyParams, ...(view ? { querystring: sourcesQuery } : {}) } },
      async (request, reply) => {
        const { id } = request.params;
        const asked = view ? request.query : {};
        const selection = `${asked.show?.join(',') ?? ''}|${asked.first ?? ''}`;
        const state = await lastLogSeq(db);
        const page = await pages.get(
          `${view}|${id}|${selection}|${state}`,
          async () => {
            const detail = await storyDetail(db, id);
            // A story merged into another lives on under the other's id.
            if (detail.requested !== null) return { redirect: `/stories/${detail.story.id}${view}` };
            const made = await briefs.within(detail.story.id, firstBriefWaitMs);
            // A story never briefed whose first brief takes a while: say so, and come back.
            if (!made) return { html: preparingPage(detail, view), keep: false as const };
            const { brief, current } = made;
            // A page of the last brief, while the new one is made, is rendered again until it is made.
            const keep = current ? {} : { keep: false as const };
            if (view) return { html: sourcesPage(detail, brief, asked), ...keep };
            // Editors' "not a conflict" set those disagreements apart, with their reasons.
            const { brief: shown, dismissed } = applyDismissals(brief, await dismissalsOf(db, detail.story.id));
            return { html: storyPage(detail, shown, { dismissed, editToken }), ...keep };
          },
          state,
        );
        return 'redirect' in page ? reply.redirect(page.redirect, 302) : html(reply, page.html);
      },
    );
  }

  // The brief to keep or send on: the same Markdown and self-contained HTML report `brief` writes.
  for (const [ext, type, render] of [
    ['md', 'text/markdown; charset=utf-8', renderMarkdown],
    ['html', 'text/html; charset=utf-8', renderHtml],
  ] as const) {
    app.get<{ Params: { id: number } }>(`/stories/:id/brief.${ext}`, { schema: { params: storyParams } }, async (request, reply) => {
      const { story, brief } = await briefs.get(request.params.id);
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="story-${story}-brief.${ext}"`)
        .send(render(brief) + '\n');
    });
  }

  app.get<{ Querystring: PageQuery }>('/search', { schema: { querystring: searchPageQuery } }, async (request, reply) => {
    const { q, limit, offset } = request.query;
    const query = q?.trim();
    return html(reply, searchPage(query ? await search(db, query, limit, offset) : null, offset, limit));
  });
}
