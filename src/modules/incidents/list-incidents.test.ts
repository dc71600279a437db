import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { getIncident, openIncident, queryIncidents, scheduleMaintenance } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

describe('queryIncidents and getIncident', () => {
  test('lists the most recently started first, filtered by kind, status and name, a page at a time', async () => {
    const older = await openIncident(t.ctx, { name: 'Login errors', backfilled: true, startedAt: new Date('2025-11-10T00:00:00Z') });
    const newer = await openIncident(t.ctx, { name: 'Slow search' });
    const maintenance = await scheduleMaintenance(t.ctx, {
      name: 'Upgrade',
      scheduledFor: new Date('2025-11-25T10:00:00Z'),
      scheduledUntil: new Date('2025-11-25T11:00:00Z'),
    });
    const ids = async (filter: Parameters<typeof queryIncidents>[1]) => (await queryIncidents(t.ctx, filter)).map((i) => i.id);
    assert.deepEqual(await ids({}), [maintenance.id, newer.id, older.id]);
    assert.deepEqual(await ids({ kind: 'incident' }), [newer.id, older.id]);
    assert.deepEqual(await ids({ kind: 'incident', statuses: ['resolved'] }), [older.id]);
    assert.deepEqual(await ids({ query: 'LOGIN' }), [older.id]);
    assert.deepEqual(await ids({ limit: 1, offset: 1 }), [newer.id]);
    assert.equal((await getIncident(t.ctx, newer.id)).name, 'Slow search');
    await assert.rejects(getIncident(t.ctx, 'aaaaaaaaaaaa'), { code: 'incident_not_found' });
  });
});
