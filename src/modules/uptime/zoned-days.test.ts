import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../shared/errors.ts';
import { dayGrid, dayStart, localDate, monthDays } from './zoned-days.ts';

const hours = (ms: number) => ms / 3_600_000;

describe('zoned days', () => {
  it('starts a day at the first instant after a skipped midnight (São Paulo, 4 Nov 2018)', () => {
    assert.equal(new Date(dayStart('2018-11-04', 'America/Sao_Paulo')).toISOString(), '2018-11-04T03:00:00.000Z');
    const { bounds } = dayGrid('2018-11-04', '2018-11-04', 'America/Sao_Paulo');
    assert.equal(hours((bounds[1] as number) - (bounds[0] as number)), 23);
  });

  it('starts a day at the first of two midnights (Havana, 2 Nov 2025), making it 25 hours long', () => {
    assert.equal(new Date(dayStart('2025-11-02', 'America/Havana')).toISOString(), '2025-11-02T04:00:00.000Z');
    const { bounds } = dayGrid('2025-11-01', '2025-11-02', 'America/Havana');
    assert.deepEqual(
      [hours((bounds[1] as number) - (bounds[0] as number)), hours((bounds[2] as number) - (bounds[1] as number))],
      [24, 25],
    );
  });

  it('gives the local date of an instant', () => {
    assert.equal(localDate(Date.parse('2025-11-11T02:30:00Z'), 'America/Sao_Paulo'), '2025-11-10');
    assert.equal(localDate(Date.parse('2025-11-10T19:00:00Z'), 'Asia/Kolkata'), '2025-11-11');
  });

  it('knows the length of months, leap Februaries included', () => {
    assert.deepEqual(monthDays('2024-02'), { from: '2024-02-01', to: '2024-02-29' });
    assert.deepEqual(monthDays('2025-11'), { from: '2025-11-01', to: '2025-11-30' });
  });

  it('rejects impossible dates and unknown time zones with validation_failed', () => {
    const invalid = (error: unknown) => error instanceof AppError && error.code === 'validation_failed';
    assert.throws(() => dayStart('2025-02-30', 'Etc/UTC'), invalid);
    assert.throws(() => monthDays('2025-13'), invalid);
    assert.throws(() => dayStart('2025-11-20', 'Mars/Olympus_Mons'), invalid);
    assert.throws(() => localDate(0, 'Mars/Olympus_Mons'), invalid);
  });
});
