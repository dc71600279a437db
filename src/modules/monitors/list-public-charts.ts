import type { Ctx } from '../../shared/context.ts';
import type { ComponentId } from '../../shared/ids.ts';
import { hasPublicChart, listPublicChartMonitors, listRecentResults, listRollupsSince } from './monitor-store.ts';
import { buildSeries, recentDays, recentStretches, tallyOfBucket, tallyOfRollup, type ResponseSeries } from './response-times.ts';

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
 * and hourly sums fall into them by the hour, daily sums (older than the hourly ones are kept) by
 * their middle. One query for the results of the last day, one for the sums.
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
  const [{ buckets }, rollups] = await Promise.all([
    listRecentResults(ctx.db, since, 60, { monitorIds: ids, medians: false }),
    listRollupsSince(ctx.db, ids, new Date(since.getTime() - 24 * hourMs)),
  ]);
  const charts = new Map<ComponentId, ResponseChart>();
  for (const [componentId, monitorId] of chosen) {
    const tallies = [
      ...buckets.filter((b) => b.monitorId === monitorId).map(tallyOfBucket),
      ...rollups.filter((r) => r.monitorId === monitorId).map(tallyOfRollup),
    ];
    charts.set(componentId, { hours: buildSeries(tallies, hours), days: buildSeries(tallies, days) });
  }
  return charts;
}

/** Whether the public page draws any chart (its cached copy then follows new results, see public-page-routes.ts). */
export function showsPublicCharts(ctx: Pick<Ctx, 'db'>): Promise<boolean> {
  return hasPublicChart(ctx.db);
}
