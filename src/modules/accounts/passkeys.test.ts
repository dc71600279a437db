import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { SoftwareAuthenticator } from '../../../test/support/software-authenticator.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import type { Ctx } from '../../shared/context.ts';
import { listAuditEvents } from '../audit/index.ts';
import {
  authenticateSession,
  beginPasskeyLogin,
  beginPasskeyRegistration,
  beginTwoFactor,
  createUser,
  enableTwoFactor,
  finishPasskeyRegistration,
  listPasskeys,
  listTeamFactors,
  logIn,
  logInWithPasskey,
  passkeySettingsFor,
  removePasskey,
  requireTwoFactor,
  totpCodeAt,
  type User,
} from './index.ts';

const password = 'correct horse battery';
const settings = passkeySettingsFor('https://status.example.com');
const ip = '192.0.2.1';

describe('passkeys (WebAuthn)', () => {
  let t: TestContext;
  let device: SoftwareAuthenticator;
  let ana: User;
  beforeEach(async () => {
    t = await createTestContext();
    device = new SoftwareAuthenticator(settings.origin);
    ana = await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'owner' });
  });
  afterEach(() => t.close());

  const as = (user: User): Ctx => ({ ...t.ctx, actor: { kind: 'user', id: user.id, name: user.name } });
  const register = async (name = 'Laptop', origin?: string) => {
    const options = await beginPasskeyRegistration(as(ana), settings, ana.id, ip);
    return finishPasskeyRegistration(as(ana), settings, ana.id, { name, response: device.register(options, origin) });
  };
  const logInWith = async (origin?: string) => {
    const options = await beginPasskeyLogin(t.ctx, settings, { ip });
    return logInWithPasskey(t.ctx, settings, { response: device.authenticate(options, undefined, origin), ip });
  };

  test('a member registers a passkey for the public URL’s host, logs in with it without an email, and deletes it', async () => {
    const options = await beginPasskeyRegistration(as(ana), settings, ana.id, ip);
    assert.equal(options.rp.id, 'status.example.com', 'the relying party is the public URL’s host');
    assert.equal(options.authenticatorSelection?.residentKey, 'required');
    assert.equal(options.authenticatorSelection?.userVerification, 'required');
    const added = await finishPasskeyRegistration(as(ana), settings, ana.id, { name: 'Laptop', response: device.register(options) });
    assert.deepEqual(
      (await listPasskeys(t.ctx, ana.id)).map((p) => p.name),
      ['Laptop'],
    );
    assert.deepEqual(await listTeamFactors(t.ctx), new Map([[ana.id, { authenticator: false, passkeys: 1 }]]));

    const login = await beginPasskeyLogin(t.ctx, settings, { ip });
    assert.equal(login.allowCredentials, undefined, 'no credential is listed: nobody learns who has one');
    const { sessionToken, user } = await logInWithPasskey(t.ctx, settings, { response: device.authenticate(login), ip });
    assert.equal(user.id, ana.id);
    assert.ok(await authenticateSession(t.ctx, sessionToken));
    const [used] = await listPasskeys(t.ctx, ana.id);
    assert.ok(used?.lastUsedAt, 'the last use is shown');
    const logins = (await listAuditEvents(t.ctx, {}, { withAddresses: true })).filter((e) => e.action === 'user.log_in');
    assert.deepEqual(logins[0]?.after, { method: 'passkey', passkey: 'Laptop', ip });

    await removePasskey(as(ana), ana.id, added.id);
    assert.equal((await listPasskeys(t.ctx, ana.id)).length, 0);
    await assert.rejects(logInWith(), { code: 'unauthorized', message: /not registered/ }, 'a deleted passkey logs in no more');
    const actions = (await listAuditEvents(t.ctx, {})).map((e) => e.action);
    assert.ok(actions.includes('user.add_passkey') && actions.includes('user.remove_passkey'));
  });

  test('a challenge works once and for five minutes; another site’s origin is refused', async () => {
    await register();
    const login = await beginPasskeyLogin(t.ctx, settings, { ip });
    await logInWithPasskey(t.ctx, settings, { response: device.authenticate(login), ip });
    await assert.rejects(logInWithPasskey(t.ctx, settings, { response: device.authenticate(login), ip }), {
      code: 'unauthorized',
      message: /expired or was used/,
    });
    const late = await beginPasskeyLogin(t.ctx, settings, { ip });
    t.clock.advance(5 * 60_000 + 1000);
    await assert.rejects(logInWithPasskey(t.ctx, settings, { response: device.authenticate(late), ip }), {
      message: /expired or was used/,
    });
    await assert.rejects(logInWith('https://evil.example'), { code: 'unauthorized', message: /could not be verified/ });

    const options = await beginPasskeyRegistration(as(ana), settings, ana.id, ip);
    await assert.rejects(
      finishPasskeyRegistration(as(ana), settings, ana.id, {
        name: 'Phishing',
        response: device.register(options, 'https://evil.example'),
      }),
      { code: 'validation_failed' },
    );
    assert.deepEqual(
      (await listPasskeys(t.ctx, ana.id)).map((p) => p.name),
      ['Laptop'],
      'a refused registration keeps nothing',
    );
    await assert.rejects(finishPasskeyRegistration(as(ana), settings, ana.id, { name: 'Again', response: device.register(options) }), {
      code: 'link_invalid',
    });
    await assert.rejects(finishPasskeyRegistration(as(ana), settings, ana.id, { name: 'x', response: '{"not":"a passkey"}' }), {
      code: 'validation_failed',
    });
  });

  test('a passkey satisfies the team’s two-factor rule; a password alone then does not log its member in', async () => {
    const { secret } = await beginTwoFactor(t.ctx, ana.id);
    await enableTwoFactor(t.ctx, ana.id, { code: totpCodeAt(secret, t.clock.now()) });
    const ed = await createUser(t.ctx, { email: 'ed@example.com', name: 'Ed', password, role: 'editor' });
    await requireTwoFactor(as(ana), { required: true });
    const held = await logIn(t.ctx, { email: 'ed@example.com', password, ip });
    assert.equal((await authenticateSession(t.ctx, held.sessionToken))?.mustSetUpTwoFactor, true);

    const options = await beginPasskeyRegistration(as(ed), settings, ed.id, ip);
    await finishPasskeyRegistration(as(ed), settings, ed.id, { name: 'Phone', response: device.register(options) });
    assert.equal((await authenticateSession(t.ctx, held.sessionToken))?.mustSetUpTwoFactor, false, 'the passkey is his second factor');
    const withPasskey = await logInWith();
    assert.equal(withPasskey.user.id, ed.id);
    assert.equal((await authenticateSession(t.ctx, withPasskey.sessionToken))?.mustSetUpTwoFactor, false);
    await assert.rejects(logIn(t.ctx, { email: 'ed@example.com', password, ip }), {
      code: 'unauthorized',
      message: /log in with your passkey/,
    });
  });

  test('one address holds at most twenty unused challenges; a flood is refused, others are not', async () => {
    for (let i = 0; i < 20; i++) await beginPasskeyLogin(t.ctx, settings, { ip });
    await assert.rejects(beginPasskeyLogin(t.ctx, settings, { ip }), { code: 'rate_limited' });
    await assert.rejects(beginPasskeyRegistration(as(ana), settings, ana.id, ip), { code: 'rate_limited' });
    assert.ok(await beginPasskeyLogin(t.ctx, settings, { ip: '198.51.100.4' }), 'another address is not held back');
    t.clock.advance(5 * 60_000 + 1000);
    assert.ok(await beginPasskeyLogin(t.ctx, settings, { ip }), 'expired challenges no longer count');
  });
});
