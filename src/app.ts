import type { Config } from './config.ts';
import type { AppDeps } from './app-deps.ts';
import { registerHealthRoutes } from './health/health-routes.ts';
import { ResponseCache } from './http/cached-response.ts';
import { createHttpApp, type App } from './http/create-app.ts';
import { registerPublicPage } from './public-page/public-page-routes.ts';
import { registerPublicApi } from './api/v2/routes.ts';
import { systemClock, type Clock } from './shared/clock.ts';
import { systemActor, type Ctx } from './shared/context.ts';
import type { Logger } from './shared/logger.ts';
import type { OpenDatabase } from './storage/database.ts';
import { Revisions } from './storage/revisions.ts';

export interface Aviso {
  app: App;
  deps: AppDeps;
  close(): Promise<void>;
}

/** The composition root: wires the context, the cache and the surfaces. No logic of its own. */
export async function buildAviso(options: { config: Config; database: OpenDatabase; log: Logger; clock?: Clock }): Promise<Aviso> {
  const revisions = new Revisions();
  await revisions.load(options.database.db);
  const ctx: Ctx = { db: options.database.db, clock: options.clock ?? systemClock, log: options.log, actor: systemActor, revisions };
  const cache = new ResponseCache(() => revisions.current);
  const deps: AppDeps = { config: options.config, ctx, database: options.database, cache };

  const app = createHttpApp(options.log);
  registerHealthRoutes(app, deps);
  registerPublicPage(app, deps);
  registerPublicApi(app, deps);
  await app.ready();

  return {
    app,
    deps,
    close: async () => {
      await app.close();
    },
  };
}
