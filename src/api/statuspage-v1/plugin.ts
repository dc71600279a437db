import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { toAppError } from '../../http/errors.ts';
import { getPage } from '../../modules/page/index.ts';
import { AppError } from '../../shared/errors.ts';
import { authenticateRequest } from '../v1/api-key-auth.ts';
import { FormBodyError, parseBracketForm } from './bracket-body.ts';
import { registerComponentGroupRoutes } from './component-group-routes.ts';
import { registerComponentRoutes } from './component-routes.ts';
import { registerIncidentRoutes } from './incident-routes.ts';
import { registerPageRoutes } from './page-routes.ts';
import { registerPostmortemRoutes } from './postmortem-routes.ts';
import { registerTemplateRoutes } from './template-routes.ts';
import { registerSubscriberRoutes } from './subscribers.ts';
import { registerUptimeRoutes } from './uptime-routes.ts';

export interface StatuspageV1Options {
  /** Requests per key per window; Statuspage allows about one a second over a minute. */
  rateLimit?: { max: number; timeWindowMs: number };
}

function statusFor(error: AppError): number {
  // Statuspage answers a body it can read but not accept with 422.
  return error.code === 'validation_failed' || error.code === 'component_group_invalid' || error.code === 'incident_transition_invalid'
    ? 422
    : error.status;
}

/** The Statuspage Manage API v1 under `/v1`: OAuth keys, root-keyed JSON or form bodies, `{"message"}` errors. */
export async function registerStatuspageV1(app: App, deps: AppDeps, options: StatuspageV1Options = {}): Promise<void> {
  const limit = options.rateLimit ?? { max: 60, timeWindowMs: 60_000 };
  await app.register(
    async (scope) => {
      scope.decorateRequest('statuspageCaller', null);
      await scope.register(formbody, {
        parser: (text: string) => {
          try {
            return parseBracketForm(text);
          } catch (error) {
            if (error instanceof FormBodyError) throw new AppError('bad_request', error.message);
            throw error;
          }
        },
      });

      scope.setErrorHandler((error, request, reply) => {
        const appError = toAppError(error);
        if (appError.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
        return reply.code(statusFor(appError)).type('application/json; charset=utf-8').send({ message: appError.message });
      });
      scope.setNotFoundHandler((_request, reply) =>
        reply.code(404).type('application/json; charset=utf-8').send({ message: 'The requested resource could not be found.' }),
      );

      // Who is calling is settled first, so a refused request never has its body read.
      scope.addHook('onRequest', async (request: FastifyRequest) => {
        request.statuspageCaller = await authenticateRequest(request, deps);
        const pageId = (request.params as Record<string, string> | undefined)?.page_id?.replace(/\.json$/, '');
        if (pageId !== undefined) {
          const page = await getPage(deps.ctx);
          if (page.id !== pageId) throw new AppError('page_not_found', `No page has the id "${pageId}".`);
        }
      });

      await scope.register(rateLimit, {
        global: true,
        hook: 'preHandler',
        max: limit.max,
        timeWindow: limit.timeWindowMs,
        keyGenerator: (request) => request.statuspageCaller?.keyId ?? request.ip,
        errorResponseBuilder: (_request, context) =>
          new AppError(
            'rate_limited',
            `Rate limit exceeded: ${context.max} requests per ${limit.timeWindowMs / 1000} seconds for each API key. Try again in ${context.after}.`,
          ),
      });

      registerPageRoutes(scope, deps);
      registerComponentRoutes(scope, deps);
      registerComponentGroupRoutes(scope, deps);
      registerUptimeRoutes(scope, deps);
      registerIncidentRoutes(scope, deps);
      registerPostmortemRoutes(scope, deps);
      registerTemplateRoutes(scope, deps);
      registerSubscriberRoutes(scope, deps);
    },
    { prefix: '/v1' },
  );
}
