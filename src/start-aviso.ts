import type { Config } from './config.ts';
import { buildAviso, type Aviso } from './app.ts';
import { prepareContent } from './prepare-content.ts';
import { logStartNotes } from './start-notes.ts';
import { runningClockFrom, systemClock } from './shared/clock.ts';
import { systemActor, type Ctx } from './shared/context.ts';
import type { Logger } from './shared/logger.ts';
import { openDatabase, type OpenDatabase } from './storage/database.ts';
import { migrate } from './storage/migrate.ts';
import { Revisions } from './storage/revisions.ts';

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

export interface StartedAviso {
  aviso: Aviso;
  database: OpenDatabase;
  /** Resolves once the database has answered, been migrated and the page is served fresh. */
  connected: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Aviso whether or not its database answers. When it does not, the last good renderings
 * kept on disk are served (`/readyz` says why it is not ready) while the database is retried in
 * the background with backoff; once it answers it is migrated and the page is served fresh.
 */
export async function startAviso(options: {
  config: Config;
  log: Logger;
  retryMs?: { first: number; max: number };
}): Promise<StartedAviso> {
  const { config, log } = options;
  // Capped low, so an instance started during an outage serves fresh pages within a second of its end.
  const retry = options.retryMs ?? { first: 100, max: 500 };
  const database = openDatabase(config.database);

  const prepare = async (ctx: Ctx) => {
    const applied = await migrate(database.db);
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
    await prepareContent(ctx, config);
    await logStartNotes(ctx, config);
  };
  const clock = config.clockStart === undefined ? systemClock : runningClockFrom(config.clockStart);
  if (config.clockStart !== undefined) log.warn({ now: clock.now().toISOString() }, 'AVISO_NOW is set: the clock is pinned to another day');
  const firstTry = await prepare({ db: database.db, clock, log, actor: systemActor, revisions: new Revisions() }).then(
    () => undefined,
    (error: unknown) => error,
  );
  const aviso = await buildAviso({ config, database, log, resilient: true, clock });
  const { cache, ctx } = aviso.deps;

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: () => void = () => {};
  const connectInBackground = async (error: unknown): Promise<void> => {
    let wait = retry.first;
    for (let attempt = 0; ; attempt++) {
      // Said when it starts and then about once a minute, not at every attempt.
      if (attempt % Math.max(1, Math.round(60_000 / retry.max)) === 0)
        log.warn(
          { reason: describe(error), retryInMs: wait },
          `the ${database.kind} database cannot be reached; serving the last good pages`,
        );
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, wait);
      });
      if (stopped) return;
      try {
        await prepare(ctx);
        await ctx.revisions.load(ctx.db);
        cache.setOffline(false);
        aviso.siteRenderer?.schedule();
        log.info(`the ${database.kind} database answers again; serving fresh pages`);
        return;
      } catch (next) {
        error = next;
        wait = Math.min(wait * 2, retry.max);
      }
    }
  };
  const connected =
    firstTry === undefined && !cache.offline
      ? Promise.resolve()
      : connectInBackground(firstTry ?? new Error('the data revision could not be read'));

  return {
    aviso,
    database,
    connected,
    close: async () => {
      stopped = true;
      clearTimeout(timer);
      wake();
      await connected;
      await aviso.close();
      await database.close();
    },
  };
}
