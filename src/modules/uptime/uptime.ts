import { HistoryCursor, type HistoryChange } from './status-history.ts';
import { dayGrid, localDate, monthDays } from './zoned-days.ts';

export interface UptimeSubject {
  /** One component's status history, oldest first (listStatusChanges(db, id) gives it). */
  changes: HistoryChange[];
  /** 'YYYY-MM-DD' in the page time zone; days before it are "no data", never downtime. Null: from the first change. */
  startDate: string | null;
  /**
   * Stretches without data (a monitor that could not run because Aviso itself was down or
   * overloaded), oldest first, not overlapping. They count neither as uptime nor as downtime:
   * their seconds leave the day's seconds with data.
   */
  noData?: readonly NoDataSpan[];
}

/** [from, to): a stretch of time without data. */
export interface NoDataSpan {
  from: Date;
  to: Date;
}

export interface DayOutage {
  date: string;
  hasData: boolean;
  majorSeconds: number;
  partialSeconds: number;
  degradedSeconds: number;
  maintenanceSeconds: number;
  /** Seconds of the day that count: the whole day (23, 24 or 25 hours), less any time after `now` and any stretch without data. */
  secondsWithData: number;
  /** Seconds of the day (up to `now`, from the first day with data) inside a stretch without data. */
  noDataSeconds: number;
}

export interface UptimeFigure {
  /** Truncated (not rounded) to two decimals, e.g. 99.87; null when no second of the range has data. */
  percent: number | null;
  /** Unrounded value, for group means. */
  exact: number | null;
  majorSeconds: number;
  partialSeconds: number;
  secondsWithData: number;
}

/** The first day with data: the start date, or the day of the first change; null when there is none. */
export function firstDayWithData(subject: UptimeSubject, timeZone: string): string | null {
  if (subject.startDate !== null) return subject.startDate;
  const first = subject.changes[0];
  return first === undefined ? null : localDate(first.changedAt.getTime(), timeZone);
}

function noDataDay(date: string): DayOutage {
  return {
    date,
    hasData: false,
    majorSeconds: 0,
    partialSeconds: 0,
    degradedSeconds: 0,
    maintenanceSeconds: 0,
    secondsWithData: 0,
    noDataSeconds: 0,
  };
}

/** The parts of [start, end) outside every stretch without data, in order. */
function stretchesWithData(start: number, end: number, gaps: readonly NoDataSpan[]): [number, number][] {
  const parts: [number, number][] = [];
  let cursor = start;
  for (const gap of gaps) {
    const from = Math.max(gap.from.getTime(), start);
    const to = Math.min(gap.to.getTime(), end);
    if (to <= from || to <= cursor) continue;
    if (from > cursor) parts.push([cursor, from]);
    cursor = Math.max(cursor, to);
  }
  if (cursor < end) parts.push([cursor, end]);
  return parts;
}

/**
 * One entry per calendar day from `from` to `to` inclusive ('YYYY-MM-DD'), days cut in `timeZone`
 * (DST-aware). Days before the start date have no data; so has time after `now`, which makes
 * today a partial day counted up to `now`, and later days empty.
 */
export function dailyOutages(subject: UptimeSubject, from: string, to: string, timeZone: string, now: Date): DayOutage[] {
  const { dates, bounds } = dayGrid(from, to, timeZone);
  const firstDay = firstDayWithData(subject, timeZone);
  const nowMs = now.getTime();
  const days: DayOutage[] = [];
  let cursor: HistoryCursor | undefined;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i] as string;
    const start = bounds[i] as number;
    const end = Math.min(bounds[i + 1] as number, nowMs);
    if (firstDay === null || date < firstDay || end <= start) {
      days.push(noDataDay(date));
      continue;
    }
    cursor ??= new HistoryCursor(subject.changes, start);
    const d = { major: 0, partial: 0, degraded: 0, maintenance: 0 };
    let withData = 0;
    for (const [from, to] of stretchesWithData(start, end, subject.noData ?? [])) {
      const part = cursor.measure(from, to);
      d.major += part.major;
      d.partial += part.partial;
      d.degraded += part.degraded;
      d.maintenance += part.maintenance;
      withData += to - from;
    }
    if (withData === 0) {
      days.push({ ...noDataDay(date), noDataSeconds: (end - start) / 1000 });
      continue;
    }
    days.push({
      date,
      hasData: true,
      majorSeconds: d.major / 1000,
      partialSeconds: d.partial / 1000,
      degradedSeconds: d.degraded / 1000,
      maintenanceSeconds: d.maintenance / 1000,
      secondsWithData: withData / 1000,
      noDataSeconds: (end - start - withData) / 1000,
    });
  }
  return days;
}

/**
 * Statuspage's figure from totals: 100 − 100 × (major + 0.3 × partial) / seconds with data,
 * truncated to hundredths in exact integer arithmetic (so 99.98 never becomes 99.97).
 */
export function uptimeFromTotals(majorSeconds: number, partialSeconds: number, secondsWithData: number): UptimeFigure {
  const totals = { majorSeconds, partialSeconds, secondsWithData };
  if (secondsWithData <= 0) return { percent: null, exact: null, ...totals };
  const exact = 100 - (100 * (majorSeconds + 0.3 * partialSeconds)) / secondsWithData;
  // Whole milliseconds make every term an integer: hundredths = ⌊1000 × (10D − 10M − 3P) / D⌋.
  const m = BigInt(Math.round(majorSeconds * 1000));
  const p = BigInt(Math.round(partialSeconds * 1000));
  const d = BigInt(Math.round(secondsWithData * 1000));
  const up = 10n * d - 10n * m - 3n * p;
  const hundredths = up <= 0n ? 0n : (1000n * up) / d;
  return { percent: Number(hundredths) / 100, exact, ...totals };
}

/** The figure of a run of days: the same maths whether the days come from our history or elsewhere. */
export function uptimeFromDays(days: readonly DayOutage[]): UptimeFigure {
  let major = 0;
  let partial = 0;
  let data = 0;
  for (const day of days) {
    if (!day.hasData) continue;
    major += day.majorSeconds;
    partial += day.partialSeconds;
    data += day.secondsWithData;
  }
  return uptimeFromTotals(major, partial, data);
}

/** Statuspage's formula over the days from..to: 100 − 100 × (major + 0.3 × partial) / seconds with data, truncated to 2 decimals. */
export function uptimeForRange(subject: UptimeSubject, from: string, to: string, timeZone: string, now: Date): UptimeFigure {
  return uptimeFromDays(dailyOutages(subject, from, to, timeZone, now));
}

/** The same for a calendar month 'YYYY-MM'. */
export function monthlyUptime(subject: UptimeSubject, month: string, timeZone: string, now: Date): UptimeFigure {
  const { from, to } = monthDays(month);
  return uptimeForRange(subject, from, to, timeZone, now);
}

/** Truncates to hundredths, forgiving the float error of a mean (99.97999999999 is 99.98). */
export function truncateToHundredths(value: number): number {
  return Math.floor(value * 100 + 1e-7) / 100;
}

/** A group's figure: the truncated mean of its showcased children's exact figures (children without data are left out). */
export function groupUptime(children: readonly UptimeFigure[]): UptimeFigure {
  const withData = children.filter((c) => c.exact !== null);
  const sum = (pick: (c: UptimeFigure) => number) => withData.reduce((total, c) => total + pick(c), 0);
  const totals = {
    majorSeconds: sum((c) => c.majorSeconds),
    partialSeconds: sum((c) => c.partialSeconds),
    secondsWithData: sum((c) => c.secondsWithData),
  };
  if (withData.length === 0) return { percent: null, exact: null, ...totals };
  const exact = sum((c) => c.exact as number) / withData.length;
  return { percent: truncateToHundredths(exact), exact, ...totals };
}
