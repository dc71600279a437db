import { addDays, dayStart } from '../uptime/index.ts';
import type { ResultBucket, Rollup } from './monitor-store.ts';

/** Counts of checks over some stretch of time, wherever they were kept (raw, hourly, daily). */
export interface Tally {
  /** The instant the counts are placed at (a daily sum's middle, since a day of UTC is not a day of the page). */
  at: Date;
  upCount: number;
  degradedCount: number;
  downCount: number;
  noDataCount: number;
  durationCount: number;
  durationSumMs: number;
  durationMaxMs: number | null;
}

/** One stretch of a chart. `averageMs` null: no check got an answer then, which is a gap, never zero. */
export interface ResponsePoint {
  start: Date;
  end: Date;
  averageMs: number | null;
  maxMs: number | null;
  /** Checks that failed (down), and slots that could not run (no data). */
  failed: number;
  noData: number;
}

export interface ResponseSeries {
  points: ResponsePoint[];
  /** Over every answered check of the series; null when none answered. */
  averageMs: number | null;
  maxMs: number | null;
  /** Points without any answered check. */
  gaps: number;
  failed: number;
}

export const tallyOfBucket = (b: ResultBucket): Tally => ({ ...b, at: b.start });

export const tallyOfRollup = (r: Rollup): Tally => ({
  ...r,
  at: r.period === 'day' ? new Date(r.periodStart.getTime() + 12 * 3600_000) : r.periodStart,
  durationMaxMs: r.durationCount > 0 ? r.durationMaxMs : null,
});

/** The tallies summed into consecutive stretches, oldest first (pure; one pass over the sorted tallies). */
export function buildSeries(tallies: readonly Tally[], stretches: readonly { start: Date; end: Date }[]): ResponseSeries {
  const sorted = [...tallies].sort((a, b) => a.at.getTime() - b.at.getTime());
  let next = 0;
  let count = 0;
  let sum = 0;
  const points = stretches.map(({ start, end }): ResponsePoint => {
    while (next < sorted.length && sorted[next]!.at < start) next++;
    let n = 0;
    let total = 0;
    let max: number | null = null;
    let failed = 0;
    let noData = 0;
    for (; next < sorted.length && sorted[next]!.at < end; next++) {
      const t = sorted[next]!;
      n += t.durationCount;
      total += t.durationSumMs;
      if (t.durationMaxMs !== null) max = Math.max(max ?? 0, t.durationMaxMs);
      failed += t.downCount;
      noData += t.noDataCount;
    }
    count += n;
    sum += total;
    return { start, end, averageMs: n === 0 ? null : Math.round(total / n), maxMs: n === 0 ? null : max, failed, noData };
  });
  const maxes = points.flatMap((p) => (p.maxMs === null ? [] : [p.maxMs]));
  return {
    points,
    averageMs: count === 0 ? null : Math.round(sum / count),
    maxMs: maxes.length === 0 ? null : Math.max(...maxes),
    gaps: points.filter((p) => p.averageMs === null).length,
    failed: points.reduce((n, p) => n + p.failed, 0),
  };
}

/** `count` stretches of `stepMs` ending with the one `now` is in. */
export function recentStretches(now: Date, stepMs: number, count: number): { start: Date; end: Date }[] {
  const last = Math.floor(now.getTime() / stepMs) * stepMs;
  return Array.from({ length: count }, (_, i) => {
    const start = last - (count - 1 - i) * stepMs;
    return { start: new Date(start), end: new Date(start + stepMs) };
  });
}

/** The page's `count` days ending `today`, each from its midnight to the next (DST-aware). */
export function recentDays(today: string, timeZone: string, count: number): { date: string; start: Date; end: Date }[] {
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(today, i - count + 1);
    return { date, start: new Date(dayStart(date, timeZone)), end: new Date(dayStart(addDays(date, 1), timeZone)) };
  });
}
