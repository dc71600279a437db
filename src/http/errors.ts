import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, errorCatalogue, type ErrorCode, type ErrorDetail } from '../shared/errors.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId?: string };
}

/** Turns any thrown value into an AppError: known errors keep their text, unknown ones never leak it. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = details[0];
    const message = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : errorCatalogue.validation_failed.message;
    return new AppError('validation_failed', message, details);
  }
  const fastifyError = error as Partial<FastifyError> & { validation?: { instancePath?: string; message?: string }[] };
  if (fastifyError.code === 'FST_ERR_VALIDATION' || fastifyError.validation) {
    return new AppError('validation_failed', fastifyError.message ?? 'The request is not valid.');
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('bad_request', 'This content type is not accepted; send JSON or a form.');
  if (
    fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return new AppError('bad_request', 'The body is not valid JSON.');
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode === 429) return new AppError('rate_limited');
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('bad_request', fastifyError.message);
  }
  return new AppError('internal_error');
}

/** Formats errors for the path's surface: a page gets HTML, every API gets JSON. Logs each once. */
export type ErrorPresenter = (error: AppError, request: FastifyRequest, reply: FastifyReply) => unknown;

export function jsonError(error: AppError, request: FastifyRequest): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details !== undefined && { details: error.details }),
      ...(error.status >= 500 && { requestId: String(request.id) }),
    },
  };
}

export function htmlError(error: AppError, request: FastifyRequest): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const reference = error.status >= 500 ? `<p>Reference: <code>${escape(String(request.id))}</code></p>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${error.status} · ${escape(error.message)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2933}a{color:#1d4ed8}</style></head><body><h1>${escape(error.message)}</h1>${reference}<p><a href="/">Back to the status page</a></p></body></html>`;
}
