import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { createComponent } from '../../modules/components/index.ts';
import { getIncident } from '../../modules/incidents/index.ts';

test('maintenance is scheduled in the page time zone with its components and automation', async (t) => {
  const app = await createAdminTestApp({ timeZone: 'America/Sao_Paulo' });
  t.after(() => app.close());
  const db = await createComponent(app.ctx, { name: 'Database' });
  const editor = await app.signIn('editor');
  const form = await editor.get('/admin/maintenances/new');
  assert.match(form.body, /In the page(&#39;|'|’)s time zone, Brasilia Standard Time \(GMT-3\)/);

  const backwards = await editor.post('/admin/maintenances', {
    name: 'Upgrade',
    scheduledFor: '2025-11-22T02:00',
    scheduledUntil: '2025-11-22T01:00',
  });
  assert.equal(backwards.statusCode, 400);
  assert.match(backwards.body, /id="f-scheduledUntil-error"[^>]*>Must end after it starts/);

  const scheduled = await editor.post('/admin/maintenances', {
    name: 'Database upgrade',
    scheduledFor: '2025-11-22T02:00',
    scheduledUntil: '2025-11-22T04:00',
    componentIds: db.id,
    autoInProgress: 'on',
    autoCompleted: 'on',
    autoTransitionToMaintenanceState: 'on',
    remindPrior: '30',
  });
  assert.equal(scheduled.statusCode, 303);
  const id = /\/admin\/maintenances\/([0-9a-z]{12})/.exec(String(scheduled.headers.location))?.[1] ?? '';
  const maintenance = await getIncident(app.ctx, id);
  assert.equal(maintenance.schedule?.scheduledFor.toISOString(), '2025-11-22T05:00:00.000Z');
  assert.equal(maintenance.schedule?.scheduledUntil.toISOString(), '2025-11-22T07:00:00.000Z');
  assert.equal(maintenance.schedule?.remindPrior, 30);
  assert.equal(maintenance.schedule?.autoInProgress, true);
  assert.equal(maintenance.schedule?.autoTransitionToOperationalState, false);
  assert.deepEqual(maintenance.componentIds, [db.id]);

  const dashboard = await editor.get('/admin');
  assert.match(dashboard.body, /Database upgrade/);

  await editor.get(`/admin/maintenances/${id}`);
  app.clock.advance(60_000);
  await editor.post(`/admin/maintenances/${id}/updates`, { status: 'in_progress', [`component-${db.id}`]: 'under_maintenance' });
  app.clock.advance(60_000);
  await editor.post(`/admin/maintenances/${id}/updates`, { status: 'completed', restore: 'on' });
  const done = await getIncident(app.ctx, id);
  assert.equal(done.status, 'completed');
  assert.deepEqual(
    done.updates[0]?.affectedComponents.map((a) => [a.oldStatus, a.newStatus]),
    [['under_maintenance', 'operational']],
  );
});

test('a scheduled maintenance is moved to a new window with its automation changed', async (t) => {
  const app = await createAdminTestApp({ timeZone: 'Europe/Berlin' });
  t.after(() => app.close());
  const db = await createComponent(app.ctx, { name: 'Database' });
  const editor = await app.signIn('editor');
  await editor.get('/admin/maintenances/new');
  const scheduled = await editor.post('/admin/maintenances', {
    name: 'Upgrade',
    scheduledFor: '2025-11-22T02:00',
    scheduledUntil: '2025-11-22T04:00',
    autoInProgress: 'on',
    autoCompleted: 'on',
  });
  const id = /\/admin\/maintenances\/([0-9a-z]{12})/.exec(String(scheduled.headers.location))?.[1] ?? '';
  const form = await editor.get(`/admin/maintenances/${id}/edit`);
  assert.match(form.body, /value="2025-11-22T02:00"/);

  const moved = await editor.post(`/admin/maintenances/${id}/edit`, {
    name: 'Database upgrade',
    scheduledFor: '2025-11-23T01:00',
    scheduledUntil: '2025-11-23T03:30',
    componentIds: db.id,
    autoInProgress: 'on',
    remindPrior: '0',
  });
  assert.equal(moved.statusCode, 303);
  const maintenance = await getIncident(app.ctx, id);
  assert.equal(maintenance.name, 'Database upgrade');
  assert.equal(maintenance.schedule?.scheduledFor.toISOString(), '2025-11-23T00:00:00.000Z');
  assert.equal(maintenance.schedule?.scheduledUntil.toISOString(), '2025-11-23T02:30:00.000Z');
  assert.equal(maintenance.schedule?.autoCompleted, false);
  assert.equal(maintenance.schedule?.remindPrior, 0);
  assert.deepEqual(maintenance.componentIds, [db.id]);
});
