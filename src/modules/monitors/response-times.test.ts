import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createComponent } from '../components/index.ts';
import type { AppError } from '../../shared/errors.ts';
import {
  createMonitor,
  emptySparkline,
  listPublicCharts,
  listSparklines,
  showsPublicCharts,
  updateMonitor,
  type CheckOutcome,
} from './index.ts';
import { addToRollup, insertResult, type Rollup } from './monitor-store.ts';

const now = '2025-11-20T12:10:00.000Z';

describe('response times', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext({ now });
  });
  afterEach(() => t.close());

  const monitor = async (name: string, options: { componentId?: string | null; publicChart?: boolean } = {}) =>
    (
      await createMonitor(
        t.ctx,
        {
          name,
          kind: 'http',
          settings: { url: 'https://example.com/' },
          componentId: (options.componentId ?? null) as never,
          publicChart: options.publicChart ?? false,
          paused: true,
        },
        { mayAllowPrivate: false },
      )
    ).monitor;
  const result = (monitorId: string, at: string, outcome: CheckOutcome, durationMs: number | null) =>
    insertResult(t.ctx.db, { monitorId, checkedAt: new Date(at), outcome, durationMs, reason: null });
  const rollup = (monitorId: string, period: 'hour' | 'day', at: string, count: number, sum: number, max: number): Promise<void> => {
    const row: Rollup = {
      monitorId,
      period,
      periodStart: new Date(at),
      upCount: count,
      degradedCount: 0,
      downCount: 0,
      noDataCount: 0,
      durationSumMs: sum,
      durationCount: count,
      durationMaxMs: max,
    };
    return addToRollup(t.ctx.db, row);
  };

  test('the admin sparkline: every monitor in one query, half hours, failed and missing checks apart from slow ones', async () => {
    const a = await monitor('A');
    const b = await monitor('B');
    const quiet = await monitor('Quiet');
    await result(a.id, '2025-11-19T10:00:00.000Z', 'up', 50); // older than 24 hours
    await result(a.id, '2025-11-20T11:05:00.000Z', 'up', 100);
    await result(a.id, '2025-11-20T11:10:00.000Z', 'up', 300);
    await result(a.id, '2025-11-20T11:20:00.000Z', 'degraded', 900);
    await result(a.id, '2025-11-20T11:40:00.000Z', 'down', 10_000); // a timeout is not a response time
    await result(a.id, '2025-11-20T12:05:00.000Z', 'no_data', null);
    await result(b.id, '2025-11-20T09:00:00.000Z', 'up', 100);
    await result(b.id, '2025-11-20T09:01:00.000Z', 'up', 200);

    const sparklines = await listSparklines(t.ctx);
    const s = sparklines.get(a.id)!;
    assert.equal(s.points.length, 48);
    assert.equal(s.points[47]!.start.toISOString(), '2025-11-20T12:00:00.000Z');
    assert.deepEqual(
      s.points.slice(45).map((p) => [p.averageMs, p.maxMs, p.failed, p.noData]),
      [
        [433, 900, 0, 0],
        [null, null, 1, 0],
        [null, null, 0, 1],
      ],
    );
    assert.deepEqual([s.medianMs, s.maxMs, s.failed, s.gaps], [300, 900, 1, 47]);
    assert.equal(sparklines.get(b.id)!.medianMs, 150, 'an even count: the two middle times averaged');
    assert.equal(sparklines.has(quiet.id), false);
    assert.ok(emptySparkline(t.clock.now()).points.every((p) => p.averageMs === null));
  });

  test('the public chart: the first monitor switched on per component, by the page’s hours and days, gaps where nothing answered', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const web = await createComponent(t.ctx, { name: 'Web' });
    assert.equal(await showsPublicCharts(t.ctx), false);
    const second = await monitor('b second', { componentId: api.id, publicChart: true });
    const first = await monitor('a first', { componentId: api.id, publicChart: true });
    const hidden = await monitor('web check', { componentId: web.id });
    assert.equal(await showsPublicCharts(t.ctx), true);
    await result(first.id, '2025-11-20T11:05:00.000Z', 'up', 200);
    await result(first.id, '2025-11-20T11:50:00.000Z', 'up', 400);
    // 13:00 and 01:00 in Moscow: both on the page's 18 November, though the second is 17 November in UTC.
    await rollup(first.id, 'hour', '2025-11-18T10:00:00.000Z', 10, 1000, 150);
    await rollup(first.id, 'hour', '2025-11-17T22:00:00.000Z', 10, 3000, 500);
    await rollup(first.id, 'day', '2025-10-01T00:00:00.000Z', 5, 500, 120);
    await rollup(first.id, 'day', '2025-08-01T00:00:00.000Z', 5, 99_000, 99_000); // before the 90 days
    await rollup(second.id, 'hour', '2025-11-18T10:00:00.000Z', 1, 7777, 7777);
    await result(hidden.id, '2025-11-20T11:05:00.000Z', 'up', 200);

    const charts = await listPublicCharts(t.ctx, { today: '2025-11-20', timeZone: 'Europe/Moscow', now: t.clock.now() });
    assert.deepEqual([...charts.keys()], [api.id]);
    const chart = charts.get(api.id)!;
    assert.equal(chart.hours.points.length, 24);
    assert.deepEqual(
      chart.hours.points.slice(22).map((p) => [p.start.toISOString(), p.averageMs, p.maxMs]),
      [
        ['2025-11-20T11:00:00.000Z', 300, 400],
        ['2025-11-20T12:00:00.000Z', null, null],
      ],
    );
    assert.equal(chart.days.points.length, 90);
    const day = (i: number) => [chart.days.points[i]!.averageMs, chart.days.points[i]!.maxMs];
    assert.deepEqual(day(89), [300, 400], 'today, from the raw results');
    assert.deepEqual(day(88), [null, null], 'a day without data is a gap, not zero');
    assert.deepEqual(day(87), [200, 500], 'both hours of the page’s 18 November');
    assert.deepEqual(day(39), [100, 120], 'a daily sum, on the page’s 1 October');
    assert.deepEqual([chart.days.averageMs, chart.days.maxMs, chart.days.gaps], [189, 500, 87]);
  });

  test('a heartbeat has no response time to show; showing a chart is a change visitors see', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    await assert.rejects(
      createMonitor(t.ctx, { name: 'Backup', kind: 'heartbeat', componentId: api.id, publicChart: true }, { mayAllowPrivate: false }),
      (error: AppError) => error.code === 'validation_failed' && error.details?.[0]?.path === 'publicChart',
    );
    const before = t.ctx.revisions.current;
    const quiet = await monitor('quiet', { componentId: api.id });
    assert.equal(t.ctx.revisions.current, before, 'a monitor without a chart is not on the page');
    await monitor('shown', { componentId: api.id, publicChart: true });
    assert.equal(t.ctx.revisions.current, before + 1);
    await updateMonitor(t.ctx, quiet.id, { publicChart: true }, { mayAllowPrivate: false });
    assert.equal(t.ctx.revisions.current, before + 2);
  });
});
