import type { FastifyReply } from 'fastify';
import { toAppError } from '../http/errors.ts';

/**
 * Answers a request from the admin's own script with JSON: the value, or an expected failure as
 * `{"error":{"code","message"}}` with its status, which the script shows next to its button.
 * Anything else goes to the admin's error boundary.
 */
export async function answerJson(reply: FastifyReply, action: () => Promise<unknown>): Promise<FastifyReply> {
  reply.header('cache-control', 'no-store');
  try {
    return await reply.send(await action());
  } catch (error) {
    const failure = toAppError(error);
    if (failure.status >= 500) throw error;
    return reply.code(failure.status).send({ error: { code: failure.code, message: failure.message } });
  }
}
