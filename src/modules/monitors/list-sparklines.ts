import type { Ctx } from '../../shared/context.ts';
import { listRecentResults } from './monitor-store.ts';
import { buildSeries, recentStretches, tallyOfBucket, type ResponseSeries, type Tally } from './response-times.ts';

export interface Sparkline extends ResponseSeries {
  /** The median time of the answered checks of the last 24 hours. */
  medianMs: number | null;
}

/** Half hours: 48 points for the last 24 hours. */
const stepMs = 30 * 60_000;
const points = 48;

/** Every monitor's response times over the last 24 hours, in half hours, from one query (the admin list). */
export async function listSparklines(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<Map<string, Sparkline>> {
  const stretches = recentStretches(ctx.clock.now(), stepMs, points);
  const { buckets, medians } = await listRecentResults(ctx.db, stretches[0]!.start, 30);
  const byMonitor = new Map<string, Tally[]>();
  for (const bucket of buckets) byMonitor.set(bucket.monitorId, [...(byMonitor.get(bucket.monitorId) ?? []), tallyOfBucket(bucket)]);
  return new Map(
    [...byMonitor].map(([id, tallies]) => [id, { ...buildSeries(tallies, stretches), medianMs: medians.get(id) ?? null }] as const),
  );
}

/** A monitor without results in the last 24 hours: every point a gap. */
export function emptySparkline(now: Date): Sparkline {
  return { ...buildSeries([], recentStretches(now, stepMs, points)), medianMs: null };
}
