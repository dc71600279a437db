import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CacheEvent } from '../http/cached-response.ts';
import { jobStats } from '../jobs/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { OpenDatabase } from '../storage/database.ts';

type JobFigures = Awaited<ReturnType<typeof jobStats>> & { now: Date };

/** One delivery attempt's result as /metrics counts it. */
export type DeliveryOutcome = 'sent' | 'failed_retryable' | 'failed_permanent';

export interface AvisoMetrics {
  registry: Registry;
  /** One answered HTTP request: its route pattern (never the raw URL), method, status and duration. */
  observeRequest(request: { method: string; route: string; status: number; seconds: number }): void;
  observeCache(event: CacheEvent): void;
  observeDelivery(channel: string, outcome: DeliveryOutcome): void;
  /** Starts following the data revision (its value and when this instance saw it change). */
  followRevisions(ctx: Ctx): void;
}

/**
 * Aviso's metrics in one registry per instance: HTTP requests, the response cache, the data
 * revision and its age, jobs by status and their lag, notification deliveries, the database; with
 * `processMetrics`, Node's own (memory, event loop, GC) too.
 */
export function createMetrics(options: { database: OpenDatabase; ctx?: () => Ctx; processMetrics: boolean }): AvisoMetrics {
  const registry = new Registry();
  if (options.processMetrics) {
    collectDefaultMetrics({ register: registry });
    // Gauges that prom-client names like counters: Prometheus' own checker (promtool) rejects the names.
    for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'])
      registry.removeSingleMetric(name);
    // prom-client reports `external` (which includes them) but not Buffers and ArrayBuffers alone.
    new Gauge({
      name: 'nodejs_array_buffers_bytes',
      help: 'Memory held by Buffers and ArrayBuffers (part of nodejs_external_memory_bytes).',
      registers: [registry],
      collect() {
        this.set(process.memoryUsage().arrayBuffers);
      },
    });
  }
  const registers = [registry];

  const requests = new Counter({
    name: 'aviso_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'aviso_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its response, by route pattern, method and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const cache = new Counter({
    name: 'aviso_response_cache_events_total',
    help: 'Response cache lookups (hit, miss) and renderings (render, render_failed, stale_served: an old copy stood in).',
    labelNames: ['event'] as const,
    registers,
  });
  for (const event of ['hit', 'miss', 'render', 'render_failed', 'stale_served'] as const) cache.inc({ event }, 0);
  const deliveries = new Counter({
    name: 'aviso_notification_deliveries_total',
    help: 'Notification delivery attempts by channel and outcome (sent, failed_retryable, failed_permanent).',
    labelNames: ['channel', 'outcome'] as const,
    registers,
  });

  let revision = 0;
  let revisionSeenAt = Date.now();
  let getCtx = options.ctx;
  new Gauge({
    name: 'aviso_data_revision',
    help: 'The data revision this instance serves (every write bumps it).',
    registers,
    collect() {
      this.set(revision);
    },
  });
  new Gauge({
    name: 'aviso_data_revision_age_seconds',
    help: 'Seconds since this instance saw the data revision change (or started).',
    registers,
    collect() {
      this.set((Date.now() - revisionSeenAt) / 1000);
    },
  });

  // Read from the database once per scrape (both gauges share the reading): every instance reports the shared queue.
  let reading: { at: number; stats: Promise<JobFigures | undefined> } | undefined;
  const readJobs = (): Promise<JobFigures | undefined> => {
    if (reading !== undefined && Date.now() - reading.at < 1000) return reading.stats;
    const ctx = getCtx?.();
    const stats =
      ctx === undefined
        ? Promise.resolve(undefined)
        : jobStats(ctx.db, ctx.clock.now()).then(
            (figures) => ({ ...figures, now: ctx.clock.now() }),
            () => {
              collectErrors.inc();
              return undefined;
            },
          );
    reading = { at: Date.now(), stats };
    return stats;
  };
  const collectErrors = new Counter({
    name: 'aviso_metrics_collect_errors_total',
    help: 'Scrapes whose job figures could not be read from the database.',
    registers,
  });
  new Gauge({
    name: 'aviso_jobs',
    help: 'Jobs in the queue by status.',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      const figures = await readJobs();
      if (figures === undefined) return;
      for (const status of ['pending', 'running', 'done', 'dead'] as const) this.set({ status }, figures.byStatus.get(status) ?? 0);
    },
  });
  new Gauge({
    name: 'aviso_jobs_lag_seconds',
    help: 'How long the oldest job that is due has waited to run (0 when none waits).',
    registers,
    async collect() {
      const figures = await readJobs();
      if (figures === undefined) return;
      const { oldestDueAt, now } = figures;
      this.set(oldestDueAt === null ? 0 : Math.max(0, (now.getTime() - oldestDueAt.getTime()) / 1000));
    },
  });

  const { database } = options;
  new Counter({
    name: 'aviso_database_query_errors_total',
    help: 'Database statements that failed.',
    registers,
    collect() {
      this.reset();
      this.inc(database.stats().queryErrors);
    },
  });
  new Gauge({
    name: 'aviso_database_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting clients); 1 total for SQLite.',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const pool = database.stats().pool ?? { total: 1, idle: 0, waiting: 0 };
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });

  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    observeCache: (event) => cache.inc({ event }),
    observeDelivery: (channel, outcome) => deliveries.inc({ channel, outcome }),
    followRevisions(ctx) {
      getCtx ??= () => ctx;
      revision = ctx.revisions.current;
      ctx.revisions.onChange((next) => {
        revision = next;
        revisionSeenAt = Date.now();
      });
    },
  };
}
