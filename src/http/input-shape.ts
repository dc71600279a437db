import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';

/**
 * Refuses a query string that gives a parameter twice (`?token=a&token=b`): no route reads a list
 * from its query, and a handler expecting text must never be handed an array.
 */
export function refuseRepeatedQuery(request: FastifyRequest): void {
  const query = request.query as Record<string, unknown> | undefined;
  if (query === undefined || query === null) return;
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      throw new AppError('validation_failed', `${name}: give this parameter once`, [{ path: name, message: 'give this parameter once' }]);
    }
  }
}

/**
 * Refuses a body that is not shaped like an HTML form (every field text, or a list of texts for a
 * repeated field), whatever its content type: the HTML surfaces read only forms.
 */
export function refuseNonFormBody(request: FastifyRequest): void {
  const body = request.body;
  if (body === undefined || body === null) return;
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('validation_failed', 'The body must be a form.');
  }
  for (const [name, value] of Object.entries(body)) {
    const isText = typeof value === 'string';
    const isTextList = Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (!isText && !isTextList) {
      throw new AppError('validation_failed', `${name}: must be text`, [{ path: name, message: 'must be text' }]);
    }
  }
}
