import type { Ctx } from '../../shared/context.ts';
import { writePrivately } from '../../storage/write.ts';
import {
  addToRollup,
  deleteResultsBefore,
  deleteRollupsBefore,
  listResultsBefore,
  listRollupsBefore,
  type CheckResultRow,
  type Rollup,
} from './monitor-store.ts';

const hourMs = 3600_000;
const dayMs = 24 * hourMs;

export interface RetentionSettings {
  /** Raw results are kept this long (a day), then become hourly aggregates. */
  rawMs: number;
  /** Hourly aggregates are kept this long, then become daily ones. */
  hourlyMs: number;
  /** Daily aggregates older than this are dropped (`AVISO_MONITOR_RETENTION_DAYS`). */
  dailyMs: number;
}

export const defaultRetention: RetentionSettings = { rawMs: dayMs, hourlyMs: 30 * dayMs, dailyMs: 365 * dayMs };

const emptyRollup = (monitorId: string, period: 'hour' | 'day', periodStart: Date): Rollup => ({
  monitorId,
  period,
  periodStart,
  upCount: 0,
  degradedCount: 0,
  downCount: 0,
  noDataCount: 0,
  durationSumMs: 0,
  durationCount: 0,
  durationMaxMs: 0,
});

/** Raw results grouped by monitor and UTC hour (pure). */
export function hourlyRollups(results: readonly CheckResultRow[]): Rollup[] {
  const groups = new Map<string, Rollup>();
  for (const r of results) {
    const start = new Date(Math.floor(r.checkedAt.getTime() / hourMs) * hourMs);
    const key = `${r.monitorId}@${start.toISOString()}`;
    const rollup = groups.get(key) ?? emptyRollup(r.monitorId, 'hour', start);
    if (r.outcome === 'up') rollup.upCount++;
    else if (r.outcome === 'degraded') rollup.degradedCount++;
    else if (r.outcome === 'down') rollup.downCount++;
    else rollup.noDataCount++;
    // Only a check that got an answer has a response time: a timeout or a refused connection has not.
    if (r.durationMs !== null && (r.outcome === 'up' || r.outcome === 'degraded')) {
      rollup.durationSumMs += r.durationMs;
      rollup.durationCount++;
      rollup.durationMaxMs = Math.max(rollup.durationMaxMs, r.durationMs);
    }
    groups.set(key, rollup);
  }
  return [...groups.values()];
}

/** Hourly aggregates summed into UTC days (pure). */
export function dailyRollups(hours: readonly Rollup[]): Rollup[] {
  const groups = new Map<string, Rollup>();
  for (const h of hours) {
    const start = new Date(Math.floor(h.periodStart.getTime() / dayMs) * dayMs);
    const key = `${h.monitorId}@${start.toISOString()}`;
    const d = groups.get(key) ?? emptyRollup(h.monitorId, 'day', start);
    d.upCount += h.upCount;
    d.degradedCount += h.degradedCount;
    d.downCount += h.downCount;
    d.noDataCount += h.noDataCount;
    d.durationSumMs += h.durationSumMs;
    d.durationCount += h.durationCount;
    d.durationMaxMs = Math.max(d.durationMaxMs, h.durationMaxMs);
    groups.set(key, d);
  }
  return [...groups.values()];
}

/**
 * The `monitors.roll-up` job: raw results older than a day become hourly aggregates, hourly ones
 * past their time become daily ones, daily ones past the retention go. Whole hours and days only,
 * each step in one transaction, so a rerun adds nothing twice.
 */
export async function rollUpResults(ctx: Pick<Ctx, 'db' | 'clock'>, retention: RetentionSettings = defaultRetention): Promise<void> {
  const now = ctx.clock.now().getTime();
  const rawBefore = new Date(Math.floor((now - retention.rawMs) / hourMs) * hourMs);
  const hourlyBefore = new Date(Math.floor((now - retention.hourlyMs) / dayMs) * dayMs);
  await writePrivately(ctx, async (tx) => {
    for (const rollup of hourlyRollups(await listResultsBefore(tx, rawBefore))) await addToRollup(tx, rollup);
    await deleteResultsBefore(tx, rawBefore);
  });
  await writePrivately(ctx, async (tx) => {
    for (const rollup of dailyRollups(await listRollupsBefore(tx, 'hour', hourlyBefore))) await addToRollup(tx, rollup);
    await deleteRollupsBefore(tx, 'hour', hourlyBefore);
    await deleteRollupsBefore(tx, 'day', new Date(now - retention.dailyMs));
  });
}
