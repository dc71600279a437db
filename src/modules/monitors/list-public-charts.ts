import type { Ctx } from '../../shared/context.ts';
import type { ComponentId } from '../../shared/ids.ts';
import { hasPublicChart, listPublicChartMonitors, listRecentResults, listRollupsSince, sumHourlyRollups } from './monitor-store.ts';
import {
  buildSeries,
  recentDays,
  recentStretches,
  tallyOfBucket,
  tallyOfRollup,
  type ResponseSeries,
  type Tally,
} from './response-times.ts';

/** What the public page draws under a component: the last 24 hours by hour, the last 90 days by day. */
export interface ResponseChart {
  hours: ResponseSeries;
  days: ResponseSeries;
}

export const chartDays = 90;
const hourMs = 3600_000;

/**
 * The response-time charts of the public page, by component: each component shows the first monitor
 * (by name) of those switched on for it. Days are the page's, as on the uptime bars; raw results
 * fall into them by the hour, hourly sums are added up by day in the database, daily sums (older
 * than the hourly ones are kept) fall in by their middle. Four queries in all, whatever the
 * number of monitors and days.
 */
export async function listPublicCharts(
  ctx: Pick<Ctx, 'db'>,
  { today, timeZone, now }: { today: string; timeZone: string; now: Date },
): Promise<Map<ComponentId, ResponseChart>> {
  const chosen = new Map<ComponentId, string>();
  for (const m of await listPublicChartMonitors(ctx.db))
    if (m.componentId !== null && m.kind !== 'heartbeat' && !chosen.has(m.componentId)) chosen.set(m.componentId, m.id);
  if (chosen.size === 0) return new Map();
  const ids = [...chosen.values()];
  const days = recentDays(today, timeZone, chartDays);
  const hours = recentStretches(now, hourMs, 24);
  const since = new Date(Math.min(days[0]!.start.getTime(), hours[0]!.start.getTime()));
  const [{ buckets }, recentHours, daySums, dailyRollups] = await Promise.all([
    listRecentResults(ctx.db, since, 60, { monitorIds: ids, medians: false }),
    listRollupsSince(ctx.db, ids, hours[0]!.start, 'hour'),
    sumHourlyRollups(ctx.db, ids, days),
    listRollupsSince(ctx.db, ids, new Date(since.getTime() - 24 * hourMs), 'day'),
  ]);
  const charts = new Map<ComponentId, ResponseChart>();
  for (const [componentId, monitorId] of chosen) {
    const results = buckets.filter((b) => b.monitorId === monitorId).map(tallyOfBucket);
    const byHour = recentHours.filter((r) => r.monitorId === monitorId).map(tallyOfRollup);
    const byDay: Tally[] = [
      ...daySums.filter((d) => d.monitorId === monitorId).map((d) => ({ ...d, at: days[d.stretch]!.start })),
      ...dailyRollups.filter((r) => r.monitorId === monitorId).map(tallyOfRollup),
    ];
    charts.set(componentId, { hours: buildSeries([...results, ...byHour], hours), days: buildSeries([...results, ...byDay], days) });
  }
  return charts;
}

/** Whether the public page draws any chart (its cached copy then follows new results, see public-page-routes.ts). */
export function showsPublicCharts(ctx: Pick<Ctx, 'db'>): Promise<boolean> {
  return hasPublicChart(ctx.db);
}
