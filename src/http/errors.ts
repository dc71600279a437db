import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, errorCatalogue, type ErrorCode, type ErrorDetail } from '../shared/errors.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId?: string };
}

/** What Aviso says for the framework's refusals, by Fastify's code. */
const frameworkMessages: Record<string, string> = {
  FST_ERR_BAD_URL: 'The address is not valid.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The body is not as long as Content-Length says.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is not valid JSON.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'This content type is not accepted; send JSON or a form.',
  FST_ERR_CTP_INVALID_TYPE: 'The content type is not valid.',
};

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
  if (error instanceof SyntaxError) return new AppError('bad_request', frameworkMessages.FST_ERR_CTP_INVALID_JSON_BODY);
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status === 413) return new AppError('payload_too_large');
  if (status === 429) return new AppError('rate_limited');
  if (status === 414) return new AppError('uri_too_long');
  if (status === 415) return new AppError('unsupported_media_type');
  // Fastify's own words name its internals ("FST_ERR_…", the raw path); Aviso's say what to fix.
  if (status >= 400 && status < 500) {
    const known = typeof fastifyError.code === 'string' ? frameworkMessages[fastifyError.code] : undefined;
    return new AppError('bad_request', known);
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
