import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStatuspageV1Suite } from '../../../test/support/statuspage-v1-suite.ts';

const suite = useStatuspageV1Suite({ now: '2025-11-20T12:00:00.000Z' });

test('scheduled maintenance through the incidents endpoint, listed as upcoming and scheduled', async () => {
  const api = await suite.newComponent('Maintained API');
  const created = await suite.call('POST', `${suite.base}/incidents`, {
    json: {
      incident: {
        name: 'Database upgrade',
        status: 'scheduled',
        scheduled_for: '2025-12-01T02:00:00Z',
        scheduled_until: '2025-12-01T04:00:00Z',
        scheduled_remind_prior: true,
        scheduled_auto_in_progress: true,
        scheduled_auto_completed: true,
        auto_transition_to_maintenance_state: true,
        component_ids: [api],
        body: 'We will upgrade the database.',
      },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const m = created.json();
  assert.equal(m.impact, 'maintenance');
  assert.equal(m.scheduled_for, '2025-12-01T02:00:00.000Z');
  assert.equal(m.scheduled_until, '2025-12-01T04:00:00.000Z');
  assert.equal(m.scheduled_remind_prior, true);
  assert.equal(m.auto_transition_to_maintenance_state, true);
  assert.deepEqual(
    m.components.map((c: { id: string }) => c.id),
    [api],
  );
  assert.deepEqual(
    (await suite.call('GET', `${suite.base}/incidents/upcoming`)).json().map((i: { id: string }) => i.id),
    [m.id],
  );
  assert.deepEqual(
    (await suite.call('GET', `${suite.base}/incidents/scheduled.json`)).json().map((i: { id: string }) => i.id),
    [m.id],
  );
  assert.deepEqual((await suite.call('GET', `${suite.base}/incidents/active_maintenance`)).json(), []);

  const started = await suite.call('PATCH', `${suite.base}/incidents/${m.id}`, {
    json: { incident: { status: 'in_progress', components: { [api]: 'under_maintenance' } } },
  });
  assert.equal(started.json().status, 'in_progress');
  assert.deepEqual(
    (await suite.call('GET', `${suite.base}/incidents/active_maintenance`)).json().map((i: { id: string }) => i.id),
    [m.id],
  );
  const moved = await suite.call('PATCH', `${suite.base}/incidents/${m.id}`, {
    json: { incident: { scheduled_until: '2025-12-01T06:00:00Z' } },
  });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().scheduled_until, '2025-12-01T06:00:00.000Z');
  assert.equal(moved.json().incident_updates.length, 2, 'moving the window posts no update');
  const backwards = await suite.call('PATCH', `${suite.base}/incidents/${m.id}`, {
    json: { incident: { scheduled_until: '2025-11-30T00:00:00Z' } },
  });
  assert.equal(backwards.statusCode, 422);
  assert.equal(backwards.json().message, 'incident.scheduled_until: must end after it starts');
  const realtime = (await suite.call('POST', `${suite.base}/incidents`, { json: { incident: { name: 'Not a maintenance' } } })).json();
  const windowOnIncident = await suite.call('PATCH', `${suite.base}/incidents/${realtime.id}`, {
    json: { incident: { scheduled_for: '2025-12-01T06:00:00Z' } },
  });
  assert.equal(windowOnIncident.statusCode, 422);
  assert.match(windowOnIncident.json().message, /^incident\.scheduled_for: only a scheduled maintenance/);
});

test('backfill, edit an update, impact override, revert and delete a postmortem, delete an incident', async () => {
  const backfilled = await suite.call('POST', `${suite.base}/incidents`, {
    form: 'incident[name]=Old+outage&incident[backfilled]=true&incident[backfill_date]=2025-10-01&incident[body]=It+happened.',
  });
  assert.equal(backfilled.statusCode, 201, backfilled.body);
  assert.equal(backfilled.json().backfilled, true);
  assert.equal(backfilled.json().status, 'resolved');
  assert.equal(backfilled.json().started_at, '2025-10-01T00:00:00.000Z');

  const incident = (
    await suite.call('POST', `${suite.base}/incidents`, {
      json: { incident: { name: 'Login errors', body: 'Investigating login errors.' } },
    })
  ).json();
  const updateId = incident.incident_updates[0].id;
  const edited = await suite.call('PATCH', `${suite.base}/incidents/${incident.id}/incident_updates/${updateId}`, {
    json: { incident_update: { body: 'Investigating errors on login.', display_at: '2025-11-20T11:55:00Z' } },
  });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().body, 'Investigating errors on login.');
  assert.equal(edited.json().display_at, '2025-11-20T11:55:00.000Z');
  assert.equal(edited.json().status, 'investigating');

  const overridden = await suite.call('PATCH', `${suite.base}/incidents/${incident.id}`, {
    json: { incident: { impact_override: 'critical', name: 'Login outage' } },
  });
  assert.equal(overridden.json().impact, 'critical');
  assert.equal(overridden.json().name, 'Login outage');
  assert.equal(overridden.json().incident_updates.length, 1, 'a rename posts no update');

  const early = await suite.call('PUT', `${suite.base}/incidents/${incident.id}/postmortem/publish`);
  assert.equal(early.statusCode, 422);
  await suite.call('PATCH', `${suite.base}/incidents/${incident.id}`, { json: { incident: { status: 'resolved' } } });
  await suite.call('PUT', `${suite.base}/incidents/${incident.id}/postmortem`, {
    json: { postmortem: { body_draft: 'Root cause: expired certificate.' } },
  });
  assert.equal((await suite.call('PUT', `${suite.base}/incidents/${incident.id}/postmortem/publish`)).statusCode, 200);
  const reverted = await suite.call('PUT', `${suite.base}/incidents/${incident.id}/postmortem/revert.json`);
  assert.equal(reverted.statusCode, 200);
  assert.equal(reverted.json().published_at, null);
  assert.equal(reverted.json().body_draft, 'Root cause: expired certificate.');
  assert.equal((await suite.call('GET', `${suite.base}/incidents/${incident.id}`)).json().status, 'resolved');
  assert.equal((await suite.call('DELETE', `${suite.base}/incidents/${incident.id}/postmortem`)).statusCode, 204);
  assert.equal((await suite.call('GET', `${suite.base}/incidents/${incident.id}/postmortem`)).json().body_draft, null);

  const deleted = await suite.call('DELETE', `${suite.base}/incidents/${incident.id}`);
  assert.equal(deleted.statusCode, 200);
  assert.equal(deleted.json().id, incident.id);
  assert.equal((await suite.call('GET', `${suite.base}/incidents/${incident.id}`)).statusCode, 404);
});

test('incidents are paginated with limit and page', async () => {
  for (const name of ['P1', 'P2', 'P3']) {
    suite.app.clock.advance(60_000);
    await suite.call('POST', `${suite.base}/incidents`, { json: { incident: { name } } });
  }
  const ids = (list: { id: string }[]) => list.map((i) => i.id);
  const all = (await suite.call('GET', `${suite.base}/incidents`)).json();
  const names = all.map((i: { name: string }) => i.name).filter((n: string) => /^P\d$/.test(n));
  assert.deepEqual(names, ['P3', 'P2', 'P1'], 'most recently started first');
  assert.deepEqual(ids((await suite.call('GET', `${suite.base}/incidents?limit=2`)).json()), ids(all.slice(0, 2)));
  assert.deepEqual(ids((await suite.call('GET', `${suite.base}/incidents?limit=2&page=2`)).json()), ids(all.slice(2, 4)));
  assert.equal((await suite.call('GET', `${suite.base}/incidents?limit=abc`)).statusCode, 422);
});

test('incident templates are created (JSON or form) and listed with their components', async () => {
  const component = await suite.newComponent('Search');
  const created = await suite.call('POST', `${suite.base}/incident_templates`, {
    json: {
      template: {
        name: 'Search down',
        title: 'Search is unavailable',
        body: 'We are investigating search errors.',
        update_status: 'investigating',
        component_ids: [component],
      },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const template = created.json();
  assert.deepEqual(Object.keys(template), [
    'id',
    'components',
    'name',
    'title',
    'body',
    'group_id',
    'update_status',
    'should_tweet',
    'should_send_notifications',
  ]);
  assert.deepEqual(
    template.components.map((c: { id: string }) => c.id),
    [component],
  );
  assert.equal(template.should_send_notifications, true);
  const viaForm = await suite.call('POST', `${suite.base}/incident_templates.json`, {
    form: 'template[name]=Quiet&template[title]=Degraded&template[body]=Slow.&template[should_send_notifications]=false',
  });
  assert.equal(viaForm.statusCode, 201, viaForm.body);
  assert.equal(viaForm.json().should_send_notifications, false);
  const noBody = await suite.call('POST', `${suite.base}/incident_templates`, { json: { template: { name: 'x', title: 'y' } } });
  assert.equal(noBody.statusCode, 422);
  assert.match(noBody.json().message, /^template\.body: is required/);
  const listed = (await suite.call('GET', `${suite.base}/incident_templates`)).json();
  assert.deepEqual(listed.map((t: { name: string }) => t.name).sort(), ['Quiet', 'Search down']);
});
