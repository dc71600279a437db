import rateLimit from '@fastify/rate-limit';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { recordHeartbeat } from '../../modules/monitors/index.ts';
import { AppError } from '../../shared/errors.ts';

/** Calls from one address a minute, across every heartbeat: a host's cron jobs fit, a flood or a token hunt gets a 429. */
export const heartbeatRateLimit = { max: 300, timeWindowMs: 60_000 };

/** A script may post its output with the ping; Aviso reads no more than this and keeps none of it. */
export const heartbeatBodyLimit = 100 * 1024;

const methods = ['GET', 'HEAD', 'POST'];

/**
 * A heartbeat monitor's secret URL: the token is the credential, so no API key is asked for. Every
 * answer is JSON (a cron job's curl reads it): 200 `{"ok": true, "paused": …}`, 404 `not_found`,
 * 405 `method_not_allowed`, 413 `payload_too_large`, 429 `rate_limited`.
 */
export async function registerHeartbeatInbound(app: App, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(rateLimit, {
      global: true,
      max: heartbeatRateLimit.max,
      timeWindow: heartbeatRateLimit.timeWindowMs,
      errorResponseBuilder: (_request, context) =>
        new AppError(
          'rate_limited',
          `Too many heartbeat calls from this address: at most ${context.max} requests a minute. Try again in ${context.after}.`,
        ),
    });
    // Whatever the body is (`curl -d`, a log file, JSON that does not parse), it is read and dropped.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: heartbeatBodyLimit }, (_request, _body, done) => {
      done(null, undefined);
    });
    // GET also answers HEAD (Fastify exposes it), which some uptime tools ping with.
    scope.route({
      method: ['GET', 'POST'],
      url: '/heartbeat/:token',
      schema: { hide: true },
      bodyLimit: heartbeatBodyLimit,
      handler: async (request, reply) => {
        const { paused } = await recordHeartbeat(deps.ctx, (request.params as { token: string }).token);
        return reply.header('cache-control', 'no-store').send({ ok: true, paused });
      },
    });
    scope.route({
      method: ['PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/heartbeat/:token',
      schema: { hide: true },
      bodyLimit: heartbeatBodyLimit,
      handler: async (_request, reply) => {
        reply.header('allow', methods.join(', '));
        throw new AppError('method_not_allowed', 'A heartbeat is called with GET, HEAD or POST; nothing was recorded.');
      },
    });
  });
}
