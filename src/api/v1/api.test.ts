import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUser, logIn } from '../../modules/accounts/index.ts';
import { componentStatuses, listComponentsInOrder } from '../../modules/components/index.ts';
import { queryIncidents } from '../../modules/incidents/index.ts';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';

let t: ApiTestApp;
before(async () => {
  t = await createApiTestApp();
});
after(async () => t.close());

async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: object, key: string | null = t.writeKey) {
  return t.aviso.app.inject({
    method,
    url,
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
    ...(body !== undefined && { payload: body }),
  });
}

test('an operator runs an incident end to end through /api/v1, and the audit log names the key', async () => {
  const component = (await call('POST', '/api/v1/components', { name: 'Checkout', description: 'Payments' })).json();
  assert.equal(component.status, 'operational');
  const opened = await call('POST', '/api/v1/incidents', {
    name: 'Payments failing',
    body: 'Card payments fail.',
    components: { [component.id]: 'major_outage' },
  });
  assert.equal(opened.statusCode, 201);
  const incident = opened.json();
  assert.equal(incident.impact, 'critical');
  assert.equal((await call('GET', `/api/v1/components/${component.id}`)).json().status, 'major_outage');

  t.clock.advance(20 * 60_000);
  const resolved = await call('POST', `/api/v1/incidents/${incident.id}/updates`, {
    status: 'resolved',
    body: 'Payments work again.',
    components: { [component.id]: 'operational' },
  });
  assert.equal(resolved.statusCode, 201);
  assert.equal(resolved.json().status, 'resolved');
  assert.equal(resolved.json().updates.length, 2);
  const firstUpdate = resolved.json().updates[1].id;
  const edited = await call('PATCH', `/api/v1/incidents/${incident.id}/updates/${firstUpdate}`, {
    body: 'Card payments failed at checkout.',
  });
  assert.equal(edited.json().updates[1].body, 'Card payments failed at checkout.');

  await call('PUT', `/api/v1/incidents/${incident.id}/postmortem`, { body: 'A certificate expired.' });
  const published = await call('POST', `/api/v1/incidents/${incident.id}/postmortem/publish`, {});
  assert.equal(published.json().status, 'postmortem');
  assert.equal(published.json().postmortem.body, 'A certificate expired.');
  const listed = (await call('GET', '/api/v1/incidents?q=payments')).json();
  assert.deepEqual(
    listed.incidents.map((i: { id: string }) => i.id),
    [incident.id],
  );

  const maintenance = await call('POST', '/api/v1/maintenances', {
    name: 'Card network upgrade',
    scheduledFor: '2025-12-01T02:00:00Z',
    scheduledUntil: '2025-12-01T03:00:00Z',
    componentIds: [component.id],
  });
  assert.equal(maintenance.statusCode, 201);
  assert.equal(maintenance.json().schedule.scheduledFor, '2025-12-01T02:00:00.000Z');
  assert.deepEqual(
    (await call('GET', '/api/v1/maintenances')).json().maintenances.map((m: { id: string }) => m.id),
    [maintenance.json().id],
  );
  const moved = await call('PATCH', `/api/v1/maintenances/${maintenance.json().id}`, { scheduledUntil: '2025-12-01T05:00:00Z' });
  assert.equal(moved.statusCode, 200);
  assert.equal(moved.json().schedule.scheduledUntil, '2025-12-01T05:00:00.000Z');

  const page = await call('PATCH', '/api/v1/page', { name: 'Shop status', timeZone: 'Europe/Berlin' });
  assert.equal(page.json().timeZone, 'Europe/Berlin');

  const audit = (await call('GET', '/api/v1/audit-events?limit=20&entityType=incident')).json().auditEvents;
  assert.ok(audit.length >= 4, `four incident writes, got ${audit.length}`);
  for (const event of audit) assert.deepEqual([event.actor.kind, event.actor.name], ['api_key', 'Deploy bot']);
});

test('API keys are created once, listed without the secret, revoked, and then refused', async () => {
  // Only an admin key manages keys: a write key cannot mint one stronger than itself, nor list them.
  const minted = await call('POST', '/api/v1/api-keys', { name: 'Escalation', scope: 'admin' }, t.writeKey);
  assert.equal(minted.statusCode, 403);
  assert.match(minted.json().error.message, /Managing API keys needs an API key with the admin scope; this key's scope is "write"/);
  assert.equal((await call('GET', '/api/v1/api-keys', undefined, t.readKey)).statusCode, 403);

  const created = await call('POST', '/api/v1/api-keys', { name: 'Pager bridge', scope: 'read' }, t.adminKey);
  assert.equal(created.statusCode, 201);
  const { key, info } = created.json();
  assert.match(key, /^avk_/);
  const listed = (await call('GET', '/api/v1/api-keys', undefined, t.adminKey)).json().apiKeys;
  assert.ok(!listed.some((k: { name: string }) => k.name === 'Escalation'), 'the refused key was not made');
  assert.ok(listed.some((k: { id: string }) => k.id === info.id));
  assert.ok(!JSON.stringify(listed).includes(key), 'the secret is never listed');
  assert.equal((await call('GET', '/api/v1/components', undefined, key)).statusCode, 200);
  assert.equal((await call('DELETE', `/api/v1/api-keys/${info.id}`, undefined, t.writeKey)).statusCode, 403);
  const revoked = await call('DELETE', `/api/v1/api-keys/${info.id}`, undefined, t.adminKey);
  assert.equal(revoked.statusCode, 200);
  assert.equal(revoked.json().id, info.id);
  assert.equal(revoked.json().revokedAt, t.clock.now().toISOString());
  assert.equal((await call('GET', '/api/v1/components', undefined, key)).statusCode, 401);
});

test('refusals: no key 401, read-only key 403, bad field 400 naming it, unknown id 404; nothing changes', async () => {
  const snapshot = async () => JSON.stringify({ c: await listComponentsInOrder(t.ctx), i: await queryIncidents(t.ctx) });
  const before = await snapshot();
  const anonymous = await call('POST', '/api/v1/components', { name: 'Sneaky' }, null);
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.json().error.code, 'unauthorized');
  const readOnly = await call('POST', '/api/v1/incidents', { name: 'Sneaky' }, t.readKey);
  assert.equal(readOnly.statusCode, 403);
  assert.deepEqual(readOnly.json(), { error: { code: 'forbidden', message: 'This API key is read-only; changes need a read-write key.' } });
  const badStatus = await call('POST', '/api/v1/components', { name: 'x', status: 'on_fire' });
  assert.equal(badStatus.statusCode, 400);
  assert.equal(badStatus.json().error.code, 'validation_failed');
  assert.match(badStatus.json().error.message, /status/);
  const badWindow = await call('POST', '/api/v1/maintenances', {
    name: 'x',
    scheduledFor: '2025-12-01T02:00:00Z',
    scheduledUntil: '2025-12-01T01:00:00Z',
  });
  assert.equal(badWindow.statusCode, 400);
  assert.match(badWindow.json().error.message, /scheduledUntil/);
  const missing = await call('PATCH', '/api/v1/incidents/zzzzzzzzzzzz', { name: 'x' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'incident_not_found');
  assert.equal(await snapshot(), before);
});

test('incident templates are prepared, edited and deleted', async () => {
  const created = await call('POST', '/api/v1/templates', {
    name: 'DB slow',
    title: 'Database latency',
    body: 'Queries are slow.',
    updateStatus: 'identified',
  });
  assert.equal(created.statusCode, 201);
  const id = created.json().id;
  assert.equal((await call('PATCH', `/api/v1/templates/${id}`, { title: 'Database is slow' })).json().title, 'Database is slow');
  assert.deepEqual(
    (await call('GET', '/api/v1/templates')).json().templates.map((t: { id: string }) => t.id),
    [id],
  );
  assert.equal((await call('DELETE', `/api/v1/templates/${id}`)).statusCode, 200);
  assert.equal((await call('GET', `/api/v1/templates/${id}`)).statusCode, 404);
});

test('the OpenAPI document is generated from the same schemas, and /api/docs serves it offline', async () => {
  const response = await call('GET', '/api/openapi.json', undefined, null);
  assert.equal(response.statusCode, 200);
  const doc = response.json();
  assert.equal(doc.openapi, '3.1.0');
  for (const path of [
    '/api/v1/components',
    '/api/v1/incidents/{id}/updates',
    '/api/v1/maintenances',
    '/api/v1/page',
    '/api/v1/api-keys',
    '/api/v1/audit-events',
  ]) {
    assert.ok(doc.paths[path], `${path} is documented`);
  }
  const createComponent = doc.paths['/api/v1/components'].post.requestBody.content['application/json'].schema;
  assert.deepEqual(createComponent.required, ['name']);
  assert.deepEqual(createComponent.properties.status.enum, [...componentStatuses]);
  const schedule = doc.paths['/api/v1/maintenances'].post.requestBody.content['application/json'].schema;
  assert.deepEqual(schedule.properties.scheduledFor, { type: 'string', format: 'date-time' });

  const ui = await call('GET', '/api/docs/', undefined, null);
  assert.equal(ui.statusCode, 200);
  assert.match(ui.headers['content-type'] as string, /text\/html/);
  // Every script and stylesheet comes from this server, so the docs work without the internet.
  const assets = [...ui.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(assets.length > 0);
  for (const asset of assets) {
    assert.doesNotMatch(asset, /^(https?:)?\/\//, asset);
    const url = new URL(asset, 'http://127.0.0.1/api/docs/').pathname;
    assert.equal((await call('GET', url, undefined, null)).statusCode, 200, url);
  }
});

test('the audit log names the address a member logged in from only to an admin key', async () => {
  const member = await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password: 'correct horse battery', role: 'editor' });
  await logIn(t.ctx, { email: 'ana@example.com', password: 'correct horse battery', ip: '203.0.113.7' });
  const read = async (key: string) =>
    (await call('GET', '/api/v1/audit-events?entityType=user', undefined, key))
      .json()
      .auditEvents.filter((e: { action: string; entityId: string }) => e.action === 'user.log_in' && e.entityId === member.id);
  for (const key of [t.readKey, t.writeKey]) {
    const [login] = await read(key);
    assert.ok(login !== undefined, 'the login is listed');
    assert.doesNotMatch(JSON.stringify(login), /203\.0\.113\.7/);
  }
  const [login] = await read(t.adminKey);
  assert.deepEqual(login.after, { ip: '203.0.113.7' });
});
