// Every failure answers with a status and one plain sentence: JSON `{error}` under /api/, a small
// page elsewhere. Never a stack trace, a query or a path of this machine.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StoryNotFound } from '../collect/story-brief.ts';
import { NotFound } from './story-data.ts';
import { errorPage } from './pages/error-page.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Told about every 5xx (the CLI prints it); the client only learns that something failed. */
export type ErrorListener = (error: unknown, request: FastifyRequest) => void;

function statusOf(error: FastifyError | Error): number {
  if (error instanceof HttpError) return error.status;
  if (error instanceof StoryNotFound || error instanceof NotFound) return 404;
  if ('validation' in error && error.validation) return 400;
  const status = 'statusCode' in error ? Number(error.statusCode) : NaN;
  return status >= 400 && status < 500 ? status : 500;
}

/** What the client may read: our own message for a 4xx; nothing of a 5xx's. */
function messageOf(error: Error, status: number): string {
  if (status >= 500) return 'internal error';
  if (error instanceof StoryNotFound) return error.message.replace(/ in .*$/, '');
  return error.message.split('\n')[0]!.slice(0, 300);
}

export function sendError(request: FastifyRequest, reply: FastifyReply, status: number, message: string): FastifyReply {
  reply.code(status);
  if (request.url.startsWith('/api/')) return reply.type('application/json; charset=utf-8').send({ error: message });
  return reply.type('text/html; charset=utf-8').send(errorPage(status, message));
}

export function addErrorHandlers(app: FastifyInstance, onError?: ErrorListener): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = statusOf(error);
    if (status >= 500) onError?.(error, request);
    return sendError(request, reply, status, messageOf(error, status));
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404, 'not found'));
}
