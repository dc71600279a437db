import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import {
  createMonitor,
  createMonitorSchema,
  deleteMonitor,
  getMonitor,
  listMonitors,
  monitorClients,
  rotatePushToken,
  testMonitor,
  updateMonitor,
  updateMonitorSchema,
  type MonitorView,
} from '../../modules/monitors/index.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

const idParams = z.object({ id: z.string() });

/** A monitor and what its checks concluded, as one flat object. */
export function presentMonitor({ monitor, status }: MonitorView) {
  return {
    ...monitor,
    state: status.state,
    lastCheckedAt: status.lastCheckedAt,
    lastOutcome: status.lastOutcome,
    lastReason: status.lastReason,
    lastDurationMs: status.lastDurationMs,
    lastPingAt: status.lastPingAt,
  };
}

/** The address a heartbeat's cron job or script calls. */
export const heartbeatUrl = (publicUrl: string, token: string) => `${publicUrl}/heartbeat/${token}`;

export function registerMonitorRoutes(scope: ApiScope, deps: AppDeps): void {
  const tags = ['Monitors'];
  const clients = monitorClients(deps.outbound);
  // An API key lets a monitor reach private addresses only when the operator says keys may.
  const mayAllowPrivate = deps.config.apiMonitorsMayReachPrivate;
  scope.get('/monitors', { schema: { tags, summary: 'Every monitor with its last result' } }, async (request) => ({
    monitors: (await listMonitors(callerOf(request).ctx)).map(presentMonitor),
  }));
  scope.post('/monitors', { schema: { tags, summary: 'Add a monitor', body: createMonitorSchema } }, async (request, reply) => {
    const ctx = callerOf(request).ctx;
    const { monitor, pushToken } = await createMonitor(ctx, request.body, { mayAllowPrivate });
    const view = await getMonitor(ctx, monitor.id);
    return reply
      .code(201)
      .send({ ...presentMonitor(view), pushUrl: pushToken === null ? null : heartbeatUrl(deps.config.publicUrl, pushToken) });
  });
  scope.get('/monitors/:id', { schema: { tags, summary: 'One monitor', params: idParams } }, async (request) =>
    presentMonitor(await getMonitor(callerOf(request).ctx, request.params.id)),
  );
  scope.patch(
    '/monitors/:id',
    { schema: { tags, summary: 'Edit, pause or resume a monitor', params: idParams, body: updateMonitorSchema } },
    async (request) => {
      const ctx = callerOf(request).ctx;
      await updateMonitor(ctx, request.params.id, request.body, { mayAllowPrivate });
      return presentMonitor(await getMonitor(ctx, request.params.id));
    },
  );
  scope.delete('/monitors/:id', { schema: { tags, summary: 'Delete a monitor', params: idParams } }, async (request, reply) => {
    await deleteMonitor(callerOf(request).ctx, request.params.id);
    return reply.code(204).send();
  });
  scope.post(
    '/monitors/:id/test',
    { schema: { tags, summary: 'Check once now and say what was found (changes nothing)', params: idParams } },
    async (request) => testMonitor(callerOf(request).ctx, request.params.id, clients),
  );
  scope.post(
    '/monitors/:id/rotate-token',
    { schema: { tags, summary: 'Give a heartbeat a new secret URL, shown once; the old one no longer works', params: idParams } },
    async (request) => {
      const ctx = callerOf(request).ctx;
      const pushToken = await rotatePushToken(ctx, request.params.id);
      return { ...presentMonitor(await getMonitor(ctx, request.params.id)), pushUrl: heartbeatUrl(deps.config.publicUrl, pushToken) };
    },
  );
}
