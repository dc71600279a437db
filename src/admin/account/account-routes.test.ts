import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, createAdminTestApp, testPassword } from '../../../test/support/admin-client.ts';
import { createUser, totpCodeAt } from '../../modules/accounts/index.ts';

test('a member turns on two-factor login in the admin, logs in with the app and with a recovery code, and turns it off', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const ana = new AdminClient(app.aviso);
  await ana.login('ana@example.com', testPassword);

  const account = await ana.get('/admin/account');
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /Set up two-factor login/);
  const enrol = await ana.post('/admin/account/two-factor/start', {});
  assert.equal(enrol.statusCode, 200);
  const secret = /<code id="totp-secret" class="break">([A-Z2-7]+)<\/code>/.exec(enrol.body)?.[1] ?? '';
  assert.ok(secret.length >= 32, 'the key to type into the app is shown');
  assert.match(enrol.body, /otpauth:\/\/totp\/Aviso:ana%40example\.com\?issuer=Aviso&amp;secret=/);

  const wrong = await ana.post('/admin/account/two-factor/confirm', { code: '000000', secret });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /The code is not right/);
  assert.match(wrong.body, new RegExp(secret), 'the same key is shown again');
  const on = await ana.post('/admin/account/two-factor/confirm', { code: totpCodeAt(secret, app.clock.now()), secret });
  assert.equal(on.statusCode, 200);
  const codes = [...on.body.matchAll(/<li><code>([0-9a-f]{5}-[0-9a-f]{5})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 10);

  const passwordOnly = await new AdminClient(app.aviso).login('ana@example.com', testPassword);
  assert.equal(passwordOnly.statusCode, 401);
  assert.match(passwordOnly.body, /Enter the code from your authenticator app, or a recovery code/);
  const client = new AdminClient(app.aviso);
  await client.get('/admin/login');
  const withApp = await client.post('/admin/login', {
    email: 'ana@example.com',
    password: testPassword,
    code: totpCodeAt(secret, app.clock.now()),
  });
  assert.equal(withApp.statusCode, 303);
  assert.equal((await client.get('/admin')).statusCode, 200);
  const other = new AdminClient(app.aviso);
  await other.get('/admin/login');
  assert.equal((await other.post('/admin/login', { email: 'ana@example.com', password: testPassword, code: codes[0]! })).statusCode, 303);
  const reused = new AdminClient(app.aviso);
  await reused.get('/admin/login');
  assert.equal((await reused.post('/admin/login', { email: 'ana@example.com', password: testPassword, code: codes[0]! })).statusCode, 401);

  await client.get('/admin/account');
  const refused = await client.post('/admin/account/two-factor/disable', { password: 'not the password' });
  assert.equal(refused.statusCode, 401);
  const off = await client.post('/admin/account/two-factor/disable', { password: testPassword });
  assert.equal(off.statusCode, 303);
  assert.equal((await new AdminClient(app.aviso).login('ana@example.com', testPassword)).statusCode, 303);
});
