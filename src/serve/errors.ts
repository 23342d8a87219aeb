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
  if ('validation' in error && Array.isArray(error.validation)) return plainValidation(error as FastifyError);
  return error.message.split('\n')[0]!.slice(0, 300);
}

/** A request the schema refused, said plainly: "the story id must be a whole number", not "params/id must be integer". */
function plainValidation(error: FastifyError): string {
  const first = error.validation![0]!;
  const where = (first.instancePath || '').replace(/^\//, '').split('/').pop() || String((first.params as { missingProperty?: string }).missingProperty ?? 'value');
  const what = where === 'id' ? 'the story id' : `"${where}"`;
  const rule = first.keyword;
  const limit = (first.params as { limit?: number }).limit;
  if (rule === 'type' && /integer|number/.test(String((first.params as { type?: string }).type))) return `${what} must be a whole number`;
  if (rule === 'minimum') return `${what} must be at least ${limit}`;
  if (rule === 'maximum') return `${what} must be at most ${limit}`;
  if (rule === 'maxLength') return `${what} is too long (at most ${limit} characters)`;
  if (rule === 'minLength') return limit === 1 ? `${what} must not be empty` : `${what} is too short (at least ${limit} characters)`;
  if (rule === 'type' && (first.params as { type?: string }).type === 'string') return `${what} must be given once, as text`;
  if (rule === 'required') return `${what} is missing`;
  return `${what} is not valid`;
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
