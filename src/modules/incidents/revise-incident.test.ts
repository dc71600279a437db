import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createComponent, findComponent } from '../components/index.ts';
import { getIncident, openIncident, reviseIncident, scheduleMaintenance } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

const refusedField = (path: string, message: RegExp) => (error: { code?: string; details?: { path?: string; message: string }[] }) =>
  error.code === 'validation_failed' && error.details?.[0]?.path === path && message.test(error.details[0].message);

describe('reviseIncident', () => {
  test('edits in place without an update when neither a status, a message nor a component change is given', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const incident = await openIncident(t.ctx, { name: 'Errors' });
    const revised = await reviseIncident(t.ctx, incident.id, { name: 'API errors', impactOverride: 'minor', componentIds: [api.id] });
    assert.equal(revised.name, 'API errors');
    assert.equal(revised.impact, 'minor');
    assert.deepEqual(revised.componentIds, [api.id]);
    assert.equal(revised.updates.length, 1);
  });

  test('a message alone posts an update at the current status; a status and components post theirs', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const incident = await openIncident(t.ctx, { name: 'Errors', status: 'identified' });
    const noted = await reviseIncident(t.ctx, incident.id, { body: 'Still on it.' });
    assert.deepEqual(noted.updates.map((u) => [u.status, u.body]).slice(0, 1), [['identified', 'Still on it.']]);
    const resolved = await reviseIncident(t.ctx, incident.id, {
      name: 'API errors',
      status: 'resolved',
      components: { [api.id]: 'operational' },
      deliverNotifications: false,
    });
    assert.equal(resolved.name, 'API errors');
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.updates[0]?.deliverNotifications, false);
    assert.equal(resolved.updates.length, 3);
  });

  test('moves a maintenance window with its name and components in one call', async () => {
    const db = await createComponent(t.ctx, { name: 'Database' });
    const maintenance = await scheduleMaintenance(t.ctx, {
      name: 'Upgrade',
      scheduledFor: new Date('2025-11-21T10:00:00Z'),
      scheduledUntil: new Date('2025-11-21T11:00:00Z'),
    });
    const moved = await reviseIncident(t.ctx, maintenance.id, {
      name: 'Database upgrade',
      componentIds: [db.id],
      scheduledFor: new Date('2025-11-22T10:00:00Z'),
      scheduledUntil: new Date('2025-11-22T12:00:00Z'),
      autoCompleted: false,
    });
    assert.equal(moved.name, 'Database upgrade');
    assert.deepEqual(moved.componentIds, [db.id]);
    assert.equal(moved.schedule?.scheduledFor.toISOString(), '2025-11-22T10:00:00.000Z');
    assert.equal(moved.schedule?.autoCompleted, false);
    assert.equal(moved.startedAt.toISOString(), '2025-11-22T10:00:00.000Z');
  });

  test('refuses a window on an incident and a window ending before it starts, naming the field, and changes nothing', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const incident = await openIncident(t.ctx, { name: 'Errors' });
    await assert.rejects(
      reviseIncident(t.ctx, incident.id, { name: 'Renamed', scheduledFor: new Date('2025-11-22T10:00:00Z') }),
      refusedField('scheduledFor', /only a scheduled maintenance has a window/),
    );
    const maintenance = await scheduleMaintenance(t.ctx, {
      name: 'Upgrade',
      scheduledFor: new Date('2025-11-21T10:00:00Z'),
      scheduledUntil: new Date('2025-11-21T11:00:00Z'),
    });
    await assert.rejects(
      reviseIncident(t.ctx, maintenance.id, { name: 'Backwards', scheduledFor: new Date('2025-11-21T12:00:00Z') }),
      refusedField('scheduledUntil', /must end after it starts/),
    );
    // A failure after the edits rolls them back too.
    await assert.rejects(
      reviseIncident(t.ctx, incident.id, { name: 'Renamed', components: { [api.id]: 'major_outage', aaaaaaaaaaaa: 'major_outage' } }),
      { code: 'component_not_found' },
    );
    assert.equal((await getIncident(t.ctx, incident.id)).name, 'Errors');
    assert.equal((await getIncident(t.ctx, maintenance.id)).name, 'Upgrade');
    assert.equal((await findComponent(t.ctx.db, api.id))?.status, 'operational');
    await assert.rejects(reviseIncident(t.ctx, 'aaaaaaaaaaaa', { name: 'Nobody' }), { code: 'incident_not_found' });
  });
});
