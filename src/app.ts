import type { Config } from './config.ts';
import type { AppDeps } from './app-deps.ts';
import { registerHealthRoutes } from './health/health-routes.ts';
import { join } from 'node:path';
import { ResponseCache } from './http/cached-response.ts';
import { RenderedStore } from './http/rendered-store.ts';
import { createHttpApp, type App } from './http/create-app.ts';
import { createOutbound } from './outbound/index.ts';
import { registerPublicPage } from './public-page/public-page-routes.ts';
import { registerAdmin } from './admin/admin-routes.tsx';
import { registerPublicApi } from './api/v2/routes.ts';
import { registerStatuspageV1 } from './api/statuspage-v1/plugin.ts';
import { registerAvisoApi } from './api/v1/plugin.ts';
import { registerSubscriptionPages } from './subscriptions-web/subscription-routes.tsx';
import { followPageTimeZone, PageDay } from './page-day.ts';
import { systemClock, type Clock } from './shared/clock.ts';
import { systemActor, type Ctx } from './shared/context.ts';
import type { Logger } from './shared/logger.ts';
import type { OpenDatabase } from './storage/database.ts';
import { startRevisionListener } from './storage/revision-listener.ts';
import { checkDatabase } from './storage/readiness.ts';
import { Revisions } from './storage/revisions.ts';
import { createMetrics, type AvisoMetrics } from './metrics/aviso-metrics.ts';
import { registerMetricsRoute } from './metrics/metrics-routes.ts';
import { registerRequestLog } from './http/request-log.ts';
import { registerDocsPages } from './docs-pages/docs-routes.ts';
import { keepSiteRendered, type SiteRenderer } from './site/keep-site-rendered.ts';

export interface Aviso {
  app: App;
  deps: AppDeps;
  metrics: AvisoMetrics;
  /** The background rendering of every public URL (a serving instance only). */
  siteRenderer: SiteRenderer | undefined;
  close(): Promise<void>;
}

/**
 * The composition root: wires the context, the cache and the surfaces. No logic of its own.
 * Cached renderings, whichever surface made them, last for one data revision and one page day.
 * `resilient` (a serving instance, see start-aviso.ts): renderings are kept on disk under the data
 * directory, other instances' writes are followed, and an unreachable database starts it offline.
 */
export async function buildAviso(options: {
  config: Config;
  database: OpenDatabase;
  log: Logger;
  clock?: Clock;
  resilient?: boolean;
}): Promise<Aviso> {
  const revisions = new Revisions();
  const clock = options.clock ?? systemClock;
  const day = new PageDay(clock);
  const keeper = options.resilient ? new RenderedStore(join(options.config.dataDir, 'rendered'), options.log) : undefined;
  // Node's own figures (memory, event loop, GC) only for a serving instance: they watch the whole process.
  const metrics = createMetrics({ database: options.database, processMetrics: options.resilient === true });
  const cache = new ResponseCache(
    () => `${revisions.current}@${day.today()}`,
    keeper,
    (event) => metrics.observeCache(event),
  );
  const loaded = await revisions.load(options.database.db).then(
    () => true,
    (error: unknown) => {
      if (!options.resilient) throw error;
      return false;
    },
  );
  cache.setOffline(!loaded);
  const ctx: Ctx = { db: options.database.db, clock, log: options.log, actor: systemActor, revisions, publicUrl: options.config.publicUrl };
  const timeZone = followPageTimeZone(ctx, day);
  // Without its database the instance starts at once; the zone is read when the data is.
  if (loaded) await timeZone.ready;
  const outbound = createOutbound(options.config.outbound);
  const deps: AppDeps = {
    config: options.config,
    ctx,
    database: options.database,
    checkDatabase: () => checkDatabase(options.database),
    cache,
    outbound,
  };

  metrics.followRevisions(ctx);

  const app = createHttpApp(options.log, { trustProxy: options.config.trustProxy });
  registerRequestLog(app, { mode: options.config.accessLog, observer: metrics });
  registerMetricsRoute(app, metrics, options.config.metricsToken);
  registerHealthRoutes(app, deps);
  registerPublicPage(app, deps);
  registerAdmin(app, deps);
  registerPublicApi(app, deps);
  registerSubscriptionPages(app, deps);
  registerDocsPages(app);
  await registerStatuspageV1(app, deps);
  await registerAvisoApi(app, deps);
  await app.ready();
  const { config } = options;
  const listener = options.resilient
    ? startRevisionListener({
        database: options.database,
        revisions,
        log: options.log,
        postgresUrl: config.database.kind === 'postgres' ? config.database.url : undefined,
      })
    : undefined;
  // The whole public site, not only what visitors asked, is rendered after each change and kept on disk.
  const siteRenderer = options.resilient
    ? keepSiteRendered({ app, ctx, today: () => day.today(), online: () => !cache.offline })
    : undefined;
  if (loaded) siteRenderer?.schedule();

  return {
    app,
    deps,
    metrics,
    siteRenderer,
    close: async () => {
      await siteRenderer?.stop();
      timeZone.stop();
      await listener?.close();
      await app.close();
      await outbound.close();
      await keeper?.flush();
    },
  };
}
