import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listAuditEvents } from '../audit/index.ts';
import { createMonitor, getMonitor, recordHeartbeat, rotatePushToken } from './index.ts';

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(async () => {
  await t.close();
});

const heartbeat = { name: 'Nightly backup', kind: 'heartbeat', intervalSeconds: 3600, settings: { graceSeconds: 600 } } as const;

test('a heartbeat gets a new secret URL: the old one stops working at once, the last ping stays, the audit log says so without the URL', async () => {
  const { monitor, pushToken } = await createMonitor(t.ctx, heartbeat, { mayAllowPrivate: false });
  await recordHeartbeat(t.ctx, pushToken!);
  const pingedAt = t.clock.now().toISOString();
  t.clock.advance(60_000);

  const fresh = await rotatePushToken(t.ctx, monitor.id);
  assert.match(fresh, /^[A-Za-z0-9_-]{32}$/);
  assert.notEqual(fresh, pushToken);
  await assert.rejects(recordHeartbeat(t.ctx, pushToken!), { code: 'not_found' });
  assert.equal((await getMonitor(t.ctx, monitor.id)).status.lastPingAt?.toISOString(), pingedAt, 'a refused call records nothing');
  assert.deepEqual(await recordHeartbeat(t.ctx, fresh), { paused: false });
  assert.equal((await getMonitor(t.ctx, monitor.id)).status.lastPingAt?.toISOString(), t.clock.now().toISOString());

  const [entry] = await listAuditEvents(t.ctx, { entityId: monitor.id, limit: 1 });
  assert.deepEqual([entry?.action, entry?.before, entry?.after], ['monitor.rotate_token', null, null]);
  assert.doesNotMatch(JSON.stringify(entry), new RegExp(fresh));
});

test('only a heartbeat has a URL to replace; an unknown monitor is a monitor_not_found; a refusal changes nothing', async () => {
  const tcp = await createMonitor(
    t.ctx,
    { name: 'Mail', kind: 'tcp', settings: { host: 'mail.example.com', port: 25 } },
    { mayAllowPrivate: false },
  );
  await assert.rejects(rotatePushToken(t.ctx, tcp.monitor.id), { code: 'conflict', message: /"Mail" is a tcp monitor/ });
  await assert.rejects(rotatePushToken(t.ctx, 'zzzzzzzzzzzz'), { code: 'monitor_not_found' });
  const entries = await listAuditEvents(t.ctx, { entityId: tcp.monitor.id });
  assert.deepEqual(
    entries.map((e) => e.action),
    ['monitor.create'],
  );
});
