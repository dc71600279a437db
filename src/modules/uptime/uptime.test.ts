import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ComponentStatus } from '../components/index.ts';
import {
  dailyOutages,
  groupUptime,
  monthlyUptime,
  uptimeForRange,
  uptimeFromTotals,
  type UptimeFigure,
  type UptimeSubject,
} from './uptime.ts';

const utc = 'Etc/UTC';
const afterNovember = new Date('2025-12-05T00:00:00Z');

function subject(changes: [string, ComponentStatus][], startDate: string | null = '2025-01-01'): UptimeSubject {
  return { startDate, changes: changes.map(([at, status]) => ({ status, changedAt: new Date(at) })) };
}

function figure(exact: number | null): UptimeFigure {
  return { percent: null, exact, majorSeconds: 0, partialSeconds: 0, secondsWithData: exact === null ? 0 : 86400 };
}

describe('uptime figures by hand', () => {
  it('gives 99.98 for a 7-minute major outage in a 30-day month', () => {
    const s = subject([
      ['2025-11-10T10:00:00Z', 'major_outage'],
      ['2025-11-10T10:07:00Z', 'operational'],
    ]);
    const november = monthlyUptime(s, '2025-11', utc, afterNovember);
    assert.equal(november.percent, 99.98);
    assert.equal(november.majorSeconds, 420);
    assert.equal(november.secondsWithData, 30 * 86400);
  });

  it('gives 99.78 for 5520 s of major outage in a 30-day month (truncated, not rounded to 99.79)', () => {
    const s = subject([
      ['2025-11-10T10:00:00Z', 'major_outage'],
      ['2025-11-10T11:32:00Z', 'operational'],
    ]);
    const november = monthlyUptime(s, '2025-11', utc, afterNovember);
    assert.equal(november.majorSeconds, 5520);
    assert.equal(november.percent, 99.78);
    assert.ok((november.exact as number) > 99.787);
  });

  it('gives 98.75 for one hour of partial outage in a day', () => {
    const s = subject([
      ['2025-11-10T03:00:00Z', 'partial_outage'],
      ['2025-11-10T04:00:00Z', 'operational'],
    ]);
    const day = uptimeForRange(s, '2025-11-10', '2025-11-10', utc, afterNovember);
    assert.deepEqual(day, { percent: 98.75, exact: 98.75, majorSeconds: 0, partialSeconds: 3600, secondsWithData: 86400 });
  });

  it('does not count degraded performance or maintenance as downtime, but reports them per day', () => {
    const s = subject([
      ['2025-11-10T01:00:00Z', 'degraded_performance'],
      ['2025-11-10T03:00:00Z', 'under_maintenance'],
      ['2025-11-10T04:00:00Z', 'operational'],
    ]);
    assert.equal(uptimeForRange(s, '2025-11-10', '2025-11-10', utc, afterNovember).percent, 100);
    const [day] = dailyOutages(s, '2025-11-10', '2025-11-10', utc, afterNovember);
    assert.equal(day?.degradedSeconds, 7200);
    assert.equal(day?.maintenanceSeconds, 3600);
  });

  it('cuts days in the page time zone: a New York DST day has 23 hours and the fall-back day 25', () => {
    const s = subject([
      ['2025-03-09T12:00:00Z', 'major_outage'],
      ['2025-03-09T13:00:00Z', 'operational'],
    ]);
    const [spring] = dailyOutages(s, '2025-03-09', '2025-03-09', 'America/New_York', afterNovember);
    assert.equal(spring?.secondsWithData, 23 * 3600);
    // 100 − 100 × 3600 / 82800 = 95.652…, not the 95.83 a 24-hour day would give.
    assert.equal(uptimeForRange(s, '2025-03-09', '2025-03-09', 'America/New_York', afterNovember).percent, 95.65);
    const [autumn] = dailyOutages(s, '2025-11-02', '2025-11-02', 'America/New_York', afterNovember);
    assert.equal(autumn?.secondsWithData, 25 * 3600);
  });

  it('puts an outage on the local day it happened, not the UTC day', () => {
    // 02:30 UTC on the 11th is 23:30 on the 10th in São Paulo (UTC−3).
    const s = subject([
      ['2025-11-11T02:30:00Z', 'major_outage'],
      ['2025-11-11T03:00:00Z', 'operational'],
    ]);
    const days = dailyOutages(s, '2025-11-10', '2025-11-11', 'America/Sao_Paulo', afterNovember);
    assert.deepEqual(
      days.map((d) => [d.date, d.majorSeconds]),
      [
        ['2025-11-10', 1800],
        ['2025-11-11', 0],
      ],
    );
  });

  it('counts a mid-month start date from that day only, and earlier days are no data, never downtime', () => {
    const s = subject(
      [
        ['2025-11-03T00:00:00Z', 'major_outage'],
        ['2025-11-04T00:00:00Z', 'operational'],
        ['2025-11-20T10:00:00Z', 'major_outage'],
        ['2025-11-20T11:00:00Z', 'operational'],
      ],
      '2025-11-16',
    );
    const november = monthlyUptime(s, '2025-11', utc, afterNovember);
    assert.equal(november.secondsWithData, 15 * 86400);
    assert.equal(november.majorSeconds, 3600);
    // 100 − 100 × 3600 / (15 × 86400) = 99.722…
    assert.equal(november.percent, 99.72);
    const days = dailyOutages(s, '2025-11-01', '2025-11-30', utc, afterNovember);
    assert.equal(days.filter((d) => !d.hasData).length, 15);
    assert.equal(days.find((d) => d.date === '2025-11-03')?.majorSeconds, 0);
  });

  it('carries an outage that began before the start date into the first day with data', () => {
    const s = subject(
      [
        ['2025-11-15T12:00:00Z', 'major_outage'],
        ['2025-11-16T06:00:00Z', 'operational'],
      ],
      '2025-11-16',
    );
    const [day] = dailyOutages(s, '2025-11-16', '2025-11-16', utc, afterNovember);
    assert.equal(day?.majorSeconds, 6 * 3600);
  });

  it('starts from the local day of the first change when there is no start date', () => {
    const s = subject(
      [
        ['2025-11-11T01:00:00Z', 'operational'],
        ['2025-11-12T01:00:00Z', 'major_outage'],
        ['2025-11-12T02:00:00Z', 'operational'],
      ],
      null,
    );
    const days = dailyOutages(s, '2025-11-09', '2025-11-12', 'America/Sao_Paulo', afterNovember);
    assert.deepEqual(
      days.map((d) => [d.date, d.hasData]),
      // The first change, 01:00 UTC on the 11th, is 22:00 on the 10th in São Paulo.
      [
        ['2025-11-09', false],
        ['2025-11-10', true],
        ['2025-11-11', true],
        ['2025-11-12', true],
      ],
    );
    assert.equal(uptimeForRange(subject([], null), '2025-11-01', '2025-11-30', utc, afterNovember).percent, null);
  });

  it('counts today only up to now, and later days have no data', () => {
    const now = new Date('2025-11-20T12:00:00Z');
    const s = subject([
      ['2025-11-20T00:00:00Z', 'major_outage'],
      ['2025-11-20T01:00:00Z', 'operational'],
      ['2025-11-20T18:00:00Z', 'major_outage'],
    ]);
    const days = dailyOutages(s, '2025-11-20', '2025-11-21', utc, now);
    assert.equal(days[0]?.secondsWithData, 43200);
    assert.equal(days[0]?.majorSeconds, 3600);
    assert.equal(days[1]?.hasData, false);
    // 100 − 100 × 3600 / 43200 = 91.66…: a scheduled change after now does not count.
    assert.equal(uptimeForRange(s, '2025-11-20', '2025-11-21', utc, now).percent, 91.66);
  });

  it('truncates exactly: 99.98 stays 99.98 and 99.8776 becomes 99.87', () => {
    assert.equal(uptimeFromTotals(17.28, 0, 86400).percent, 99.98);
    assert.equal(uptimeFromTotals(0, 57.6, 86400).percent, 99.98);
    assert.equal(uptimeFromTotals(0, 0, 86400).percent, 100);
    assert.equal(uptimeFromTotals(86400, 0, 86400).percent, 0);
    assert.equal(uptimeFromTotals(0.0122 * 864, 0, 86400).percent, 99.98);
    assert.equal(uptimeFromTotals(105.7536, 0, 86400).percent, 99.87);
  });
});

describe('group uptime', () => {
  it('is the truncated mean of the children exact figures, leaving out children without data', () => {
    const group = groupUptime([figure(99.9), figure(99.8), figure(null)]);
    assert.equal(group.percent, 99.85);
    assert.equal(group.secondsWithData, 2 * 86400);
  });

  it('does not lose a hundredth to float error in the mean', () => {
    // (99.97 + 99.99) / 2 is 99.97999999999999 in floating point.
    assert.equal(groupUptime([figure(99.97), figure(99.99)]).percent, 99.98);
  });

  it('truncates rather than rounds the mean', () => {
    assert.equal(groupUptime([figure(99.9), figure(99.87)]).percent, 99.88);
    assert.equal(groupUptime([figure(99.879), figure(99.879)]).percent, 99.87);
  });

  it('has no figure when no child has data', () => {
    assert.equal(groupUptime([figure(null)]).percent, null);
    assert.equal(groupUptime([]).exact, null);
  });
});

describe('stretches without data', () => {
  it('are neither uptime nor downtime: a monitor that could not run for an hour leaves the figure alone', () => {
    const down = subject([
      ['2025-11-10T10:00:00Z', 'major_outage'],
      ['2025-11-10T11:00:00Z', 'operational'],
    ]);
    const withGap: UptimeSubject = {
      ...down,
      noData: [{ from: new Date('2025-11-10T10:00:00Z'), to: new Date('2025-11-10T11:00:00Z') }],
    };
    const [day] = dailyOutages(withGap, '2025-11-10', '2025-11-10', utc, afterNovember);
    assert.equal(day?.majorSeconds, 0, 'the hour without data is not downtime');
    assert.equal(day?.noDataSeconds, 3600);
    assert.equal(day?.secondsWithData, 23 * 3600);
    assert.equal(uptimeForRange(withGap, '2025-11-10', '2025-11-10', utc, afterNovember).percent, 100);
    assert.equal(uptimeForRange(down, '2025-11-10', '2025-11-10', utc, afterNovember).percent, 95.83);
  });

  it('make a day without any data a no-data day', () => {
    const s: UptimeSubject = {
      ...subject([]),
      noData: [{ from: new Date('2025-11-09T20:00:00Z'), to: new Date('2025-11-11T02:00:00Z') }],
    };
    const days = dailyOutages(s, '2025-11-09', '2025-11-11', utc, afterNovember);
    assert.deepEqual(
      days.map((d) => [d.hasData, d.secondsWithData, d.noDataSeconds]),
      [
        [true, 20 * 3600, 4 * 3600],
        [false, 0, 86400],
        [true, 22 * 3600, 2 * 3600],
      ],
    );
  });
});
