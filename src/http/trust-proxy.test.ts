import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, createAdminTestApp, testPassword } from '../../test/support/admin-client.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createUser, loginThrottle } from '../modules/accounts/index.ts';
import { listAuditEvents } from '../modules/audit/index.ts';
import { requestsPerIpPerHour } from '../modules/subscribers/index.ts';
import { parseTrustProxy } from './trust-proxy.ts';

test('AVISO_TRUST_PROXY trusts nobody by default, and reads true, a hop count or a list of addresses and ranges', () => {
  assert.deepEqual(parseTrustProxy(undefined), { ok: true, trustProxy: false });
  assert.deepEqual(parseTrustProxy('false'), { ok: true, trustProxy: false });
  assert.deepEqual(parseTrustProxy('0'), { ok: true, trustProxy: false });
  assert.deepEqual(parseTrustProxy('true'), { ok: true, trustProxy: true });
  assert.deepEqual(parseTrustProxy('2'), { ok: true, trustProxy: 2 });
  assert.deepEqual(parseTrustProxy('10.0.0.0/8, 192.0.2.7,fd00::/8 ,loopback'), {
    ok: true,
    trustProxy: ['10.0.0.0/8', '192.0.2.7', 'fd00::/8', 'loopback'],
  });
  assert.equal(loadConfig({ AVISO_EXAMPLE: 'none' }).trustProxy, false);
  for (const wrong of ['yes', '10.0.0.0/33', '10.1', '0x7f.0.0.1', 'proxy.example.com', '10.0.0.0/8/1', '1000']) {
    assert.equal(parseTrustProxy(wrong).ok, false, wrong);
  }
  assert.throws(
    () => loadConfig({ AVISO_EXAMPLE: 'none', AVISO_TRUST_PROXY: '10.0.0.0/8,frontend' }),
    (error: unknown) => error instanceof ConfigError && /AVISO_TRUST_PROXY: .*not an address or range: frontend/.test(error.message),
  );
});

const spoofed = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` });

test('a spoofed X-Forwarded-For changes neither the audit address nor the per-address limits without AVISO_TRUST_PROXY', async (t) => {
  // An SMTP server is configured (never reached: no job runs), so the form takes email subscriptions.
  const app = await createAdminTestApp({ env: { AVISO_SMTP_URL: 'smtp://127.0.0.1:9' } });
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'owner' });

  const login = await new AdminClient(app.aviso).login('ana@example.com', testPassword, spoofed(99));
  assert.equal(login.statusCode, 303);
  const [event] = await listAuditEvents(app.ctx, { entityType: 'user', limit: 1 }, { withAddresses: true });
  assert.deepEqual(event?.after, { ip: '127.0.0.1' }, 'the audit log records the connection, not the header');

  // Failed logins from one connection, each claiming another address, still count against it.
  for (let i = 0; i < loginThrottle.perIp; i++) {
    const failed = await new AdminClient(app.aviso).login(`nobody${i}@example.com`, 'wrong password', spoofed(i));
    assert.equal(failed.statusCode, 401);
  }
  const refused = await new AdminClient(app.aviso).login('ana@example.com', testPassword, spoofed(50));
  assert.equal(refused.statusCode, 429);

  // The visitors' subscribe form: the hourly limit per address holds whatever the header says.
  const subscribe = (i: number) =>
    app.aviso.app.inject({
      method: 'POST',
      url: '/subscriptions',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...spoofed(i) },
      payload: new URLSearchParams({ channel: 'email', address: `reader${i}@example.com` }).toString(),
    });
  for (let i = 0; i < requestsPerIpPerHour; i++) assert.equal((await subscribe(i)).statusCode, 200);
  assert.equal((await subscribe(requestsPerIpPerHour)).statusCode, 429);
});

test('behind a proxy the operator names, the address it forwards is the client, in the audit log and the limits', async (t) => {
  const app = await createAdminTestApp({ env: { AVISO_TRUST_PROXY: '127.0.0.1/32' } });
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'owner' });
  // The proxy appends the address it saw; whatever the client wrote before it is not believed.
  const login = await new AdminClient(app.aviso).login('ana@example.com', testPassword, {
    'x-forwarded-for': '198.51.100.66, 192.0.2.44',
  });
  assert.equal(login.statusCode, 303);
  const [event] = await listAuditEvents(app.ctx, { entityType: 'user', limit: 1 }, { withAddresses: true });
  assert.deepEqual(event?.after, { ip: '192.0.2.44' });

  for (let i = 0; i < loginThrottle.perIp; i++) {
    await new AdminClient(app.aviso).login(`nobody${i}@example.com`, 'wrong password', { 'x-forwarded-for': '192.0.2.13' });
  }
  assert.equal(
    (await new AdminClient(app.aviso).login('ana@example.com', testPassword, { 'x-forwarded-for': '192.0.2.13' })).statusCode,
    429,
  );
  assert.equal(
    (await new AdminClient(app.aviso).login('ana@example.com', testPassword, { 'x-forwarded-for': '192.0.2.14' })).statusCode,
    303,
  );
});

test('a hop count trusts that many proxies and no more', async (t) => {
  const app = await createAdminTestApp({ env: { AVISO_TRUST_PROXY: '1' } });
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'owner' });
  await new AdminClient(app.aviso).login('ana@example.com', testPassword, { 'x-forwarded-for': '198.51.100.66, 192.0.2.44' });
  const [event] = await listAuditEvents(app.ctx, { entityType: 'user', limit: 1 }, { withAddresses: true });
  assert.deepEqual(event?.after, { ip: '192.0.2.44' });
});
