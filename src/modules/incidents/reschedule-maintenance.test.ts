import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listJobs } from '../../jobs/index.ts';
import { getIncident, openIncident, rescheduleMaintenance, scheduleMaintenance } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

const window = { scheduledFor: new Date('2025-11-21T10:00:00Z'), scheduledUntil: new Date('2025-11-21T11:00:00Z') };

describe('rescheduleMaintenance', () => {
  test('moves the window and plans the jobs of the new one', async () => {
    const maintenance = await scheduleMaintenance(t.ctx, { name: 'Upgrade', ...window, remindPrior: 0 });
    const moved = await rescheduleMaintenance(t.ctx, maintenance.id, {
      scheduledFor: new Date('2025-11-22T10:00:00Z'),
      scheduledUntil: new Date('2025-11-22T11:30:00Z'),
    });
    assert.equal(moved.startedAt.toISOString(), '2025-11-22T10:00:00.000Z');
    const starts = (await listJobs(t.ctx.db)).filter((j) => j.name === 'maintenance.start').map((j) => j.runAt.toISOString());
    assert.deepEqual(starts, ['2025-11-21T10:00:00.000Z', '2025-11-22T10:00:00.000Z'], 'the old job stays, and will find itself stale');
  });

  test('refuses a window that ends before it starts, an incident and an unknown id', async () => {
    const maintenance = await scheduleMaintenance(t.ctx, { name: 'Upgrade', ...window });
    await assert.rejects(rescheduleMaintenance(t.ctx, maintenance.id, { scheduledUntil: new Date('2025-11-21T09:00:00Z') }), {
      code: 'validation_failed',
    });
    assert.equal((await getIncident(t.ctx, maintenance.id)).schedule?.scheduledUntil.toISOString(), '2025-11-21T11:00:00.000Z');
    const incident = await openIncident(t.ctx, { name: 'Errors' });
    await assert.rejects(rescheduleMaintenance(t.ctx, incident.id, window), { code: 'maintenance_not_found' });
    await assert.rejects(rescheduleMaintenance(t.ctx, 'aaaaaaaaaaaa', window), { code: 'maintenance_not_found' });
  });
});
