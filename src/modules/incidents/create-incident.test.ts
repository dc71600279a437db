import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listJobs } from '../../jobs/index.ts';
import { createComponent, findComponent } from '../components/index.ts';
import { createIncident, queryIncidents } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

const refusedField = (path: string) => (error: { code?: string; details?: { path?: string }[] }) =>
  error.code === 'validation_failed' && error.details?.[0]?.path === path;

describe('createIncident', () => {
  test('without a start or a maintenance status it opens a realtime incident', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const incident = await createIncident(t.ctx, {
      name: 'Errors',
      status: 'identified',
      components: { [api.id]: 'major_outage' },
      // Automation settings alone do not make a maintenance.
      autoCompleted: false,
    });
    assert.equal(incident.kind, 'incident');
    assert.equal(incident.status, 'identified');
    assert.equal((await findComponent(t.ctx.db, api.id))?.status, 'major_outage');
  });

  test('with a start it schedules a maintenance, attaching the components given either way', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const db = await createComponent(t.ctx, { name: 'Database' });
    const maintenance = await createIncident(t.ctx, {
      name: 'Upgrade',
      scheduledFor: new Date('2025-11-21T10:00:00Z'),
      scheduledUntil: new Date('2025-11-21T11:00:00Z'),
      componentIds: [api.id],
      components: { [db.id]: 'operational' },
      remindPrior: 0,
    });
    assert.equal(maintenance.kind, 'maintenance');
    assert.equal(maintenance.status, 'scheduled');
    assert.deepEqual(maintenance.componentIds.toSorted(), [api.id, db.id].toSorted());
    assert.equal(maintenance.schedule?.remindPrior, 0);
  });

  test('a maintenance created in progress posts that update in the same transaction', async () => {
    const db = await createComponent(t.ctx, { name: 'Database' });
    const maintenance = await createIncident(t.ctx, {
      name: 'Emergency patch',
      status: 'in_progress',
      scheduledFor: new Date('2025-11-20T11:55:00Z'),
      scheduledUntil: new Date('2025-11-20T13:00:00Z'),
      components: { [db.id]: 'under_maintenance' },
    });
    assert.deepEqual(
      maintenance.updates.map((u) => u.status),
      ['in_progress', 'scheduled'],
    );
    assert.equal((await findComponent(t.ctx.db, db.id))?.status, 'under_maintenance');
  });

  test('a maintenance status without a window names the missing field, and nothing is written', async () => {
    await assert.rejects(createIncident(t.ctx, { name: 'Window?', status: 'scheduled' }), refusedField('scheduledFor'));
    await assert.rejects(
      createIncident(t.ctx, { name: 'Window?', scheduledFor: new Date('2025-11-21T10:00:00Z') }),
      refusedField('scheduledUntil'),
    );
    const db = await createComponent(t.ctx, { name: 'Database' });
    await assert.rejects(
      createIncident(t.ctx, {
        name: 'Bad update',
        status: 'in_progress',
        scheduledFor: new Date('2025-11-21T10:00:00Z'),
        scheduledUntil: new Date('2025-11-21T11:00:00Z'),
        components: { [db.id]: 'under_maintenance', aaaaaaaaaaaa: 'under_maintenance' },
      }),
      { code: 'component_not_found' },
    );
    assert.deepEqual(await queryIncidents(t.ctx), [], 'the maintenance of the failed call was rolled back');
    assert.deepEqual(await listJobs(t.ctx.db), []);
  });

  test('backfilled, it records a resolved past incident from its start and refuses component changes', async () => {
    const past = await createIncident(t.ctx, { name: 'Last week', backfilled: true, startedAt: new Date('2025-11-13T08:00:00Z') });
    assert.equal(past.status, 'resolved');
    assert.equal(past.startedAt.toISOString(), '2025-11-13T08:00:00.000Z');
    const api = await createComponent(t.ctx, { name: 'API' });
    await assert.rejects(
      createIncident(t.ctx, { name: 'Rewrite', backfilled: true, components: { [api.id]: 'major_outage' } }),
      refusedField('components'),
    );
  });
});
