import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createComponent, type Component } from '../modules/components/index.ts';
import { createMonitor, insertResult, updateMonitor, type CheckOutcome } from '../modules/monitors/index.ts';
import { createPublicApp, type PublicApp } from '../../test/support/public-scenario.ts';

describe('a response-time chart on the public page', () => {
  let app: PublicApp;
  let api: Component;
  let monitorId: string;
  const result = (id: string, at: string, outcome: CheckOutcome, durationMs: number | null) =>
    insertResult(app.appCtx.db, { monitorId: id, checkedAt: new Date(at), outcome, durationMs, reason: null });
  const home = async (query = '') => (await app.aviso.app.inject({ method: 'GET', url: `/${query}` })).body;

  before(async () => {
    app = await createPublicApp({ now: '2025-11-20T12:10:00.000Z' });
    api = await createComponent(app.appCtx, { name: 'API' });
    const web = await createComponent(app.appCtx, { name: 'Web' });
    const monitor = (name: string, componentId: string, publicChart: boolean) =>
      createMonitor(
        app.appCtx,
        { name, kind: 'http', settings: { url: 'https://example.com/' }, componentId: componentId as never, publicChart, paused: true },
        { mayAllowPrivate: false },
      );
    monitorId = (await monitor('API check', api.id, true)).monitor.id;
    const webMonitor = (await monitor('Web check', web.id, false)).monitor.id;
    await result(monitorId, '2025-11-20T09:30:00.000Z', 'down', 10_000);
    await result(monitorId, '2025-11-20T11:05:00.000Z', 'up', 200);
    await result(monitorId, '2025-11-20T11:50:00.000Z', 'up', 400);
    await result(webMonitor, '2025-11-20T11:05:00.000Z', 'up', 200);
  });
  after(() => app.close());

  test('only the component whose monitor is switched on shows it, named and described in words, with gaps where nothing answered', async () => {
    const body = await home();
    assert.equal(body.match(/class="rt-chart"/g)?.length, 2, 'the last 24 hours and the last 90 days, for API only');
    assert.match(body, new RegExp(`<span id="rt-hours-${api.id}">Average 300 ms, slowest 400 ms. No data for 23 hours.</span>`));
    assert.match(
      body,
      new RegExp(`role="img" aria-label="Response time of API, Last 24 hours" aria-describedby="rt-hours-${api.id}"`),
      'the drawing is tied to its summary',
    );
    assert.match(body, new RegExp(`<span id="rt-days-${api.id}">Average 300 ms, slowest 400 ms. No data on 89 days.</span>`));
    const hoursLine = /<path class="rt-line" d="([^"]*)"/.exec(body)?.[1] ?? '';
    assert.equal(hoursLine.match(/M/g)?.length, 1, 'one stretch with answers: the failed hour and the empty ones are not drawn as zero');
    assert.ok((body.match(/class="rt-gap"/g)?.length ?? 0) >= 2, 'empty stretches are shaded');
    assert.match(body, /<title>11:00\sAM\s–\s12:00\sPM: average 300 ms, slowest 400 ms<\/title>/);
  });

  test('in Arabic the words are the reader’s and the page runs right to left', async () => {
    const body = await home('?locale=ar');
    assert.match(body, /dir="rtl"/);
    assert.match(body, /زمن الاستجابة/);
    assert.match(body, /آخر 24 ساعة/);
    assert.doesNotMatch(body, /Response time|No data for/);
  });

  test('new results reach the page once the chart window passes, without a new revision', async () => {
    const revision = app.appCtx.revisions.current;
    const first = await home();
    await result(monitorId, '2025-11-20T12:12:00.000Z', 'up', 1200);
    assert.equal(await home(), first, 'within the window the copy stands');
    app.clock.set('2025-11-20T12:15:00.000Z');
    assert.match(await home(), new RegExp(`<span id="rt-hours-${api.id}">Average 600 ms, slowest 1,200 ms. No data for 22 hours.</span>`));
    assert.equal(app.appCtx.revisions.current, revision, 'results are private writes');
  });

  test('switched off, the chart goes', async () => {
    await updateMonitor(app.appCtx, monitorId, { publicChart: false }, { mayAllowPrivate: false });
    assert.doesNotMatch(await home(), /rt-chart|Response time/);
  });
});
