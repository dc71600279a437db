import type { App } from '../http/create-app.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * `/healthz`: the process is alive and serving. `/readyz`: the database answers, every migration
 * is applied and writes can succeed ("read-only: …" when the disk is full or read-only); when
 * not, it says which, with 503.
 */
export function registerHealthRoutes(app: App, deps: AppDeps): void {
  app.get('/healthz', async (_request, reply) => {
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });

  app.get('/readyz', async (_request, reply) => {
    const checks: Record<string, { ok: boolean; message?: string }> = {};
    const database = await deps.checkDatabase();
    if (database.reachable) {
      checks['database'] = { ok: true };
      checks['migrations'] = database.migrated ? { ok: true } : { ok: false, message: 'some migrations are not applied' };
      // Pages are still served from their kept copies; no change can be saved.
      checks['writes'] = database.readOnly === undefined ? { ok: true } : { ok: false, message: `read-only: ${database.readOnly}` };
    } else {
      checks['database'] = { ok: false, message: `cannot reach the ${deps.database.kind} database: ${database.reason}` };
      checks['writes'] = { ok: false, message: `read-only: the ${deps.database.kind} database cannot be reached` };
    }
    // Started without its database: it serves the last good pages until it has reconnected and migrated.
    if (deps.cache.offline)
      checks['content'] = { ok: false, message: 'serving the last good pages kept on disk until the database is back' };
    const ready = Object.values(checks).every((c) => c.ok);
    return reply
      .code(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ready ? 'ready' : 'not_ready', database: deps.database.kind, revision: deps.ctx.revisions.current, checks });
  });
}
