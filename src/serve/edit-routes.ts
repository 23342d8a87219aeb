// An editor's corrections from the story page: merge another story into this one, split off
// articles, mark a disagreement as not a conflict, each with a reason, written to the same story
// log as `corroborate story …`. Only a server on loopback edits (the CLI decides), and only a form
// this server rendered can post: it carries the server's random token, and a request from another
// origin is refused.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServeContext } from './context.ts';
import { HttpError } from './errors.ts';
import { storyParams } from './schemas.ts';
import { mergeStoriesBy, splitStoryBy } from '../collect/edit-stories.ts';
import { disagreementKey, dismissDisagreement } from '../collect/dismissals.ts';

/** What an editor may write in a reason; the story log keeps it. */
const MAX_REASON = 500;

export function newEditToken(): string {
  return randomBytes(24).toString('base64url');
}

export function editRoutes(app: FastifyInstance, context: ServeContext): void {
  const { db, briefs, editToken } = context;
  if (!editToken) return;
  // Forms post as application/x-www-form-urlencoded; repeated fields (articles) are kept.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, new URLSearchParams(String(body))));

  const form = (request: FastifyRequest): URLSearchParams => {
    // Our pages send no referrer, so a browser names their origin "null"; a named other origin is refused.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== 'null' && origin !== `http://${request.headers.host}`) throw new HttpError(403, "a change must come from this server's own pages");
    const fields = request.body instanceof URLSearchParams ? request.body : null;
    const token = fields?.get('token') ?? '';
    const a = Buffer.from(token);
    const b = Buffer.from(editToken);
    if (!fields || a.length !== b.length || !timingSafeEqual(a, b)) throw new HttpError(403, 'this form is out of date: reload the page and try again');
    return fields;
  };
  const reasonOf = (fields: URLSearchParams): string => {
    const reason = (fields.get('reason') ?? '').trim();
    if (!reason) throw new HttpError(400, 'say why (the reason is kept in the story log)');
    if (reason.length > MAX_REASON) throw new HttpError(400, `a reason of at most ${MAX_REASON} characters`);
    return reason;
  };
  const ids = (values: string[]): number[] => {
    const parsed = values.flatMap((v) => v.split(',')).map((v) => Number(v.trim()));
    if (!parsed.length || parsed.some((n) => !Number.isInteger(n) || n <= 0 || n > 2 ** 31 - 1)) throw new HttpError(400, 'give story or article ids (whole numbers)');
    return parsed;
  };
  const params = { schema: { params: storyParams } };

  app.post<{ Params: { id: number } }>('/stories/:id/dismiss', params, async (request, reply) => {
    const fields = form(request);
    const reason = reasonOf(fields);
    const { story, brief } = await briefs.get(request.params.id);
    const found = brief.disagreements.find((d) => disagreementKey(d) === fields.get('disagreement'));
    if (!found) throw new HttpError(400, 'that disagreement is no longer in the brief: reload the page');
    const live = await dismissDisagreement(db, story, found, reason);
    return reply.redirect(`/stories/${live}#dismissed`, 303);
  });
  app.post<{ Params: { id: number } }>('/stories/:id/merge', params, async (request, reply) => {
    const fields = form(request);
    const reason = reasonOf(fields);
    const target = await mergeStoriesBy(db, request.params.id, ids(fields.getAll('other')), reason);
    return reply.redirect(`/stories/${target}`, 303);
  });
  app.post<{ Params: { id: number } }>('/stories/:id/split', params, async (request, reply) => {
    const fields = form(request);
    const reason = reasonOf(fields);
    const created = await splitStoryBy(db, request.params.id, ids(fields.getAll('articles')), reason);
    return reply.redirect(`/stories/${created}`, 303);
  });
}
