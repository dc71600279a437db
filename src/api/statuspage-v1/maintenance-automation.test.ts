import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { maintenanceJobHandlers } from '../../modules/incidents/index.ts';
import { JobWorker } from '../../jobs/index.ts';
import { apiClient } from '../../../test/support/api-client.ts';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';

let t: ApiTestApp;
let call: ReturnType<typeof apiClient>;
before(async () => {
  t = await createApiTestApp({ now: '2025-11-20T12:00:20.000Z' });
  call = apiClient(t);
});
after(async () => t.close());

test('a maintenance scheduled through the API for the next minute starts and completes by itself', async () => {
  const base = `/v1/pages/${t.pageId}`;
  const component = (await call('POST', `${base}/components`, { json: { component: { name: 'Database' } } })).json();
  const created = await call('POST', `${base}/incidents`, {
    json: {
      incident: {
        name: 'Failover drill',
        status: 'scheduled',
        scheduled_for: '2025-11-20T12:01:00Z',
        scheduled_until: '2025-11-20T12:02:00Z',
        scheduled_auto_in_progress: true,
        scheduled_auto_completed: true,
        auto_transition_to_maintenance_state: true,
        auto_transition_to_operational_state: true,
        component_ids: [component.id],
      },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  const worker = new JobWorker({ ctx: t.ctx, handlers: maintenanceJobHandlers, pollMs: 5 });
  const state = async () => {
    const incident = (await call('GET', `${base}/incidents/${id}`)).json();
    return [incident.status, incident.components[0].status];
  };

  await worker.tick();
  assert.deepEqual(await state(), ['scheduled', 'operational']);
  t.clock.set('2025-11-20T12:01:00.000Z');
  await worker.tick();
  assert.deepEqual(await state(), ['in_progress', 'under_maintenance']);
  assert.deepEqual(
    (await call('GET', `${base}/incidents/active_maintenance`)).json().map((i: { id: string }) => i.id),
    [id],
  );
  t.clock.set('2025-11-20T12:02:00.000Z');
  await worker.tick();
  assert.deepEqual(await state(), ['completed', 'operational']);
  // Running again changes nothing: each step happens once.
  await worker.tick();
  const updates = (await call('GET', `${base}/incidents/${id}`)).json().incident_updates;
  assert.deepEqual(
    updates.map((u: { status: string }) => u.status),
    ['completed', 'in_progress', 'scheduled'],
  );
});
