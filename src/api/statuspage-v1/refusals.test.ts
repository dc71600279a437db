import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { revokeApiKey, listApiKeys, createApiKey } from '../../modules/accounts/index.ts';
import { createComponent, listComponentsInOrder } from '../../modules/components/index.ts';
import { openIncident, queryIncidents } from '../../modules/incidents/index.ts';
import { apiClient } from '../../../test/support/api-client.ts';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';

let t: ApiTestApp;
let call: ReturnType<typeof apiClient>;
let base = '';
let componentId = '';
let incidentId = '';
before(async () => {
  t = await createApiTestApp();
  call = apiClient(t);
  base = `/v1/pages/${t.pageId}`;
  componentId = (await createComponent(t.ctx, { name: 'API' })).id;
  incidentId = (await openIncident(t.ctx, { name: 'Errors', components: { [componentId]: 'degraded_performance' } })).id;
});
after(async () => t.close());

/** Everything a write could touch, to compare before and after a refused request. */
async function snapshot() {
  return JSON.stringify({ components: await listComponentsInOrder(t.ctx), incidents: await queryIncidents(t.ctx) });
}

const writes: [string, 'POST' | 'PATCH' | 'PUT' | 'DELETE', () => string, () => unknown][] = [
  ['create a component', 'POST', () => `${base}/components`, () => ({ component: { name: 'New' } })],
  ['change a component', 'PATCH', () => `${base}/components/${componentId}`, () => ({ component: { status: 'major_outage' } })],
  ['delete a component', 'DELETE', () => `${base}/components/${componentId}`, () => undefined],
  [
    'open an incident',
    'POST',
    () => `${base}/incidents`,
    () => ({ incident: { name: 'Down', components: { [componentId]: 'major_outage' } } }),
  ],
  ['resolve an incident', 'PATCH', () => `${base}/incidents/${incidentId}`, () => ({ incident: { status: 'resolved' } })],
  ['delete an incident', 'DELETE', () => `${base}/incidents/${incidentId}`, () => undefined],
  ['write a postmortem', 'PUT', () => `${base}/incidents/${incidentId}/postmortem`, () => ({ postmortem: { body_draft: 'x' } })],
  ['rename the page', 'PATCH', () => `/v1/pages/${t.pageId}`, () => ({ page: { name: 'Hacked' } })],
];

test('a write without a key is refused with 401 and changes nothing', async () => {
  const before = await snapshot();
  for (const [what, method, url, json] of writes) {
    const body = json();
    const response = await call(method, url(), { key: null, ...(body !== undefined && { json: body }) });
    assert.equal(response.statusCode, 401, what);
    assert.match(response.json().message, /API key is required.*OAuth/, what);
  }
  assert.equal(await snapshot(), before);
});

test('a write with a read-only key is refused with 403 and changes nothing, while reading works', async () => {
  const before = await snapshot();
  for (const [what, method, url, json] of writes) {
    const body = json();
    const response = await call(method, url(), { key: t.readKey, ...(body !== undefined && { json: body }) });
    assert.equal(response.statusCode, 403, what);
    assert.deepEqual(response.json(), { message: 'This API key is read-only; changes need a read-write key.' }, what);
  }
  assert.equal(await snapshot(), before);
  const read = await call('GET', `${base}/incidents/${incidentId}`, { key: t.readKey });
  assert.equal(read.statusCode, 200);
  assert.equal(read.json().name, 'Errors');
});

test('an unknown or revoked key is refused with 401; Bearer and ?api_key= are accepted', async () => {
  const { key, info } = await createApiKey(t.ctx, { name: 'Old laptop', scope: 'write' });
  assert.equal((await call('GET', `${base}/components`, { key })).statusCode, 200);
  assert.equal((await call('GET', `${base}/components`, { key: null, headers: { authorization: `Bearer ${key}` } })).statusCode, 200);
  assert.equal((await call('GET', `${base}/components?api_key=${key}`, { key: null })).statusCode, 200);
  await revokeApiKey(t.ctx, info.id);
  const revoked = await call('GET', `${base}/components`, { key });
  assert.equal(revoked.statusCode, 401);
  assert.deepEqual(revoked.json(), { message: 'The API key is not valid or has been revoked.' });
  assert.equal((await call('GET', `${base}/components`, { key: 'avk_not-a-real-key' })).statusCode, 401);
  assert.ok((await listApiKeys(t.ctx)).some((k) => k.id === info.id && k.revokedAt !== null));
});

test('a malformed body gets 400, an invalid field 422 naming it, and nothing changes', async () => {
  const before = await snapshot();
  const empty = await call('POST', `${base}/incidents`, { headers: { 'content-type': 'application/json' } });
  assert.equal(empty.statusCode, 400);
  const notJson = await t.aviso.app.inject({
    method: 'POST',
    url: `${base}/incidents`,
    headers: { authorization: `OAuth ${t.writeKey}`, 'content-type': 'application/json' },
    payload: '{"incident": ',
  });
  assert.equal(notJson.statusCode, 400);
  assert.equal(notJson.json().message, 'The body is not valid JSON.');
  const unwrapped = await call('POST', `${base}/incidents`, { json: { name: 'No wrapper' } });
  assert.equal(unwrapped.statusCode, 400);
  assert.match(unwrapped.json().message, /"incident" object/);
  const badForm = await call('POST', `${base}/incidents`, { form: 'incident[name=x' });
  assert.equal(badForm.statusCode, 400);

  const cases: [unknown, RegExp][] = [
    [{ incident: { name: '' } }, /^incident\.name: /],
    [{ incident: { body: 'no name' } }, /^incident\.name: is required/],
    [{ incident: { name: 'x', status: 'exploded' } }, /^incident\.status: /],
    [{ incident: { name: 'x', components: { [componentId]: 'on_fire' } } }, new RegExp(`^incident\\.components\\.${componentId}: `)],
    [{ incident: { name: 'x', impact_override: 'apocalyptic' } }, /^incident\.impact_override: /],
    [{ incident: { name: 'x', status: 'scheduled' } }, /^incident\.scheduled_for: is required/],
    [{ incident: { name: 'x', scheduled_for: 'tomorrow-ish', scheduled_until: '2025-11-21T00:00:00Z' } }, /^incident\.scheduled_for: /],
    [{ incident: { name: 'x', deliver_notifications: 'perhaps' } }, /^incident\.deliver_notifications: /],
  ];
  for (const [json, message] of cases) {
    const response = await call('POST', `${base}/incidents`, { json });
    assert.equal(response.statusCode, 422, JSON.stringify(json));
    assert.match(response.json().message, message);
  }
  const badComponent = await call('PATCH', `${base}/components/${componentId}`, { form: 'component[status]=sideways' });
  assert.equal(badComponent.statusCode, 422);
  assert.match(badComponent.json().message, /^component\.status: /);
  const badDate = await call('POST', `${base}/components`, { json: { component: { name: 'x', start_date: '20/11/2025' } } });
  assert.equal(badDate.statusCode, 422);
  assert.match(badDate.json().message, /^component\.start_date: must be a date/);
  assert.equal(await snapshot(), before);
});

test('unknown ids and a wrong page id answer 404 with a message', async () => {
  const missing = 'zzzzzzzzzzzz';
  const cases: [string, 'GET' | 'PATCH' | 'DELETE' | 'PUT', string, unknown][] = [
    ['component', 'GET', `${base}/components/${missing}`, undefined],
    ['component', 'PATCH', `${base}/components/${missing}`, { component: { name: 'x' } }],
    ['component', 'DELETE', `${base}/components/${missing}`, undefined],
    ['group', 'GET', `${base}/component-groups/${missing}`, undefined],
    ['group uptime', 'GET', `${base}/component-groups/${missing}/uptime`, undefined],
    ['incident', 'GET', `${base}/incidents/${missing}`, undefined],
    ['incident', 'PATCH', `${base}/incidents/${missing}`, { incident: { status: 'resolved' } }],
    ['incident', 'DELETE', `${base}/incidents/${missing}.json`, undefined],
    ['postmortem', 'GET', `${base}/incidents/${missing}/postmortem`, undefined],
    ['update', 'PATCH', `${base}/incidents/${incidentId}/incident_updates/${missing}`, { incident_update: { body: 'x' } }],
    ['route', 'GET', `${base}/metrics_providers`, undefined],
  ];
  for (const [what, method, url, json] of cases) {
    const response = await call(method, url, json === undefined ? {} : { json });
    assert.equal(response.statusCode, 404, `${what} ${url}`);
    assert.equal(typeof response.json().message, 'string', what);
  }
  const wrongPage = await call('GET', '/v1/pages/aaaaaaaaaaaa/components');
  assert.equal(wrongPage.statusCode, 404);
  assert.deepEqual(wrongPage.json(), { message: 'No page has the id "aaaaaaaaaaaa".' });
  assert.equal((await call('PATCH', '/v1/pages/aaaaaaaaaaaa', { json: { page: { name: 'x' } } })).statusCode, 404);
});

test('each key has its own rate limit: past it, 429 with a message and retry headers', async () => {
  const { key } = await createApiKey(t.ctx, { name: 'Busy script', scope: 'read' });
  const statuses: number[] = [];
  let last;
  for (let i = 0; i < 61; i++) {
    last = await call('GET', `${base}/components`, { key });
    statuses.push(last.statusCode);
  }
  assert.deepEqual(statuses.slice(0, 60), Array(60).fill(200));
  assert.equal(last!.statusCode, 429);
  assert.match(last!.json().message, /^Rate limit exceeded: 60 requests per 60 seconds/);
  assert.equal(last!.headers['x-ratelimit-limit'], '60');
  assert.equal(last!.headers['x-ratelimit-remaining'], '0');
  assert.ok(Number(last!.headers['retry-after']) > 0);
  // Another key is not slowed down by this one.
  assert.equal((await call('GET', `${base}/components`, { key: t.readKey })).statusCode, 200);
});
