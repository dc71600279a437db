import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { AdminClient, createAdminTestApp, testPassword, type AdminTestApp } from '../../../test/support/admin-client.ts';
import { startOidcProvider, type TestOidcProvider } from '../../../test/support/oidc-provider.ts';
import { createUser, listUsers, requireTwoFactor } from '../../modules/accounts/index.ts';
import { listAuditEvents } from '../../modules/audit/index.ts';

const publicUrl = 'http://status.example.test';
const callback = `${publicUrl}/admin/oidc/callback`;
let provider: TestOidcProvider;

before(async () => {
  provider = await startOidcProvider({ redirectUri: callback });
  provider.identities.set('ana', { email: 'ana@example.com', email_verified: true, name: 'Ana Idp', groups: ['staff'] });
  provider.identities.set('unverified', { email: 'ana@example.com', email_verified: false, name: 'Not Ana' });
  provider.identities.set('outsider', { email: 'eve@elsewhere.org', email_verified: true, name: 'Eve' });
  provider.identities.set('newcomer', { email: 'nia@example.com', email_verified: true, name: 'Nia', groups: ['staff', 'status-admins'] });
  provider.identities.set('stranger', { email: 'sam@example.com', email_verified: true, name: 'Sam', groups: ['staff'] });
});
after(() => provider.close());

async function appWith(env: Record<string, string> = {}): Promise<AdminTestApp> {
  return createAdminTestApp({
    env: {
      AVISO_PUBLIC_URL: publicUrl,
      AVISO_OIDC_ISSUER: provider.issuer,
      AVISO_OIDC_CLIENT_ID: provider.clientId,
      AVISO_OIDC_CLIENT_SECRET: provider.clientSecret,
      AVISO_OIDC_NAME: 'Example SSO',
      ...env,
    },
  });
}

/** A browser at the provider: follows its redirects with its cookies and submits its login form. */
async function throughProvider(start: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  let body: string | undefined;
  for (let hop = 0; hop < 15; hop++) {
    if (url.startsWith(publicUrl)) return url;
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body !== undefined && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(body !== undefined && { body }),
    });
    body = undefined;
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (location !== null) {
      url = new URL(location, url).href;
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    assert.ok(action, `the provider shows its login form (got ${response.status})`);
    url = new URL(action.replaceAll('&amp;', '&'), url).href;
    body = new URLSearchParams({ prompt: 'login', login, password: 'anything' }).toString();
  }
  throw new Error('the provider never sent the browser back');
}

async function signIn(client: AdminClient, login: string): Promise<LightMyRequestResponse> {
  const start = await client.get('/admin/oidc/start?next=%2Fadmin%2Fincidents');
  assert.equal(start.statusCode, 303);
  const authorize = new URL(String(start.headers.location));
  assert.equal(authorize.origin, provider.issuer);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(authorize.searchParams.get('state'));
  assert.ok(authorize.searchParams.get('nonce'));
  assert.equal(authorize.searchParams.get('redirect_uri'), callback);
  const back = await throughProvider(authorize.href, login);
  return client.get(back.slice(publicUrl.length));
}

test('the login page offers the provider, and a verified email signs in the member who has it', async (t) => {
  const app = await appWith();
  t.after(() => app.close());
  const ana = await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const client = new AdminClient(app.aviso);
  const login = await client.get('/admin/login');
  assert.match(login.body, /href="\/admin\/oidc\/start\?next=%2Fadmin"[^>]*>\s*Sign in with Example SSO/);

  const done = await signIn(client, 'ana');
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/admin/incidents');
  assert.ok(client.cookies.has('aviso_session'));
  assert.equal(client.cookies.has('aviso_oidc'), false, 'the state cookie is used once');
  const dashboard = await client.get('/admin');
  assert.match(dashboard.body, /Ana \(editor\)/);

  const events = await listAuditEvents(app.ctx, { entityType: 'user', entityId: ana.id }, { withAddresses: true });
  const entry = events.find((e) => e.action === 'user.log_in');
  assert.deepEqual(entry?.after, { method: 'oidc', issuer: provider.issuer, subject: 'ana', ip: '127.0.0.1' });
  assert.equal((await listUsers(app.ctx)).length, 1, 'nobody was added');
});

test('the team’s two-factor rule leaves sign-in through the provider to the provider', async (t) => {
  const app = await appWith();
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  await requireTwoFactor(app.ctx, { required: true });
  const client = new AdminClient(app.aviso);
  assert.equal((await signIn(client, 'ana')).statusCode, 303);
  assert.equal((await client.get('/admin/incidents')).statusCode, 200, 'not sent to set up an authenticator app');
  const withPassword = new AdminClient(app.aviso);
  await withPassword.login('ana@example.com', testPassword);
  assert.equal((await withPassword.get('/admin/incidents')).headers.location, '/admin/account?notice=two-factor-required');
});

test('an unverified email and a domain outside the allow-list are refused with a reason, and logged', async (t) => {
  const app = await appWith({ AVISO_OIDC_ALLOWED_DOMAINS: 'example.com' });
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  await createUser(app.ctx, { email: 'eve@elsewhere.org', name: 'Eve', password: testPassword, role: 'admin' });

  const unverified = new AdminClient(app.aviso);
  const first = await signIn(unverified, 'unverified');
  assert.equal(first.statusCode, 403);
  assert.match(first.body, /Example SSO has not verified ana@example.com/);
  assert.equal(unverified.cookies.has('aviso_session'), false);

  const outsider = new AdminClient(app.aviso);
  const second = await signIn(outsider, 'outsider');
  assert.equal(second.statusCode, 403);
  assert.match(second.body, /open to addresses at example.com only/);
  assert.equal(outsider.cookies.has('aviso_session'), false);

  const refusals = (await listAuditEvents(app.ctx, {})).filter((e) => e.action === 'user.log_in_refused');
  assert.deepEqual(refusals.map((e) => (e.after as { reason: string }).reason).sort(), ['domain_not_allowed', 'email_not_verified']);
});

test('a person with no member is refused by default; with new members allowed the role follows the group claim', async (t) => {
  const closed = await appWith({ AVISO_OIDC_ROLE_CLAIM: 'groups', AVISO_OIDC_ROLE_MAP: 'status-admins=admin' });
  t.after(() => closed.close());
  const refused = await signIn(new AdminClient(closed.aviso), 'newcomer');
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /No team member uses nia@example.com/);
  assert.equal((await listUsers(closed.ctx)).length, 0);

  const open = await appWith({
    AVISO_OIDC_ROLE_CLAIM: 'groups',
    AVISO_OIDC_ROLE_MAP: 'staff=viewer,status-admins=admin',
    AVISO_OIDC_NEW_MEMBERS: 'viewer',
  });
  t.after(() => open.close());
  await createUser(open.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const nia = new AdminClient(open.aviso);
  assert.equal((await signIn(nia, 'newcomer')).statusCode, 303);
  // The highest mapped role wins; an existing member takes the role the provider says on each sign-in.
  assert.equal((await signIn(new AdminClient(open.aviso), 'ana')).statusCode, 303);
  const team = Object.fromEntries((await listUsers(open.ctx)).map((u) => [u.email, `${u.name}/${u.role}`]));
  assert.deepEqual(team, { 'ana@example.com': 'Ana/viewer', 'nia@example.com': 'Nia/admin' });
});

test('an answer that does not match the sign-in this browser started is refused', async (t) => {
  const app = await appWith();
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const victim = new AdminClient(app.aviso);
  const start = await victim.get('/admin/oidc/start');
  const back = await throughProvider(String(start.headers.location), 'ana');
  // The attacker's browser (without the state cookie) and a tampered state both fail.
  const attacker = new AdminClient(app.aviso);
  const stolen = await attacker.get(back.slice(publicUrl.length));
  assert.equal(stolen.statusCode, 401);
  assert.match(stolen.body, /has expired; start it again/);
  const tampered = new URL(back);
  tampered.searchParams.set('state', 'forged');
  const wrongState = await victim.get(tampered.href.slice(publicUrl.length));
  assert.equal(wrongState.statusCode, 401);
  assert.match(wrongState.body, /could not be verified/);
  assert.equal(victim.cookies.has('aviso_session'), false);
  assert.equal(attacker.cookies.has('aviso_session'), false);
});

test('without AVISO_OIDC_ISSUER there is no button and the routes do not exist', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const client = new AdminClient(app.aviso);
  assert.doesNotMatch((await client.get('/admin/login')).body, /oidc\/start/, 'no button for a provider');
  assert.equal((await client.get('/admin/oidc/start')).statusCode, 404);
});
