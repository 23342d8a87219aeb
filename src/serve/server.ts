// `corroborate serve` as a Fastify app over an open store: the JSON API under /api/ and the web
// pages, with bounded requests, strict headers and plain errors. Built without a port, so tests
// call it through app.inject(); the CLI listens.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../store/database.ts';
import { BriefCache } from './brief-cache.ts';
import { addErrorHandlers, type ErrorListener } from './errors.ts';
import { addSecurity } from './security.ts';
import { apiRoutes } from './api-routes.ts';
import { uiRoutes } from './ui-routes.ts';
import { editRoutes, newEditToken } from './edit-routes.ts';
import type { ServeContext } from './context.ts';

/** No route takes a body: anything larger than this is refused unread. */
export const BODY_LIMIT = 16 * 1024;

export interface ServeOptions {
  db: Database;
  /** Host names the server answers to (the Host header); all when not given. */
  allowedHosts?: readonly string[];
  /** Told about every 5xx, which the client sees only as "internal error". */
  onError?: ErrorListener;
  /** Pages offer an editor's corrections (merge, split, not a conflict): only on loopback. */
  editing?: boolean;
  /**
   * How long a story page waits for the first brief of a story never briefed before it answers
   * "being prepared" (and reloads itself); by default it waits for the brief. `serve` sets it.
   */
  firstBriefWaitMs?: number;
}

export function buildServer(options: ServeOptions): FastifyInstance {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: false,
    // Path parameters are ids: a long one is a 404, not parsed. "/stories/5/" is "/stories/5".
    routerOptions: { maxParamLength: 32, ignoreTrailingSlash: true },
  });
  const context: ServeContext = {
    db: options.db,
    briefs: new BriefCache(options.db),
    editToken: options.editing ? newEditToken() : null,
    firstBriefWaitMs: options.firstBriefWaitMs ?? Number.POSITIVE_INFINITY,
  };
  app.addHook('onClose', () => context.briefs.close());
  addSecurity(app, options.allowedHosts);
  addErrorHandlers(app, options.onError);
  apiRoutes(app, context);
  uiRoutes(app, context);
  editRoutes(app, context);
  return app;
}
