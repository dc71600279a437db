import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { listAuditEvents } from '../../modules/audit/index.ts';
import { apiClient } from '../../../test/support/api-client.ts';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';

let t: ApiTestApp;
let call: ReturnType<typeof apiClient>;
before(async () => {
  t = await createApiTestApp();
  call = apiClient(t);
});
after(async () => t.close());

test('the whole incident journey through the Statuspage v1 API with a write key', async () => {
  const base = `/v1/pages/${t.pageId}`;
  const created = await call('POST', `${base}/components`, {
    json: { component: { name: 'API', description: 'Public REST API', status: 'operational' } },
  });
  assert.equal(created.statusCode, 201);
  const component = created.json();
  assert.equal(component.name, 'API');
  assert.equal(component.page_id, t.pageId);
  assert.match(component.id, /^[0-9a-z]{12}$/);

  const opened = await call('POST', `${base}/incidents`, {
    json: {
      incident: {
        name: 'Elevated API errors',
        status: 'investigating',
        body: 'We are looking into errors on the API.',
        components: { [component.id]: 'partial_outage' },
      },
    },
  });
  assert.equal(opened.statusCode, 201);
  const incident = opened.json();
  assert.equal(incident.status, 'investigating');
  assert.equal(incident.impact, 'major');
  assert.deepEqual(
    incident.components.map((c: { id: string; status: string }) => [c.id, c.status]),
    [[component.id, 'partial_outage']],
  );
  assert.deepEqual(incident.incident_updates[0].affected_components, [
    { code: component.id, name: 'API', old_status: 'operational', new_status: 'partial_outage' },
  ]);

  // The public side sees it at once: the v1 component, the public API and the page.
  assert.equal((await call('GET', `${base}/components/${component.id}`)).json().status, 'partial_outage');
  const summary = await t.aviso.app.inject({ url: '/api/v2/summary.json' });
  assert.equal(summary.statusCode, 200);
  const summaryBody = summary.json();
  assert.equal(summaryBody.components.find((c: { id: string }) => c.id === component.id).status, 'partial_outage');
  assert.deepEqual(
    summaryBody.incidents.map((i: { id: string }) => i.id),
    [incident.id],
  );

  t.clock.advance(10 * 60_000);
  const identified = await call('PATCH', `${base}/incidents/${incident.id}`, {
    json: { incident: { status: 'identified', body: 'A bad deploy; rolling back.' } },
  });
  assert.equal(identified.statusCode, 200);
  assert.equal(identified.json().incident_updates.length, 2);
  assert.equal(identified.json().incident_updates[0].body, 'A bad deploy; rolling back.');

  t.clock.advance(30 * 60_000);
  const resolved = await call('PATCH', `${base}/incidents/${incident.id}.json`, {
    json: { incident: { status: 'resolved', body: 'Errors are back to normal.', components: { [component.id]: 'operational' } } },
  });
  assert.equal(resolved.statusCode, 200);
  assert.equal(resolved.json().status, 'resolved');
  assert.ok(resolved.json().resolved_at);
  assert.equal((await call('GET', `${base}/components/${component.id}`)).json().status, 'operational');
  assert.deepEqual((await call('GET', `${base}/incidents/unresolved`)).json(), []);

  const draft = await call('PUT', `${base}/incidents/${incident.id}/postmortem`, {
    json: { postmortem: { body_draft: '##### Issue\nA deploy broke the API.' } },
  });
  assert.equal(draft.statusCode, 200);
  assert.equal(draft.json().body_draft, '##### Issue\nA deploy broke the API.');
  assert.equal(draft.json().published_at, null);
  const published = await call('PUT', `${base}/incidents/${incident.id}/postmortem/publish`, {
    json: { postmortem: { notify_subscribers: false } },
  });
  assert.equal(published.statusCode, 200);
  assert.equal(published.json().body, '##### Issue\nA deploy broke the API.');

  const listed = await call('GET', `${base}/incidents`);
  const found = listed.json().find((i: { id: string }) => i.id === incident.id);
  assert.equal(found.status, 'postmortem');
  assert.equal(found.postmortem_body, '##### Issue\nA deploy broke the API.');
  assert.deepEqual(
    found.incident_updates.map((u: { status: string }) => u.status),
    ['resolved', 'identified', 'investigating'],
  );
  assert.deepEqual(
    (await call('GET', `${base}/incidents?q=rolling`)).json().map((i: { id: string }) => i.id),
    [incident.id],
  );
  assert.deepEqual((await call('GET', `${base}/incidents?q=nothing-like-this`)).json(), []);

  // Every write was recorded as done by the key.
  const audit = (await listAuditEvents(t.ctx, { limit: 50 })).filter((e) => e.entityType === 'component' || e.entityType === 'incident');
  assert.deepEqual(
    audit.map((e) => [e.action, e.actor.kind, e.actor.name]).reverse(),
    [
      'component.create',
      'incident.open',
      'incident.post_update',
      'incident.post_update',
      'incident.postmortem_draft',
      'incident.postmortem_publish',
    ].map((a) => [a, 'api_key', 'Deploy bot']),
  );
});

test('the same journey with form-encoded bodies, as Rails-style clients send them', async () => {
  const base = `/v1/pages/${t.pageId}`;
  const created = await call('POST', `${base}/components.json`, {
    form: 'component[name]=Web+app&component[showcase]=false&component[description]=',
  });
  assert.equal(created.statusCode, 201);
  const component = created.json();
  assert.equal(component.showcase, false);
  assert.equal(component.description, null);

  const opened = await call('POST', `${base}/incidents.json`, {
    form: `incident[name]=Slow+pages&incident[status]=identified&incident[body]=Caches+are+cold.&incident[components][${component.id}]=degraded_performance&incident[deliver_notifications]=false&incident[metadata][jira][issue]=OPS-7`,
  });
  assert.equal(opened.statusCode, 201);
  const incident = opened.json();
  assert.equal(incident.status, 'identified');
  assert.equal(incident.impact, 'minor');
  assert.equal(incident.incident_updates[0].deliver_notifications, false);
  assert.deepEqual(incident.metadata, { jira: { issue: 'OPS-7' } });
  assert.equal(incident.components[0].status, 'degraded_performance');

  t.clock.advance(5 * 60_000);
  const resolved = await call('PUT', `${base}/incidents/${incident.id}`, {
    form: `incident[status]=resolved&incident[components][${component.id}]=operational`,
  });
  assert.equal(resolved.statusCode, 200);
  assert.equal(resolved.json().status, 'resolved');
  assert.equal(resolved.json().incident_updates[0].body, 'This incident has been resolved.');
  assert.equal((await call('GET', `${base}/components/${component.id}.json`)).json().status, 'operational');

  const draft = await call('PUT', `${base}/incidents/${incident.id}/postmortem.json`, {
    form: 'postmortem[body_draft]=Cold+caches+after+a+restart.',
  });
  assert.equal(draft.json().body_draft, 'Cold caches after a restart.');
});
