import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';
import { alertsRateLimit } from './alert-receiver-routes.ts';

let t: ApiTestApp;
before(async () => {
  t = await createApiTestApp();
});
after(async () => {
  await t.close();
});

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, key = t.writeKey) {
  return t.aviso.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${key}` },
    ...(body !== undefined && { payload: body as object }),
  });
}
const post = (path: string, body: unknown, remoteAddress = '127.0.0.1') =>
  t.aviso.app.inject({ method: 'POST', url: path, payload: body as object, remoteAddress });
const statusOf = async (id: string) => (await call('GET', `/api/v1/components/${id}`)).json().status as string;

const amAlert = (status: 'firing' | 'resolved', fingerprint: string, labels: Record<string, string>) => ({
  status,
  labels: { alertname: 'HighErrorRate', ...labels },
  annotations: { summary: `errors on ${labels.service}` },
  startsAt: '2026-11-29T10:00:00Z',
  endsAt: status === 'resolved' ? '2026-11-29T10:05:00Z' : '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus/graph',
  fingerprint,
});
const alertmanager = (alerts: object[]) => ({
  version: '4',
  groupKey: '{}:{alertname="HighErrorRate"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'aviso',
  groupLabels: {},
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager',
  alerts,
});

test('receivers are added with rules, listed and deleted through the API, and the audit log records it; the URL is shown once', async () => {
  const api = (await call('POST', '/api/v1/components', { name: 'API' })).json();
  const created = await call('POST', '/api/v1/alert-receivers', {
    name: 'Prometheus',
    rules: [{ matchers: ['service="api"'], componentId: api.id }],
  });
  assert.equal(created.statusCode, 201, created.body);
  const receiver = created.json();
  assert.match(receiver.url, /^http.*\/alerts\/[A-Za-z0-9_-]{32}$/);
  assert.deepEqual(receiver.rules[0].severities, { critical: 'major_outage', warning: 'degraded_performance' });
  const listed = (await call('GET', '/api/v1/alert-receivers', undefined, t.readKey)).json().alertReceivers;
  assert.deepEqual(
    listed.map((r: { id: string; url?: string }) => [r.id, r.url]),
    [[receiver.id, undefined]],
  );

  const refused = await call('POST', '/api/v1/alert-receivers', { name: 'x', rules: [{ matchers: ['service=api'], componentId: api.id }] });
  assert.deepEqual([refused.statusCode, refused.json().error.code], [400, 'validation_failed']);
  assert.match(refused.json().error.message, /rules\/0\/matchers\/0 must look like label="value"/);
  const unknown = await call('POST', '/api/v1/alert-receivers', {
    name: 'x',
    rules: [{ matchers: ['a="b"'], componentId: 'zzzzzzzzzzzz' }],
  });
  assert.deepEqual([unknown.statusCode, unknown.json().error.code], [404, 'component_not_found']);
  const readOnly = await call('POST', '/api/v1/alert-receivers', { name: 'x' }, t.readKey);
  assert.equal(readOnly.statusCode, 403);

  // A firing alert holds the component; deleting the receiver clears what it raised.
  const path = new URL(receiver.url).pathname;
  assert.equal((await post(path, alertmanager([amAlert('firing', 'a1', { service: 'api', severity: 'critical' })]))).statusCode, 200);
  assert.equal(await statusOf(api.id), 'major_outage');
  assert.equal((await call('DELETE', `/api/v1/alert-receivers/${receiver.id}`)).statusCode, 204);
  assert.equal(await statusOf(api.id), 'operational');
  assert.equal((await post(path, alertmanager([]))).statusCode, 404, 'the URL is gone with its receiver');
  assert.equal((await call('GET', `/api/v1/alert-receivers/${receiver.id}`)).json().error.code, 'alert_receiver_not_found');

  const audit = (await call('GET', '/api/v1/audit-events?entityType=alert_receiver')).json().auditEvents;
  assert.deepEqual(
    audit.map((e: { action: string; actor: { name: string } }) => [e.action, e.actor.name]),
    [
      ['alert_receiver.delete', 'Deploy bot'],
      ['alert_receiver.create', 'Deploy bot'],
    ],
  );
});

test('an API key edits a receiver and gives it a new URL: the old URL stops at once, refusals change nothing, each change is audited', async () => {
  const api = (await call('POST', '/api/v1/components', { name: 'Billing API' })).json();
  const web = (await call('POST', '/api/v1/components', { name: 'Billing web' })).json();
  const group = (await call('POST', '/api/v1/component-groups', { name: 'Billing', componentIds: [web.id] })).json();
  const receiver = (
    await call('POST', '/api/v1/alert-receivers', {
      name: 'Billing alerts',
      rules: [{ matchers: ['service="billing"'], componentId: api.id }],
    })
  ).json();
  const oldPath = new URL(receiver.url).pathname;
  await post(oldPath, alertmanager([amAlert('firing', 'b1', { service: 'billing', severity: 'critical' })]));
  assert.equal(await statusOf(api.id), 'major_outage');

  // The same alerts now map to the web component, with an automatic incident: the API component is let go.
  const rules = [{ matchers: ['service="billing"'], componentId: web.id, autoIncident: true, defaultStatus: 'degraded_performance' }];
  const edited = await call('PATCH', `/api/v1/alert-receivers/${receiver.id}`, { name: 'Billing (Prometheus)', rules });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.deepEqual(
    [edited.json().name, edited.json().rules[0].componentId, edited.json().rules[0].autoIncident, edited.json().url],
    ['Billing (Prometheus)', web.id, true, undefined],
  );
  assert.equal(await statusOf(api.id), 'operational', 'an alert no rule maps any more clears');
  const renamed = await call('PATCH', `/api/v1/alert-receivers/${receiver.id}`, { name: 'Billing' });
  assert.deepEqual([renamed.json().name, renamed.json().rules[0].componentId], ['Billing', web.id], 'rules left out stay');

  const refusals: [unknown, string, number, string][] = [
    [{ rules: [{ matchers: ['service=billing'], componentId: web.id }] }, t.writeKey, 400, 'validation_failed'],
    [{ name: 'x', token: 'mine' }, t.writeKey, 400, 'validation_failed'],
    [{ rules: [{ matchers: ['a="b"'], componentId: 'zzzzzzzzzzzz' }] }, t.writeKey, 404, 'component_not_found'],
    [{ rules: [{ matchers: ['a="b"'], componentId: group.id }] }, t.writeKey, 422, 'component_group_invalid'],
    [{ name: 'Read-only' }, t.readKey, 403, 'forbidden'],
  ];
  for (const [body, key, status, code] of refusals) {
    const refused = await call('PATCH', `/api/v1/alert-receivers/${receiver.id}`, body, key);
    assert.deepEqual([refused.statusCode, refused.json().error.code], [status, code], JSON.stringify(body));
  }
  assert.deepEqual(
    (await call('GET', `/api/v1/alert-receivers/${receiver.id}`)).json(),
    renamed.json(),
    'a refused change changes nothing',
  );
  const missing = await call('PATCH', '/api/v1/alert-receivers/zzzzzzzzzzzz', { name: 'x' });
  assert.deepEqual([missing.statusCode, missing.json().error.code], [404, 'alert_receiver_not_found']);

  assert.equal((await call('POST', `/api/v1/alert-receivers/${receiver.id}/rotate-token`, undefined, t.readKey)).statusCode, 403);
  assert.equal((await post(oldPath, alertmanager([]))).statusCode, 200, 'a refused rotation keeps the URL');
  const rotated = await call('POST', `/api/v1/alert-receivers/${receiver.id}/rotate-token`);
  assert.equal(rotated.statusCode, 200, rotated.body);
  assert.deepEqual([rotated.json().id, rotated.json().name, rotated.json().rules], [receiver.id, 'Billing', renamed.json().rules]);
  const newPath = new URL(rotated.json().url).pathname;
  assert.match(newPath, /^\/alerts\/[A-Za-z0-9_-]{32}$/);
  assert.notEqual(newPath, oldPath);
  const stale = await post(oldPath, alertmanager([amAlert('firing', 'b2', { service: 'billing' })]));
  assert.deepEqual([stale.statusCode, stale.json().error.code], [404, 'not_found'], 'the old URL stops working at once');
  assert.equal(await statusOf(web.id), 'operational');
  assert.equal((await post(newPath, alertmanager([amAlert('firing', 'b2', { service: 'billing' })]))).statusCode, 200);
  assert.equal(await statusOf(web.id), 'degraded_performance');
  const incident = (await call('GET', '/api/v1/incidents'))
    .json()
    .incidents.find((i: { name: string }) => i.name === 'Billing web is slow');
  assert.ok(incident, 'the edited rule opens its automatic incident');
  assert.equal((await call('GET', `/api/v1/alert-receivers/${receiver.id}`)).json().url, undefined, 'the URL is shown once');
  const gone = await call('POST', '/api/v1/alert-receivers/zzzzzzzzzzzz/rotate-token');
  assert.deepEqual([gone.statusCode, gone.json().error.code], [404, 'alert_receiver_not_found']);

  const audit = (await call('GET', `/api/v1/audit-events?entityType=alert_receiver`))
    .json()
    .auditEvents.filter((e: { entityId: string }) => e.entityId === receiver.id);
  assert.deepEqual(
    audit.map((e: { action: string; actor: { name: string } }) => [e.action, e.actor.name]),
    [
      ['alert_receiver.rotate_token', 'Deploy bot'],
      ['alert_receiver.update', 'Deploy bot'],
      ['alert_receiver.update', 'Deploy bot'],
      ['alert_receiver.create', 'Deploy bot'],
    ],
  );
  assert.doesNotMatch(JSON.stringify(audit), new RegExp(newPath.split('/')[2]!), 'the log never holds the URL');
});

test('alerts deduplicate by fingerprint, overlapping alerts keep the worst until both resolve, and each shape is understood', async () => {
  const api = (await call('POST', '/api/v1/components', { name: 'Checkout API' })).json();
  const db = (await call('POST', '/api/v1/components', { name: 'Database' })).json();
  const receiver = (
    await call('POST', '/api/v1/alert-receivers', {
      name: 'Monitoring',
      rules: [
        { matchers: ['service="checkout"'], componentId: api.id },
        { matchers: ['service=~"postgres|pgbouncer"'], componentId: db.id, severities: { page: 'major_outage' } },
      ],
    })
  ).json();
  const path = new URL(receiver.url).pathname;

  // Alertmanager: a warning, then the same alert again in a regrouped notification, then a critical one on the same component.
  const warning = amAlert('firing', 'w1', { service: 'checkout', severity: 'warning' });
  const first = (await post(path, alertmanager([warning]))).json();
  assert.deepEqual(first, { format: 'alertmanager', received: 1, firing: 1, resolved: 0, unmatched: 0 });
  assert.equal(await statusOf(api.id), 'degraded_performance');
  await post(path, alertmanager([warning, amAlert('firing', 'x9', { service: 'search' })]));
  const changes = async () => (await call('GET', `/api/v1/audit-events?entityType=component`)).json().auditEvents.length as number;
  const before = await changes();
  await post(path, alertmanager([warning]));
  assert.equal(await changes(), before, 'a repeated alert changes nothing');
  await post(path, alertmanager([amAlert('firing', 'c1', { service: 'checkout', severity: 'critical' })]));
  assert.equal(await statusOf(api.id), 'major_outage');
  // The critical one resolves: the warning still holds; then it resolves too.
  await post(path, alertmanager([amAlert('resolved', 'c1', { service: 'checkout', severity: 'critical' })]));
  assert.equal(await statusOf(api.id), 'degraded_performance');
  await post(path, alertmanager([amAlert('resolved', 'w1', { service: 'checkout', severity: 'warning' })]));
  assert.equal(await statusOf(api.id), 'operational');

  // Grafana alerting's webhook.
  const grafana = (status: 'firing' | 'resolved') => ({
    receiver: 'aviso',
    status,
    orgId: 1,
    alerts: [
      {
        status,
        labels: { alertname: 'ReplicationLag', service: 'pgbouncer', severity: 'page' },
        annotations: { summary: 'replica is behind' },
        startsAt: '2026-11-29T10:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: 'g1',
        silenceURL: 'http://grafana/alerting/silence/new',
        values: { B: 42 },
      },
    ],
    groupLabels: {},
    commonLabels: {},
    externalURL: 'http://grafana/',
    version: '1',
    groupKey: '{}:{}',
    truncatedAlerts: 0,
    title: '[FIRING:1] ReplicationLag',
    state: 'alerting',
    message: 'replica is behind',
  });
  assert.equal((await post(path, grafana('firing'))).json().format, 'grafana');
  assert.equal(await statusOf(db.id), 'major_outage');
  await post(path, grafana('resolved'));
  assert.equal(await statusOf(db.id), 'operational');

  // Generic JSON naming the component by name.
  const generic = (state: string) => ({
    component: 'Database',
    status: 'partial_outage',
    summary: 'backups failing',
    fingerprint: 'backup',
    state,
  });
  assert.equal((await post(path, generic('firing'))).json().format, 'generic');
  assert.equal(await statusOf(db.id), 'partial_outage');
  await post(path, [generic('resolved')]);
  assert.equal(await statusOf(db.id), 'operational');
});

test('a bad body is a 400 that changes nothing, an unknown URL a 404, and a flood a 429', async () => {
  const web = (await call('POST', '/api/v1/components', { name: 'Web' })).json();
  const receiver = (await call('POST', '/api/v1/alert-receivers', { name: 'Generic' })).json();
  const path = new URL(receiver.url).pathname;
  const bad = await post(path, [
    { component: 'Web', status: 'major_outage', fingerprint: 'ok', state: 'firing' },
    { component: 'Nowhere', fingerprint: 'bad', state: 'firing' },
  ]);
  assert.deepEqual([bad.statusCode, bad.json().error.code], [400, 'validation_failed']);
  assert.match(JSON.stringify(bad.json().error.details), /alerts\.1\.component/);
  assert.equal(await statusOf(web.id), 'operational', 'the valid alert in a refused body was not applied');
  const malformed = await post(path, { fingerprint: 'x', state: 'on fire' });
  assert.deepEqual([malformed.statusCode, malformed.json().error.code], [400, 'validation_failed']);
  assert.doesNotMatch(malformed.body, /at .*\.ts/);
  const nobody = await post('/alerts/' + 'A'.repeat(32), { fingerprint: 'x', state: 'firing' });
  assert.deepEqual([nobody.statusCode, nobody.json().error.code], [404, 'not_found']);

  const flood = '10.9.8.7';
  for (let i = 0; i < alertsRateLimit.max; i++) await post('/alerts/short', {}, flood);
  const limited = await post(path, { component: 'Web', fingerprint: 'late', state: 'firing' }, flood);
  assert.deepEqual([limited.statusCode, limited.json().error.code], [429, 'rate_limited']);
  assert.equal(await statusOf(web.id), 'operational');
});

test('an automatic incident stops following the alerts once a person posts on it', async () => {
  const shop = (await call('POST', '/api/v1/components', { name: 'Shop' })).json();
  const receiver = (
    await call('POST', '/api/v1/alert-receivers', {
      name: 'Shop alerts',
      rules: [{ matchers: ['service="shop"'], componentId: shop.id, autoIncident: true }],
    })
  ).json();
  const path = new URL(receiver.url).pathname;
  const shopAlert = (status: 'firing' | 'resolved', severity: string) => amAlert(status, 's1', { service: 'shop', severity });
  await post(path, alertmanager([shopAlert('firing', 'warning')]));
  const opened = (await call('GET', '/api/v1/incidents')).json().incidents.find((i: { name: string }) => i.name === 'Shop is slow');
  assert.ok(opened, 'the rule opened an incident');
  await post(path, alertmanager([shopAlert('firing', 'warning')]));
  assert.equal((await call('GET', `/api/v1/incidents/${opened.id}`)).json().updates.length, 1, 'a repeated alert posts nothing');

  const human = await call('POST', `/api/v1/incidents/${opened.id}/updates`, { status: 'identified', body: 'A bad deploy; rolling back.' });
  assert.equal(human.statusCode, 201, human.body);
  await post(path, alertmanager([shopAlert('resolved', 'warning')]));
  assert.equal(await statusOf(shop.id), 'operational', 'the component still follows the alert');
  const incident = (await call('GET', `/api/v1/incidents/${opened.id}`)).json();
  assert.deepEqual([incident.status, incident.updates.length], ['identified', 2], 'the incident is the person’s now');
});
