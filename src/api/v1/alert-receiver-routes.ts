import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import {
  createReceiver,
  createReceiverSchema,
  deleteReceiver,
  listReceivers,
  loadReceiver,
  receiveAlerts,
  rotateReceiverToken,
  updateReceiver,
  updateReceiverSchema,
} from '../../modules/alerts/index.ts';
import { AppError } from '../../shared/errors.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

const idParams = z.object({ id: z.string() });

/** The address Alertmanager, Grafana or any tool posts alerts to. */
export const alertReceiverUrl = (publicUrl: string, token: string) => `${publicUrl}/alerts/${token}`;

export function registerAlertReceiverRoutes(scope: ApiScope, deps: AppDeps): void {
  const tags = ['Alert receivers'];
  scope.get('/alert-receivers', { schema: { tags, summary: 'Every alert receiver with its rules' } }, async (request) => ({
    alertReceivers: await listReceivers(callerOf(request).ctx),
  }));
  scope.post(
    '/alert-receivers',
    { schema: { tags, summary: 'Add an alert receiver; its secret URL is shown once', body: createReceiverSchema } },
    async (request, reply) => {
      const { receiver, token } = await createReceiver(callerOf(request).ctx, request.body);
      return reply.code(201).send({ ...receiver, url: alertReceiverUrl(deps.config.publicUrl, token!) });
    },
  );
  scope.get('/alert-receivers/:id', { schema: { tags, summary: 'One alert receiver', params: idParams } }, async (request) =>
    loadReceiver(callerOf(request).ctx, request.params.id),
  );
  scope.patch(
    '/alert-receivers/:id',
    {
      schema: {
        tags,
        summary: 'Rename a receiver or replace its rules (automatic incidents included); its URL stays',
        params: idParams,
        body: updateReceiverSchema,
      },
    },
    async (request) => updateReceiver(callerOf(request).ctx, request.params.id, request.body),
  );
  scope.post(
    '/alert-receivers/:id/rotate-token',
    { schema: { tags, summary: 'Give a receiver a new secret URL, shown once; the old one no longer works', params: idParams } },
    async (request) => {
      const ctx = callerOf(request).ctx;
      const token = await rotateReceiverToken(ctx, request.params.id);
      return { ...(await loadReceiver(ctx, request.params.id)), url: alertReceiverUrl(deps.config.publicUrl, token) };
    },
  );
  scope.delete(
    '/alert-receivers/:id',
    { schema: { tags, summary: 'Delete an alert receiver; the alerts it raised clear', params: idParams } },
    async (request, reply) => {
      await deleteReceiver(callerOf(request).ctx, request.params.id);
      return reply.code(204).send();
    },
  );
}

/** Requests to one address a minute, across every receiver: a tool sends a few, a flood is refused with a 429. */
export const alertsRateLimit = { max: 300, timeWindowMs: 60_000 };

/**
 * A receiver's secret URL: the token is the credential, so no API key is asked for. Rate-limited
 * per address; a body that is none of the accepted shapes is a 400 naming the field.
 */
export async function registerAlertInbound(app: App, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(rateLimit, {
      global: true,
      max: alertsRateLimit.max,
      timeWindow: alertsRateLimit.timeWindowMs,
      errorResponseBuilder: (_request, context) =>
        new AppError(
          'rate_limited',
          `Too many alerts from this address: at most ${context.max} requests a minute. Try again in ${context.after}.`,
        ),
    });
    scope.post('/alerts/:token', { schema: { hide: true }, bodyLimit: 1024 * 1024 }, async (request, reply) => {
      const result = await receiveAlerts(deps.ctx, (request.params as { token: string }).token, request.body);
      return reply.header('cache-control', 'no-store').send(result);
    });
  });
}
