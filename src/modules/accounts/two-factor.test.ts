import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import {
  beginTwoFactor,
  createUser,
  disableTwoFactor,
  enableTwoFactor,
  hasTwoFactor,
  logIn,
  recoveryCodeCount,
  totpCodeAt,
} from './index.ts';

const password = 'correct horse battery';

describe('two-factor login with an authenticator app (TOTP) and recovery codes', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  const member = () => createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'owner' });
  const login = (code?: string, ip = '192.0.2.1') =>
    logIn(t.ctx, { email: 'ana@example.com', password, ip, ...(code !== undefined && { code }) });

  test('enrolling takes a right code; then a login needs the password and the current code', async () => {
    const ana = await member();
    const { secret, uri } = await beginTwoFactor(t.ctx, ana.id);
    assert.match(uri, /^otpauth:\/\/totp\/Aviso:ana%40example\.com\?issuer=Aviso&secret=[A-Z2-7]+/);
    assert.equal(await hasTwoFactor(t.ctx, ana.id), false, 'not in force before a first right code');
    assert.ok(await login(), 'until then, the password alone logs in');
    await assert.rejects(enableTwoFactor(t.ctx, ana.id, { code: '000000' }), { code: 'validation_failed' });
    const { recoveryCodes } = await enableTwoFactor(t.ctx, ana.id, { code: totpCodeAt(secret, t.clock.now()) });
    assert.equal(recoveryCodes.length, recoveryCodeCount);
    assert.equal(await hasTwoFactor(t.ctx, ana.id), true);
    const row = await t.ctx.db.selectFrom('users').select('recoveryCodeHashes').executeTakeFirstOrThrow();
    assert.equal(
      recoveryCodes.some((code) => (row.recoveryCodeHashes ?? '').includes(code)),
      false,
      'only hashes are stored',
    );

    await assert.rejects(login(), { code: 'unauthorized', message: /Enter the code/ });
    await assert.rejects(login('123456'), { code: 'unauthorized', message: 'The code is not right.' });
    t.clock.advance(45_000);
    assert.ok(await login(totpCodeAt(secret, new Date(t.clock.now().getTime() - 30_000))), "the previous period's code (a slow clock)");
    assert.ok(await login(totpCodeAt(secret, t.clock.now())), 'the current code');
    await assert.rejects(login(totpCodeAt(secret, new Date(t.clock.now().getTime() - 5 * 60_000))), { message: 'The code is not right.' });
  });

  test('a code logs in once: used again, or an older one after it, is refused, even by two logins racing', async () => {
    const ana = await member();
    const { secret } = await beginTwoFactor(t.ctx, ana.id);
    await enableTwoFactor(t.ctx, ana.id, { code: totpCodeAt(secret, t.clock.now()) });
    t.clock.advance(60_000);
    const code = totpCodeAt(secret, t.clock.now());
    const raced = await Promise.allSettled([login(code), login(code, '192.0.2.2')]);
    assert.deepEqual(raced.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = raced.find((r) => r.status === 'rejected');
    assert.match(String((refused as PromiseRejectedResult).reason.message), /This code was used already/);
    await assert.rejects(login(code), { code: 'unauthorized', message: /used already/ });
    const older = totpCodeAt(secret, new Date(t.clock.now().getTime() - 30_000));
    await assert.rejects(login(older), { message: /used already/ }, "the previous period's code, after the current one");
    t.clock.advance(30_000);
    assert.ok(await login(totpCodeAt(secret, t.clock.now())), 'the next code logs in');
  });

  test('a recovery code logs in once; wrong codes count as failed logins for the throttle', async () => {
    const ana = await member();
    const { secret } = await beginTwoFactor(t.ctx, ana.id);
    const { recoveryCodes } = await enableTwoFactor(t.ctx, ana.id, { code: totpCodeAt(secret, t.clock.now()) });
    const code = recoveryCodes[3]!;
    assert.ok(await login(code.toUpperCase()));
    await assert.rejects(login(code), { message: 'The code is not right.' }, 'used once');
    assert.ok(await login(recoveryCodes[4]!));
    for (let i = 0; i < 5; i++) await assert.rejects(login(`99999${i}`, '198.51.100.7'), { code: 'unauthorized' });
    await assert.rejects(
      login(totpCodeAt(secret, t.clock.now()), '198.51.100.7'),
      { code: 'rate_limited' },
      'five failures from one address',
    );
  });

  test('turning it off needs the password; then the password alone logs in again', async () => {
    const ana = await member();
    const { secret } = await beginTwoFactor(t.ctx, ana.id);
    await enableTwoFactor(t.ctx, ana.id, { code: totpCodeAt(secret, t.clock.now()) });
    await assert.rejects(beginTwoFactor(t.ctx, ana.id), { code: 'conflict' });
    await assert.rejects(disableTwoFactor(t.ctx, ana.id, { password: 'not the password' }), { code: 'unauthorized' });
    await disableTwoFactor(t.ctx, ana.id, { password });
    assert.equal(await hasTwoFactor(t.ctx, ana.id), false);
    assert.ok(await login());
  });
});
