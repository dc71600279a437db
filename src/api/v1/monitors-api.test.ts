import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JobWorker, listJobs } from '../../jobs/index.ts';
import { checkJobName, createMonitorHandlers } from '../../modules/monitors/index.ts';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';

let t: ApiTestApp;
let trusting: ApiTestApp;
let target: Server;
let targetUrl: string;
let status = 200;
before(async () => {
  t = await createApiTestApp();
  trusting = await createApiTestApp({ env: { AVISO_API_MONITORS_MAY_REACH_PRIVATE: 'true' } });
  target = createServer((req, res) =>
    req.url === '/status.json'
      ? res.writeHead(status, { 'content-type': 'application/json' }).end('{"status":{"indicator":"minor"}}')
      : res.writeHead(status).end('ok'),
  );
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
});
after(async () => {
  await t.close();
  await trusting.close();
  await new Promise((resolve) => target.close(resolve));
});

async function call(app: ApiTestApp, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object, key = app.writeKey) {
  return app.aviso.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(body !== undefined && { payload: body }) });
}

test('an API key adds, tests, pauses and deletes a monitor; the audit log records each change', async () => {
  const component = (await call(trusting, 'POST', '/api/v1/components', { name: 'Website' })).json();
  const created = await call(trusting, 'POST', '/api/v1/monitors', {
    name: 'Home page',
    kind: 'http',
    componentId: component.id,
    intervalSeconds: 30,
    timeoutMs: 2000,
    allowPrivate: true,
    settings: { url: targetUrl, expectedStatus: ['200'] },
  });
  assert.equal(created.statusCode, 201, created.body);
  const monitor = created.json();
  assert.deepEqual([monitor.state, monitor.pushUrl, monitor.settings.method], ['unknown', null, 'GET']);

  const tested = await call(trusting, 'POST', `/api/v1/monitors/${monitor.id}/test`);
  assert.equal(tested.json().outcome, 'up');
  status = 503;
  assert.deepEqual((await call(trusting, 'POST', `/api/v1/monitors/${monitor.id}/test`)).json().reason, 'answered 503, expected 200');
  status = 200;
  assert.equal((await call(trusting, 'GET', `/api/v1/monitors/${monitor.id}`)).json().lastCheckedAt, null, '"test now" changes nothing');

  assert.equal(monitor.publicChart, false);
  const charted = await call(trusting, 'PATCH', `/api/v1/monitors/${monitor.id}`, { publicChart: true });
  assert.equal(charted.json().publicChart, true, 'its response times are drawn on the public page');
  const heartbeat = await call(trusting, 'POST', '/api/v1/monitors', { name: 'Backup', kind: 'heartbeat', publicChart: true });
  assert.deepEqual([heartbeat.statusCode, heartbeat.json().error.details[0].path], [400, 'publicChart']);

  const paused = await call(trusting, 'PATCH', `/api/v1/monitors/${monitor.id}`, { paused: true });
  assert.equal(paused.json().paused, true);
  assert.equal((await call(trusting, 'GET', '/api/v1/monitors', undefined, trusting.readKey)).json().monitors.length, 1);
  assert.equal((await call(trusting, 'DELETE', `/api/v1/monitors/${monitor.id}`)).statusCode, 204);
  assert.equal((await call(trusting, 'GET', `/api/v1/monitors/${monitor.id}`)).json().error.code, 'monitor_not_found');
  const audit = (await call(trusting, 'GET', '/api/v1/audit-events?entityType=monitor')).json().auditEvents;
  assert.deepEqual(
    audit.map((e: { action: string; actor: { name: string } }) => [e.action, e.actor.name]),
    [
      ['monitor.delete', 'Deploy bot'],
      ['monitor.update', 'Deploy bot'],
      ['monitor.update', 'Deploy bot'],
      ['monitor.create', 'Deploy bot'],
    ],
  );
});

test('API keys reach private addresses only when the operator allows it; invalid monitors are a 400 naming the field', async () => {
  const privateMonitor = { name: 'Internal', kind: 'tcp', allowPrivate: true, settings: { host: '127.0.0.1', port: 5432 } };
  const refused = await call(t, 'POST', '/api/v1/monitors', privateMonitor);
  assert.deepEqual([refused.statusCode, refused.json().error.code], [403, 'forbidden']);
  const publicOnly = (await call(t, 'POST', '/api/v1/monitors', { ...privateMonitor, allowPrivate: false })).json();
  assert.equal((await call(t, 'POST', `/api/v1/monitors/${publicOnly.id}/test`)).json().reason, 'the address is not public');

  const invalid = await call(t, 'POST', '/api/v1/monitors', { name: 'x', kind: 'http', settings: { url: 'file:///etc/passwd' } });
  assert.equal(invalid.statusCode, 400);
  assert.equal(invalid.json().error.code, 'validation_failed');
  assert.match(JSON.stringify(invalid.json().error.details), /settings\.url/);
  const readOnly = await call(t, 'POST', '/api/v1/monitors', { ...privateMonitor, allowPrivate: false }, t.readKey);
  assert.equal(readOnly.statusCode, 403);
});

test('a JSON-path assertion is kept, checked and edited through the API; a malformed path is a 400 naming the field', async () => {
  const settings = { url: `${targetUrl}status.json`, jsonAssertion: { path: '$.status.indicator', expected: 'none' } };
  const created = await call(trusting, 'POST', '/api/v1/monitors', { name: 'Upstream', kind: 'http', allowPrivate: true, settings });
  assert.equal(created.statusCode, 201, created.body);
  const monitor = created.json();
  assert.deepEqual(monitor.settings.jsonAssertion, { path: '$.status.indicator', comparison: 'equals', expected: 'none' });
  const tested = (await call(trusting, 'POST', `/api/v1/monitors/${monitor.id}/test`)).json();
  assert.deepEqual([tested.outcome, tested.reason], ['down', '$.status.indicator is "minor", expected "none"']);

  const edited = await call(trusting, 'PATCH', `/api/v1/monitors/${monitor.id}`, {
    settings: { ...settings, jsonAssertion: { path: "$['status'].indicator", comparison: 'not_equals', expected: 'major' } },
  });
  assert.equal(edited.json().settings.jsonAssertion.comparison, 'not_equals');
  assert.equal((await call(trusting, 'POST', `/api/v1/monitors/${monitor.id}/test`)).json().outcome, 'up');

  for (const path of ['status.indicator', '$.components[*].status', '$..status']) {
    const bad = { ...settings, jsonAssertion: { path, expected: 'none' } };
    for (const refused of [
      await call(trusting, 'POST', '/api/v1/monitors', { name: 'Bad', kind: 'http', allowPrivate: true, settings: bad }),
      await call(trusting, 'PATCH', `/api/v1/monitors/${monitor.id}`, { settings: bad }),
    ]) {
      assert.equal(refused.statusCode, 400, path);
      const error = refused.json().error;
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(
        error.details.map((d: { path: string }) => d.path),
        ['settings.jsonAssertion.path'],
      );
      assert.match(error.details[0].message, /is not a JSON path Aviso reads/);
    }
  }
  assert.equal((await call(trusting, 'GET', `/api/v1/monitors/${monitor.id}`)).json().settings.jsonAssertion.path, "$['status'].indicator");
  assert.equal(
    (await call(trusting, 'GET', '/api/v1/monitors')).json().monitors.filter((m: { name: string }) => m.name === 'Bad').length,
    0,
  );
});

test('a component has one writer: a monitor on a mirrored component, or a mirror on a monitored one, is a 409 naming the other', async () => {
  const mirror = { sourceUrl: 'https://status.upstream.example/', componentId: 'abc123' };
  const mailgun = (await call(t, 'POST', '/api/v1/components', { name: 'Mailgun', thirdParty: mirror })).json();
  const probe = { name: 'SMTP', kind: 'tcp', settings: { host: 'smtp.example.test', port: 25 } };
  const onMirror = await call(t, 'POST', '/api/v1/monitors', { ...probe, componentId: mailgun.id });
  assert.deepEqual([onMirror.statusCode, onMirror.json().error.code], [409, 'component_has_writer']);
  assert.match(onMirror.json().error.message, /"Mailgun" follows a third-party status page/);

  const api = (await call(t, 'POST', '/api/v1/components', { name: 'API' })).json();
  assert.equal((await call(t, 'POST', '/api/v1/monitors', { ...probe, name: 'API port', componentId: api.id })).statusCode, 201);
  const mirrored = await call(t, 'PATCH', `/api/v1/components/${api.id}`, { thirdParty: mirror });
  assert.deepEqual([mirrored.statusCode, mirrored.json().error.code], [409, 'component_has_writer']);
  assert.match(mirrored.json().error.message, /^"API" is already moved by the monitor "API port"/);
  assert.deepEqual(mirrored.json().error.details, [
    { path: 'thirdParty', message: 'cannot be set while the monitor "API port" moves this component' },
  ]);
  assert.equal((await call(t, 'GET', `/api/v1/components/${api.id}`)).json().thirdParty, null);
});

test('a heartbeat gets a secret URL once; calling it records a ping, a wrong token is a 404', async () => {
  const created = (
    await call(t, 'POST', '/api/v1/monitors', { name: 'Backup', kind: 'heartbeat', intervalSeconds: 3600, settings: { graceSeconds: 600 } })
  ).json();
  assert.match(created.pushUrl, /^http:\/\/127\.0\.0\.1:3000\/heartbeat\/[A-Za-z0-9_-]{32}$/);
  const path = new URL(created.pushUrl).pathname;
  assert.equal((await t.aviso.app.inject({ method: 'GET', url: path })).statusCode, 200);
  assert.equal((await call(t, 'GET', `/api/v1/monitors/${created.id}`)).json().lastPingAt, t.clock.now().toISOString());
  assert.equal((await t.aviso.app.inject({ method: 'POST', url: `/heartbeat/${'A'.repeat(32)}` })).statusCode, 404);
  assert.equal((await call(t, 'GET', `/api/v1/monitors/${created.id}`)).json().pushUrl, undefined, 'the URL is never shown again');
});

test('an API key gives a heartbeat a new secret URL, shown once; the old one stops at once and the audit log says so', async () => {
  const created = (
    await call(t, 'POST', '/api/v1/monitors', { name: 'Export', kind: 'heartbeat', intervalSeconds: 3600, settings: { graceSeconds: 600 } })
  ).json();
  const oldPath = new URL(created.pushUrl).pathname;
  assert.equal((await t.aviso.app.inject({ method: 'GET', url: oldPath })).statusCode, 200);
  const pinged = (await call(t, 'GET', `/api/v1/monitors/${created.id}`)).json().lastPingAt;

  assert.equal((await call(t, 'POST', `/api/v1/monitors/${created.id}/rotate-token`, undefined, t.readKey)).statusCode, 403);
  const rotated = await call(t, 'POST', `/api/v1/monitors/${created.id}/rotate-token`);
  assert.equal(rotated.statusCode, 200, rotated.body);
  assert.deepEqual([rotated.json().id, rotated.json().lastPingAt], [created.id, pinged], 'the last ping stays');
  const newPath = new URL(rotated.json().pushUrl).pathname;
  assert.match(newPath, /^\/heartbeat\/[A-Za-z0-9_-]{32}$/);
  assert.notEqual(newPath, oldPath);
  const stale = await t.aviso.app.inject({ method: 'POST', url: oldPath });
  assert.deepEqual([stale.statusCode, stale.json().error.code], [404, 'not_found']);
  assert.equal((await t.aviso.app.inject({ method: 'POST', url: newPath })).statusCode, 200);
  assert.equal((await call(t, 'GET', `/api/v1/monitors/${created.id}`)).json().pushUrl, undefined, 'the URL is shown once');

  const tcp = (
    await call(t, 'POST', '/api/v1/monitors', { name: 'SMTP', kind: 'tcp', settings: { host: 'mail.example.com', port: 25 } })
  ).json();
  const notHeartbeat = await call(t, 'POST', `/api/v1/monitors/${tcp.id}/rotate-token`);
  assert.deepEqual([notHeartbeat.statusCode, notHeartbeat.json().error.code], [409, 'conflict']);
  const missing = await call(t, 'POST', '/api/v1/monitors/zzzzzzzzzzzz/rotate-token');
  assert.deepEqual([missing.statusCode, missing.json().error.code], [404, 'monitor_not_found']);

  const audit = (await call(t, 'GET', `/api/v1/audit-events?entityType=monitor`)).json().auditEvents;
  assert.deepEqual(
    audit
      .filter((e: { entityId: string }) => e.entityId === created.id)
      .map((e: { action: string; actor: { name: string } }) => [e.action, e.actor.name]),
    [
      ['monitor.rotate_token', 'Deploy bot'],
      ['monitor.create', 'Deploy bot'],
    ],
  );
  assert.deepEqual(
    audit.filter((e: { entityId: string }) => e.entityId === tcp.id).map((e: { action: string }) => e.action),
    ['monitor.create'],
    'a refused rotation records nothing',
  );
});

test('a check that could not run shows as "no data" on the public bars, not as downtime', async () => {
  const component = (await call(trusting, 'POST', '/api/v1/components', { name: 'Checkout', startDate: '2025-11-20' })).json();
  const monitor = await call(trusting, 'POST', '/api/v1/monitors', {
    name: 'Checkout',
    kind: 'http',
    componentId: component.id,
    intervalSeconds: 60,
    timeoutMs: 2000,
    failureThreshold: 1,
    recoveryThreshold: 1,
    allowPrivate: true,
    settings: { url: targetUrl },
  });
  const worker = new JobWorker({ ctx: trusting.ctx, handlers: createMonitorHandlers({ outbound: trusting.aviso.deps.outbound }) });
  const due = async () => {
    // Only this monitor's next check: other tests' jobs may be pending on the same database.
    const jobs = await listJobs(trusting.ctx.db, { name: checkJobName, status: 'pending' });
    const job = jobs.find((j) => (j.payload as { monitorId?: string }).monitorId === monitor.json().id);
    if (job!.runAt > trusting.clock.now()) trusting.clock.set(job!.runAt);
    await worker.tick();
  };
  await due();
  status = 500;
  await due();
  assert.equal((await call(trusting, 'GET', `/api/v1/components/${component.id}`)).json().status, 'major_outage');
  // Aviso is down for three hours while the service recovers; then checks resume.
  trusting.clock.advance(3 * 3600_000);
  status = 200;
  await worker.tick();
  assert.equal((await call(trusting, 'GET', `/api/v1/components/${component.id}`)).json().status, 'operational');
  const page = await trusting.aviso.app.inject({ method: 'GET', url: '/' });
  // Today's bar: the minute of confirmed outage before Aviso stopped, then the hours it could not check.
  assert.match(page.body, /Major outage 1 min\nNo data for 2 hrs 59 mins \(checks could not run\)\./);
  // Three hours counted as downtime would be about 80%; without data they count as neither.
  assert.match(page.body, /<span class="bars-uptime">99\.86% uptime<\/span>/);
});
