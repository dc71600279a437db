import { timingSafeEqual, createHash } from 'node:crypto';
import type { App } from '../http/create-app.ts';
import { AppError } from '../shared/errors.ts';
import type { AvisoMetrics } from './aviso-metrics.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** `GET /metrics` in Prometheus' text format; with a token configured, only `Authorization: Bearer <token>` sees it. */
export function registerMetricsRoute(app: App, metrics: AvisoMetrics, token: string | undefined): void {
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token !== undefined) {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(given), digest(token))) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError('unauthorized', 'Send the metrics token as "Authorization: Bearer <token>" (AVISO_METRICS_TOKEN).');
      }
    }
    const body = await metrics.registry.metrics();
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
  });
}
