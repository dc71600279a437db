import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dayColour, dayFill, dayRgb, type UptimePalette } from './day-colour.ts';
import { uptimeFromDays, type DayOutage } from './uptime.ts';
import { statuspageFixture } from '../../../test/support/fixtures.ts';

// CircleCI's public status page as Statuspage rendered it on 22 Jan 2021: its per-day outages,
// the uptime figures it displayed, and the colour it gave every day bar.
const read = statuspageFixture;

interface FixtureComponent {
  component: { code: string; name: string; startDate?: string };
  days: { date: string; outages: { m?: number; p?: number } }[];
}
const uptimeData = JSON.parse(read('circleci_uptimeData_2021-01-22.json')) as Record<string, FixtureComponent>;
const uptimeValues = JSON.parse(read('circleci_uptimeValues_2021-01-22.json')) as {
  component: string;
  ninety: number;
  sixty: number;
  thirty: number;
}[];
const html = read('circleci_status-page_index_2021-01-22.html');

// CircleCI's page colours, as its bars show them.
const circleciPalette: UptimePalette = {
  operational: '#229922',
  minor: '#ffc40d',
  partial: '#e95900',
  major: '#c13737',
  noData: '#b3bac5',
};

function toDayOutages(fixture: FixtureComponent): DayOutage[] {
  const startDate = fixture.component.startDate ?? null;
  return fixture.days.map(({ date, outages }) => {
    const hasData = startDate === null || date >= startDate;
    return {
      date,
      hasData,
      majorSeconds: hasData ? (outages.m ?? 0) : 0,
      partialSeconds: hasData ? (outages.p ?? 0) : 0,
      degradedSeconds: 0,
      maintenanceSeconds: 0,
      secondsWithData: hasData ? 86400 : 0,
      noDataSeconds: 0,
    };
  });
}

describe('Statuspage fixture: CircleCI, 22 Jan 2021', () => {
  it('reproduces every displayed 90-, 60- and 30-day figure from the day outages', () => {
    assert.equal(uptimeValues.length, 8);
    for (const shown of uptimeValues) {
      const days = toDayOutages(uptimeData[shown.component] as FixtureComponent);
      assert.equal(days.length, 90);
      const computed = {
        ninety: uptimeFromDays(days).percent,
        sixty: uptimeFromDays(days.slice(-60)).percent,
        thirty: uptimeFromDays(days.slice(-30)).percent,
      };
      assert.deepEqual({ component: shown.component, ...computed }, shown);
    }
  });

  it('colours every day bar as the page did, within rounding', () => {
    const bars = [...html.matchAll(/fill="(#[0-9a-f]{6})" class="uptime-day component-(\w+) day-(\d+)"/g)];
    assert.equal(bars.length, 8 * 90);
    for (const [, fill, code, index] of bars) {
      const day = toDayOutages(uptimeData[code as string] as FixtureComponent)[Number(index)] as DayOutage;
      const expected = [1, 3, 5].map((i) => parseInt((fill as string).slice(i, i + 2), 16));
      const actual = dayRgb(day, circleciPalette);
      for (let c = 0; c < 3; c++) {
        assert.ok(
          Math.abs((actual[c] as number) - (expected[c] as number)) <= 2,
          `${code} day ${index}: ${dayFill(day, circleciPalette)} vs ${fill}`,
        );
      }
    }
  });

  it('gives the no-data level exactly to the days before a start date', () => {
    const runner = toDayOutages(uptimeData['g157tj6jrzwy'] as FixtureComponent);
    const noData = runner.filter((d) => dayColour(d) === 'no-data').map((d) => d.date);
    assert.equal(noData.length, 23);
    assert.equal(noData.at(-1), '2020-11-16');
  });
});
