import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPublicApp } from '../test/support/public-scenario.ts';
import { createComponent } from './modules/components/index.ts';
import { updatePageSettings } from './modules/page/index.ts';
import { PageDay } from './page-day.ts';
import { FixedClock } from './shared/clock.ts';

describe('the page day', () => {
  test('turns at the midnight of the page’s time zone, not UTC’s', () => {
    const clock = new FixedClock('2025-11-20T02:59:59.999Z');
    const day = new PageDay(clock);
    assert.equal(day.today(), '2025-11-20');
    day.setTimeZone('America/Sao_Paulo');
    assert.equal(day.today(), '2025-11-19');
    clock.set('2025-11-20T03:00:00.000Z');
    assert.equal(day.today(), '2025-11-20');
  });

  test('counts a 25-hour day as one day (Havana repeats midnight on 2 November 2025)', () => {
    const clock = new FixedClock('2025-11-02T04:30:00.000Z');
    const day = new PageDay(clock);
    day.setTimeZone('America/Havana');
    assert.equal(day.today(), '2025-11-02');
    clock.set('2025-11-03T04:59:59.000Z');
    assert.equal(day.today(), '2025-11-02');
    clock.set('2025-11-03T05:00:00.000Z');
    assert.equal(day.today(), '2025-11-03');
  });
});

/** The date of the last day bar on the home page, as its tooltip names it. */
async function lastBarDay(app: Awaited<ReturnType<typeof createPublicApp>>): Promise<string> {
  const response = await app.aviso.app.inject('/?locale=en');
  assert.equal(response.statusCode, 200);
  const titles = [...response.body.matchAll(/<rect[^>]*><title>([A-Z][a-z]{2} \d{1,2}, \d{4})/g)].map((m) => m[1]);
  assert.equal(titles.length, 90, 'one bar per day');
  return titles.at(-1)!;
}

describe('cached renderings and the page day', () => {
  test('every rendering expires at the page’s midnight with no write, and follows a new time zone', async (t) => {
    const app = await createPublicApp({ timeZone: 'America/Sao_Paulo', now: '2025-11-20T02:59:00.000Z' });
    t.after(() => app.close());
    await createComponent(app.appCtx, { name: 'API', startDate: '2025-11-01' });
    assert.equal(await lastBarDay(app), 'Nov 19, 2025');
    app.clock.set('2025-11-20T03:01:00.000Z');
    assert.equal(await lastBarDay(app), 'Nov 20, 2025');

    // Moved to Tokyo at 23:30 there: its 21 November begins at 15:00 UTC, and the renderings expire then.
    app.clock.set('2025-11-20T14:30:00.000Z');
    await updatePageSettings(app.appCtx, { timeZone: 'Asia/Tokyo' });
    assert.equal(await lastBarDay(app), 'Nov 20, 2025');
    app.clock.set('2025-11-20T15:00:30.000Z');
    assert.equal(await lastBarDay(app), 'Nov 21, 2025');
  });
});
