import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { componentStatuses, type ComponentStatus } from '../components/index.ts';
import { dailyOutages, uptimeForRange, type UptimeSubject } from './uptime.ts';

/*
 * An independent, brute-force oracle: it walks every second, asks Intl for the local date (once a
 * minute: every offset of the zones below is whole minutes and changes on a whole minute), looks
 * the status up by scanning the history, and counts. No luxon, no day boundaries, no sweeping.
 */

interface OracleDay {
  date: string;
  hasData: boolean;
  majorSeconds: number;
  partialSeconds: number;
  degradedSeconds: number;
  maintenanceSeconds: number;
  secondsWithData: number;
  noDataSeconds: number;
}

function formatterFor(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (ms) => {
    const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}

function utcMidnightSeconds(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 1000;
}

function oracleDays(subject: UptimeSubject, from: string, to: string, timeZone: string, nowSeconds: number): OracleDay[] {
  const dateOf = formatterFor(timeZone);
  const times = subject.changes.map((c) => c.changedAt.getTime() / 1000);
  const gaps = (subject.noData ?? []).map((g) => ({ from: g.from.getTime() / 1000, to: g.to.getTime() / 1000 }));
  const firstDay = subject.startDate ?? (times[0] === undefined ? null : dateOf((times[0] as number) * 1000));
  const days = new Map<string, OracleDay>();
  for (let s = utcMidnightSeconds(from); s <= utcMidnightSeconds(to); s += 86400) {
    const date = new Date(s * 1000).toISOString().slice(0, 10);
    days.set(date, {
      date,
      hasData: false,
      majorSeconds: 0,
      partialSeconds: 0,
      degradedSeconds: 0,
      maintenanceSeconds: 0,
      secondsWithData: 0,
      noDataSeconds: 0,
    });
  }
  // Every local day lies within 15 hours of its UTC namesake.
  const start = utcMidnightSeconds(from) - 15 * 3600;
  const end = utcMidnightSeconds(to) + 86400 + 15 * 3600;
  let next = 0;
  let status: ComponentStatus = 'operational';
  for (let minute = start; minute < end; minute += 60) {
    const date = dateOf(minute * 1000);
    const day = days.get(date);
    for (let t = minute; t < minute + 60; t++) {
      while (next < times.length && (times[next] as number) <= t)
        status = (subject.changes[next++] as UptimeSubject['changes'][number]).status;
      if (day === undefined || firstDay === null || date < firstDay || t + 1 > nowSeconds) continue;
      // A second inside a stretch without data is neither up nor down.
      if (gaps.some((g) => g.from <= t && t < g.to)) {
        day.noDataSeconds++;
        continue;
      }
      day.hasData = true;
      day.secondsWithData++;
      if (status === 'major_outage') day.majorSeconds++;
      if (status === 'partial_outage') day.partialSeconds++;
      if (status === 'degraded_performance') day.degradedSeconds++;
      if (status === 'under_maintenance') day.maintenanceSeconds++;
    }
  }
  return [...days.values()];
}

/** The largest k with k/100 ≤ 100 − 100 × (M + 0.3 P) / D, in integers. */
function oraclePercent(days: OracleDay[]): number | null {
  const sum = (pick: (d: OracleDay) => number) => BigInt(days.reduce((total, d) => total + pick(d), 0));
  const data = sum((d) => d.secondsWithData);
  if (data === 0n) return null;
  const k = (100000n * data - 100000n * sum((d) => d.majorSeconds) - 30000n * sum((d) => d.partialSeconds)) / (10n * data);
  return Number(k) / 100;
}

function shiftDate(date: string, days: number): string {
  return new Date((utcMidnightSeconds(date) + days * 86400) * 1000).toISOString().slice(0, 10);
}

/** Seconds from the range's UTC midnight, ascending: a first change, then gaps of hours or of a second or two. */
function changeOffsets(maxDays: number) {
  const first = fc.oneof(
    fc.integer({ min: -2 * 86400, max: maxDays * 86400 }),
    fc.integer({ min: -96, max: maxDays * 48 }).map((h) => h * 1800),
  );
  const gap = fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 * 86400 }));
  const step = fc.record({ gap, status: fc.constantFrom(...componentStatuses) });
  return fc.tuple(first, fc.array(step, { maxLength: 14 })).map(([start, steps]) => {
    let at = start;
    return steps.map(({ gap: g, status }) => ({ at: (at += g), status }));
  });
}

/** Stretches without data, ascending and apart: whole hours, or a few seconds (a missed check). */
function gapOffsets(maxDays: number) {
  const gap = fc.record({
    pause: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 2 * 86400 })),
    length: fc.oneof(
      fc.integer({ min: 1, max: 90 }),
      fc.integer({ min: 1, max: 30 }).map((h) => h * 3600),
    ),
  });
  return fc.tuple(fc.integer({ min: -86400, max: maxDays * 86400 }), fc.array(gap, { maxLength: 4 })).map(([start, gaps]) => {
    let at = start;
    return gaps.map(({ pause, length }) => {
      const from = (at += pause);
      return { from, to: (at += length) };
    });
  });
}

/** A random case near a date: a range of 1–5 days, a history of second-aligned changes around it, a start date and a now. */
function caseNear(anchors: string[], maxDays = 5) {
  return fc
    .record({
      anchor: fc.constantFrom(...anchors),
      offset: fc.integer({ min: -3, max: 1 }),
      length: fc.integer({ min: 1, max: maxDays }),
      changes: changeOffsets(maxDays),
      gaps: fc.option(gapOffsets(maxDays), { nil: undefined }),
      startShift: fc.option(fc.integer({ min: -4, max: maxDays + 1 }), { nil: null }),
      now: fc.oneof(fc.constant(null), fc.integer({ min: -86400, max: (maxDays + 5) * 86400 })),
    })
    .map(({ anchor, offset, length, changes, gaps, startShift, now }) => {
      const from = shiftDate(anchor, offset);
      const to = shiftDate(from, length - 1);
      const base = utcMidnightSeconds(from);
      const subject: UptimeSubject = {
        startDate: startShift === null ? null : shiftDate(from, startShift),
        changes: changes.map((c) => ({ status: c.status, changedAt: new Date((base + c.at) * 1000) })),
        ...(gaps !== undefined && {
          noData: gaps.map((g) => ({ from: new Date((base + g.from) * 1000), to: new Date((base + g.to) * 1000) })),
        }),
      };
      const nowSeconds = now === null ? base + 400 * 86400 : base + now;
      return { subject, from, to, nowSeconds };
    });
}

function checkAgainstOracle(timeZone: string, anchors: string[], numRuns: number, maxDays?: number): void {
  fc.assert(
    fc.property(caseNear(anchors, maxDays), ({ subject, from, to, nowSeconds }) => {
      const now = new Date(nowSeconds * 1000);
      const expected = oracleDays(subject, from, to, timeZone, nowSeconds);
      assert.deepEqual(dailyOutages(subject, from, to, timeZone, now), expected);
      assert.equal(uptimeForRange(subject, from, to, timeZone, now).percent, oraclePercent(expected));
    }),
    { numRuns },
  );
}

describe('uptime engine against a second-by-second oracle', () => {
  it('agrees in New York across the March and November 2025 DST changes', () => {
    checkAgainstOracle('America/New_York', ['2025-03-09', '2025-11-02', '2024-03-10', '2024-11-03'], 60);
  });

  it('agrees in São Paulo, including the 2018 change that skipped midnight and the 2019 one that repeated an hour', () => {
    checkAgainstOracle('America/Sao_Paulo', ['2018-11-04', '2019-02-17', '2025-03-09', '2025-11-02'], 50);
  });

  it('agrees in Moscow, including its 2011 and 2014 offset changes', () => {
    checkAgainstOracle('Europe/Moscow', ['2011-03-27', '2014-10-26', '2025-03-30', '2025-10-26'], 40);
  });

  it('agrees in Kolkata, a half-hour offset', () => {
    checkAgainstOracle('Asia/Kolkata', ['2025-03-09', '2025-11-02', '2025-12-31'], 40);
  });

  it('agrees over month-long ranges that hold a DST change', () => {
    checkAgainstOracle('America/New_York', ['2025-03-01', '2025-11-01'], 4, 30);
  });
});
