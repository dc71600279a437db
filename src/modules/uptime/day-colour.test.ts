import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dayColour, dayFill, defaultUptimePalette } from './day-colour.ts';
import type { DayOutage } from './uptime.ts';

function day(majorSeconds: number, partialSeconds = 0, hasData = true): DayOutage {
  return {
    date: '2025-11-20',
    hasData,
    majorSeconds,
    partialSeconds,
    degradedSeconds: 0,
    maintenanceSeconds: 0,
    secondsWithData: hasData ? 86400 : 0,
    noDataSeconds: 0,
  };
}

describe('day colour levels', () => {
  it('follows weighted downtime: none, up to 20 min, up to 33 min, beyond', () => {
    assert.equal(dayColour(day(0)), 'operational');
    assert.equal(dayColour(day(1)), 'minor');
    assert.equal(dayColour(day(1200)), 'minor');
    assert.equal(dayColour(day(1201)), 'partial');
    assert.equal(dayColour(day(1980)), 'partial');
    assert.equal(dayColour(day(1981)), 'major');
    assert.equal(dayColour(day(0, 3600, false)), 'no-data');
  });

  it('weighs partial outage at 0.3: 4000 s partial is 1200 s of downtime, still minor', () => {
    assert.equal(dayColour(day(0, 4000)), 'minor');
    assert.equal(dayColour(day(0, 4001)), 'partial');
    assert.equal(dayColour(day(600, 2000)), 'minor');
  });

  it('ignores degraded performance and maintenance', () => {
    assert.equal(dayColour({ ...day(0), degradedSeconds: 86400, maintenanceSeconds: 3600 }), 'operational');
  });
});

describe('day bar fill', () => {
  it('is the palette colour at the ends and half-way to yellow at the first second of downtime', () => {
    assert.equal(dayFill(day(0)), defaultUptimePalette.operational);
    assert.equal(dayFill(day(3600)), defaultUptimePalette.major);
    assert.equal(dayFill(day(86400)), defaultUptimePalette.major);
    assert.equal(dayFill(day(0, 0, false)), defaultUptimePalette.noData);
    assert.equal(dayFill(day(1200)), defaultUptimePalette.minor);
    assert.equal(dayFill(day(1980)), defaultUptimePalette.partial);
    // Half-way from #2fcc66 to #f1c40f, rounded per channel.
    assert.equal(dayFill(day(0.001)), '#90c83a');
  });

  it('grows redder as downtime grows', () => {
    const red = (seconds: number) =>
      parseInt(
        dayFill(day(seconds), {
          ...defaultUptimePalette,
          major: '#ff0000',
          partial: '#800000',
          minor: '#400000',
          operational: '#000000',
        }).slice(1, 3),
        16,
      );
    const reds = [1, 600, 1200, 1500, 1980, 2500, 3000, 3599, 3600].map(red);
    assert.deepEqual(
      [...reds].sort((a, b) => a - b),
      reds,
    );
  });
});
