import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { getMonitor } from '../../modules/monitors/index.ts';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';
import { heartbeatBodyLimit, heartbeatRateLimit } from './heartbeat-routes.ts';

let t: ApiTestApp;
before(async () => {
  t = await createApiTestApp();
});
after(async () => {
  await t.close();
});

/** A new heartbeat; its secret path, and when it was last pinged. */
async function heartbeat(name: string) {
  const created = await t.aviso.app.inject({
    method: 'POST',
    url: '/api/v1/monitors',
    headers: { authorization: `Bearer ${t.writeKey}` },
    payload: { name, kind: 'heartbeat', intervalSeconds: 3600, settings: { graceSeconds: 600 } },
  });
  const { id, pushUrl } = created.json() as { id: string; pushUrl: string };
  return {
    id,
    path: new URL(pushUrl).pathname,
    lastPing: async () => (await getMonitor(t.ctx, id)).status.lastPingAt?.toISOString() ?? null,
  };
}

const ping = (options: InjectOptions & { url: string }, remoteAddress: string) => t.aviso.app.inject({ remoteAddress, ...options });
const tick = () => (t.clock.advance(1000), t.clock.now().toISOString());
const errorOf = (response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  assert.match(
    String(response.headers['content-type']),
    /^application\/json/,
    'a curl in a cron job reads JSON, never the HTML error page',
  );
  return [response.statusCode, (response.json() as { error: { code: string } }).error.code];
};

test('GET, POST with any body and HEAD each record a ping; a paused heartbeat still takes it and says so', async () => {
  const backup = await heartbeat('Backup');
  const from = '10.1.0.1';
  const calls: InjectOptions[] = [
    { method: 'GET' },
    { method: 'POST' },
    { method: 'POST', payload: 'a=1&a=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { method: 'POST', payload: 'backup done\n12 GB written\n', headers: { 'content-type': 'text/plain' } },
    { method: 'POST', payload: '{"not json', headers: { 'content-type': 'application/json' } },
    { method: 'POST', payload: Buffer.alloc(heartbeatBodyLimit, 'x'), headers: { 'content-type': 'application/octet-stream' } },
  ];
  for (const call of calls) {
    const at = tick();
    const answer = await ping({ ...call, url: backup.path }, from);
    assert.equal(answer.statusCode, 200, `${call.method} ${String(call.headers?.['content-type'])}: ${answer.body}`);
    assert.deepEqual(answer.json(), { ok: true, paused: false });
    assert.equal(answer.headers['cache-control'], 'no-store');
    assert.equal(await backup.lastPing(), at);
  }
  const at = tick();
  const head = await ping({ method: 'HEAD', url: backup.path }, from);
  assert.deepEqual([head.statusCode, head.body], [200, '']);
  assert.equal(await backup.lastPing(), at, 'HEAD counts, as some uptime tools ping with it');

  const paused = await t.aviso.app.inject({
    method: 'PATCH',
    url: `/api/v1/monitors/${backup.id}`,
    headers: { authorization: `Bearer ${t.writeKey}` },
    payload: { paused: true },
  });
  assert.equal(paused.statusCode, 200);
  const pausedAt = tick();
  const answer = await ping({ method: 'GET', url: backup.path }, from);
  assert.deepEqual([answer.statusCode, answer.json()], [200, { ok: true, paused: true }]);
  assert.equal(await backup.lastPing(), pausedAt, 'resuming starts from the last ping that arrived');
});

test('an unknown token, a wrong method and a body over the limit are JSON errors with stable codes, and record nothing', async () => {
  const backup = await heartbeat('Nightly export');
  const from = '10.1.0.2';
  await ping({ method: 'GET', url: backup.path }, from);
  const pinged = await backup.lastPing();
  tick();

  assert.deepEqual(errorOf(await ping({ method: 'GET', url: `/heartbeat/${'A'.repeat(32)}` }, from)), [404, 'not_found']);
  assert.deepEqual(errorOf(await ping({ method: 'POST', url: '/heartbeat/short' }, from)), [404, 'not_found']);
  assert.deepEqual(errorOf(await ping({ method: 'GET', url: '/heartbeat/' }, from)), [404, 'not_found']);
  for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
    const refused = await ping({ method, url: backup.path, payload: 'x', headers: { 'content-type': 'text/plain' } }, from);
    assert.deepEqual(errorOf(refused), [405, 'method_not_allowed'], method);
    assert.equal(refused.headers['allow'], 'GET, HEAD, POST');
    assert.match(refused.json().error.message, /GET, HEAD or POST; nothing was recorded/);
  }
  const huge = await ping(
    { method: 'POST', url: backup.path, payload: Buffer.alloc(heartbeatBodyLimit + 1, 'x'), headers: { 'content-type': 'text/plain' } },
    from,
  );
  assert.deepEqual(errorOf(huge), [413, 'payload_too_large']);
  assert.equal(await backup.lastPing(), pinged);
});

test('each address may call heartbeats a limited number of times a minute: every call within it is recorded, the next is a 429', async () => {
  const backup = await heartbeat('Every minute');
  const flood = '10.1.0.3';
  for (let i = 0; i < heartbeatRateLimit.max; i++) {
    const at = tick();
    // A token hunt counts too: every other call is to a URL that does not exist.
    const url = i % 2 === 0 ? backup.path : `/heartbeat/${String(i).padStart(32, 'B')}`;
    const answer = await ping({ method: 'GET', url }, flood);
    assert.equal(answer.statusCode, i % 2 === 0 ? 200 : 404, `call ${i + 1}`);
    if (i % 2 === 0) assert.equal(await backup.lastPing(), at, `call ${i + 1} recorded`);
  }
  const recorded = await backup.lastPing();
  tick();
  const limited = await ping({ method: 'GET', url: backup.path }, flood);
  assert.deepEqual(errorOf(limited), [429, 'rate_limited']);
  assert.match(limited.json().error.message, new RegExp(`at most ${heartbeatRateLimit.max} requests a minute`));
  assert.ok(Number(limited.headers['retry-after']) > 0, 'says when to try again');
  assert.equal(await backup.lastPing(), recorded, 'a refused call records nothing');

  const at = tick();
  assert.equal((await ping({ method: 'GET', url: backup.path }, '10.1.0.4')).statusCode, 200, 'another address is not limited');
  assert.equal(await backup.lastPing(), at);
});
