import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, createAdminTestApp, testPassword } from '../../../test/support/admin-client.ts';
import { SoftwareAuthenticator } from '../../../test/support/software-authenticator.ts';
import { createUser } from '../../modules/accounts/index.ts';

test('a member adds a passkey on their account screen, logs in with it from the login screen, and deletes it', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const publicUrl = new URL(app.aviso.deps.config.publicUrl);
  const device = new SoftwareAuthenticator(publicUrl.origin);
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const ana = new AdminClient(app.aviso);
  await ana.login('ana@example.com', testPassword);

  const account = await ana.get('/admin/account');
  assert.match(account.body, /No passkeys yet/);
  assert.match(
    account.body,
    /<script src="\/admin\/assets\/webauthn.js" defer><\/script><script src="\/admin\/assets\/passkeys.js" defer>/,
  );
  const bundle = await ana.get('/admin/assets/webauthn.js');
  assert.equal(bundle.statusCode, 200);
  assert.match(bundle.body, /SimpleWebAuthnBrowser/, '@simplewebauthn/browser is served by Aviso itself');

  // The relying party comes from the public URL, whatever Host the request names.
  const options = await ana.post(
    '/admin/account/passkeys/options',
    {},
    { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } },
  );
  assert.equal(options.statusCode, 200);
  const creation = options.json() as { challenge: string; rp: { id: string }; user: { id: string } };
  assert.equal(creation.rp.id, publicUrl.hostname);
  const nameless = await ana.post('/admin/account/passkeys', { name: ' ', response: device.register(creation) });
  assert.equal(nameless.statusCode, 400);
  assert.equal((nameless.json() as { error: { code: string } }).error.code, 'validation_failed');
  const again = (await ana.post('/admin/account/passkeys/options', {})).json() as typeof creation;
  const added = await ana.post('/admin/account/passkeys', { name: 'Work laptop', response: device.register(again) });
  assert.equal(added.statusCode, 200);
  assert.deepEqual(added.json(), { location: '/admin/account?notice=passkey-added' });
  const listed = await ana.get('/admin/account?notice=passkey-added');
  assert.match(listed.body, /The passkey is added/);
  assert.match(listed.body, /<h3[^>]*>Work laptop<\/h3>/);

  const browser = new AdminClient(app.aviso);
  const login = await browser.get('/admin/login?next=%2Fadmin%2Fincidents');
  assert.match(login.body, /data-passkey-login[^>]*data-next="\/admin\/incidents"[^>]*hidden/, 'shown by the script only');
  const forged = await browser.post('/admin/passkeys/login/options', { _csrf: 'not the token' });
  assert.equal(forged.statusCode, 403);
  const request = (await browser.post('/admin/passkeys/login/options', {})).json() as { challenge: string; rpId: string };
  assert.equal(request.rpId, publicUrl.hostname);
  const done = await browser.post('/admin/passkeys/login', { response: device.authenticate(request), next: '/admin/incidents' });
  assert.equal(done.statusCode, 200);
  assert.deepEqual(done.json(), { location: '/admin/incidents' });
  assert.ok(browser.cookies.has('aviso_session'));
  assert.equal((await browser.get('/admin/incidents')).statusCode, 200);

  await ana.get('/admin/account');
  const id = /action="\/admin\/account\/passkeys\/([^/]+)\/delete"/.exec((await ana.get('/admin/account')).body)?.[1] ?? '';
  const removed = await ana.post(`/admin/account/passkeys/${id}/delete`, {});
  assert.equal(removed.headers.location, '/admin/account?notice=passkey-removed');
  const stranger = new AdminClient(app.aviso);
  await stranger.get('/admin/login');
  const late = (await stranger.post('/admin/passkeys/login/options', {})).json() as { challenge: string };
  const refused = await stranger.post('/admin/passkeys/login', { response: device.authenticate(late) });
  assert.equal(refused.statusCode, 401);
  assert.match((refused.json() as { error: { message: string } }).error.message, /not registered/);
  assert.equal(stranger.cookies.has('aviso_session'), false);
});
