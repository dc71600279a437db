import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../test/support/test-context.ts';
import { listJobs } from '../jobs/index.ts';
import { notifyComponentChange, notifyIncidentUpdate, noticeToSubscriber } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

const now = new Date('2025-11-20T12:00:00.000Z');

describe('the outbox', () => {
  test('an update is recorded once as a fan-out job, however often it is recorded', async () => {
    await notifyIncidentUpdate(t.ctx.db, { incidentId: 'i1', id: 'u1' }, now);
    await notifyIncidentUpdate(t.ctx.db, { incidentId: 'i1', id: 'u1' }, now);
    const jobs = await listJobs(t.ctx.db);
    assert.equal(jobs.length, 1);
    assert.equal(jobs[0]?.name, 'notifications.fan-out');
    assert.deepEqual(jobs[0]?.payload, {
      event: { id: 'u1', at: now.toISOString(), kind: 'incident.updated', incidentId: 'i1', incidentUpdateId: 'u1' },
    });
  });

  test('component changes are announced unless nothing changed, or they were imported', async () => {
    const change = { componentId: 'c1', oldStatus: 'operational', newStatus: 'major_outage' };
    await notifyComponentChange(t.ctx.db, { ...change, cause: 'import' }, now);
    await notifyComponentChange(t.ctx.db, { ...change, newStatus: 'operational', cause: 'manual' }, now);
    assert.deepEqual(await listJobs(t.ctx.db), []);
    await notifyComponentChange(t.ctx.db, { ...change, cause: 'manual' }, now);
    await notifyComponentChange(t.ctx.db, { ...change, newStatus: 'partial_outage', cause: 'third_party' }, now);
    const jobs = await listJobs(t.ctx.db);
    assert.deepEqual(
      jobs.map((job) => (job.payload as { event: { newStatus: string } }).event.newStatus),
      ['major_outage', 'partial_outage'],
    );
  });

  test('a notice to one subscriber skips the fan-out', async () => {
    await noticeToSubscriber(t.ctx.db, 's1', 'subscriber.confirmation', now);
    const [job] = await listJobs(t.ctx.db);
    assert.equal(job?.name, 'notifications.deliver');
    assert.deepEqual((job?.payload as { subscriberIds: string[] }).subscriberIds, ['s1']);
  });

  test('nothing is recorded when the change rolls back', async () => {
    await assert.rejects(
      t.ctx.db.transaction().execute(async (tx) => {
        await notifyIncidentUpdate(tx, { incidentId: 'i1', id: 'u2' }, now);
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.deepEqual(await listJobs(t.ctx.db), []);
  });
});
