import type { App } from '../http/create-app.ts';
import type { Ctx } from '../shared/context.ts';
import { backgroundRequest } from '../http/request-log.ts';
import { listPublicUrls } from '../public-page/site-urls.ts';

export interface SiteRenderer {
  /** Starts a pass now (or once the running one ends). */
  schedule(): void;
  /** Resolves when no pass is running or scheduled (for tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Waits `ms`, or less when `stopping` aborts: a stop never waits out a rest. */
function sleep(ms: number, stopping: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    // Already stopped: the abort event has fired and will not fire again.
    if (stopping.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      stopping.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    stopping.addEventListener('abort', done, { once: true });
  });
}

/**
 * Renders every public URL in the background after each change of the data and of the page's day,
 * so the response cache (and with it the kept copies on disk, see http/rendered-store.ts) holds the
 * whole site, not only what visitors asked. Each URL is asked through the app itself, exactly as a
 * visitor would, one at a time (`concurrency` at most), starting a moment after the change and
 * resting after each rendering as long as it took, so visitors are never queued behind the pass:
 * what a visitor asks is rendered on demand, first. A change during a pass lets the pass finish (the URLs it renders from then on read the
 * new data) and starts another, so the pass never restarts from the top under a stream of writes.
 */
export function keepSiteRendered(options: {
  app: App;
  ctx: Ctx;
  /** The page's day (`YYYY-MM-DD`); a new day starts a pass. */
  today: () => string;
  /** Whether renderings can be made now (false while the database is away). */
  online: () => boolean;
  concurrency?: number;
  dayCheckMs?: number;
  /** How long the pass waits after a change before it starts, and rests after each rendering (× its time). */
  startDelayMs?: number;
  restRatio?: number;
}): SiteRenderer {
  const { app, ctx } = options;
  const concurrency = options.concurrency ?? 1;
  const startDelayMs = options.startDelayMs ?? 500;
  const restRatio = options.restRatio ?? 1;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const stopping = new AbortController();

  const pass = async () => {
    const startedAt = Date.now();
    const urls = await listPublicUrls(ctx, ctx.clock.now());
    let next = 0;
    const lane = async () => {
      while (!stopped && next < urls.length && options.online()) {
        const url = urls[next++] as string;
        const started = performance.now();
        await app.inject({ method: 'GET', url, headers: { [backgroundRequest.header]: backgroundRequest.value } });
        // Rests as long as the rendering took: the pass takes at most half of a core from visitors.
        await sleep(Math.min(1000, (performance.now() - started) * restRatio), stopping.signal);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    if (next >= urls.length)
      ctx.log.info(
        { urls: urls.length, ms: Date.now() - startedAt, revision: ctx.revisions.current },
        'the whole public site is rendered and kept',
      );
  };

  const run = async () => {
    do {
      again = false;
      // A change's first requests render what they ask without the pass competing with them.
      await sleep(startDelayMs, stopping.signal);
      if (stopped || !options.online()) return;
      await pass().catch((error: unknown) =>
        ctx.log.warn({ err: error }, 'the background rendering of the site stopped; the next change starts it again'),
      );
    } while (again && !stopped);
  };

  const schedule = () => {
    if (stopped) return;
    if (running !== undefined) {
      again = true;
      return;
    }
    running = run().finally(() => {
      running = undefined;
    });
  };

  const stopChanges = ctx.revisions.onChange(schedule);
  let day = options.today();
  const dayTimer = setInterval(() => {
    const today = options.today();
    if (today !== day) {
      day = today;
      schedule();
    }
  }, options.dayCheckMs ?? 60_000);
  dayTimer.unref();

  return {
    schedule,
    idle: async () => {
      while (running !== undefined) await running;
    },
    stop: async () => {
      stopped = true;
      stopping.abort();
      stopChanges();
      clearInterval(dayTimer);
      await running;
    },
  };
}
