import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listAuditEvents } from '../audit/index.ts';
import { authenticateSession, can, changePassword, createUser, logIn, loginThrottle, logOut, verifyPassword } from './index.ts';

const password = 'correct horse battery';

describe('members, passwords and sessions', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  test('a member logs in with the right password and the session knows them', async () => {
    const user = await createUser(t.ctx, { email: 'Ana@Example.com', name: 'Ana', password, role: 'editor' });
    assert.equal(user.email, 'ana@example.com');
    const row = await t.ctx.db.selectFrom('users').select('passwordHash').executeTakeFirstOrThrow();
    assert.match(row.passwordHash, /^scrypt\$\d+\$8\$1\$/); // the cost itself: password.test.ts
    assert.equal(row.passwordHash.includes(password), false);
    assert.equal(await verifyPassword(password, row.passwordHash), true);

    const { sessionToken, user: loggedIn } = await logIn(t.ctx, { email: ' ANA@example.com', password, ip: '192.0.2.1' });
    assert.deepEqual(loggedIn.lastLoginAt, t.clock.now());
    const session = await authenticateSession(t.ctx, sessionToken);
    assert.equal(session?.user.id, user.id);
    assert.deepEqual(session?.actor, { kind: 'user', id: user.id, name: 'Ana' });
    assert.ok((session?.csrfToken.length ?? 0) >= 32);
    const stored = await t.ctx.db.selectFrom('sessions').selectAll().execute();
    assert.equal(JSON.stringify(stored).includes(sessionToken), false, 'only the token hash is stored');
    const [login] = await listAuditEvents(t.ctx, { entityType: 'user', limit: 1 }, { withAddresses: true });
    assert.deepEqual([login?.action, login?.actor.id, login?.after], ['user.log_in', user.id, { ip: '192.0.2.1' }]);
  });

  test('a wrong password or unknown email is refused alike', async () => {
    await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'editor' });
    const wrong = await logIn(t.ctx, { email: 'ana@example.com', password: 'not the password', ip: '192.0.2.1' }).catch((e) => e);
    const unknown = await logIn(t.ctx, { email: 'bob@example.com', password, ip: '192.0.2.1' }).catch((e) => e);
    assert.equal(wrong.code, 'unauthorized');
    assert.equal(unknown.code, 'unauthorized');
    assert.equal(wrong.message, unknown.message);
  });

  test('five failures from one address block that address for the email for 15 minutes, even with the right password', async () => {
    await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'owner' });
    for (let i = 0; i < 5; i++) {
      await assert.rejects(logIn(t.ctx, { email: 'ana@example.com', password: `guess number ${i}`, ip: '198.51.100.7' }), {
        code: 'unauthorized',
      });
    }
    await assert.rejects(logIn(t.ctx, { email: 'ana@example.com', password, ip: '198.51.100.7' }), { code: 'rate_limited' });
    t.clock.advance(15 * 60_000 + 1000);
    const { user } = await logIn(t.ctx, { email: 'ana@example.com', password, ip: '198.51.100.7' });
    assert.equal(user.email, 'ana@example.com');
  });

  test("a stranger guessing a member's password cannot lock the member out; the account is slowed, not refused", async () => {
    await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'owner' });
    // From one address and from many: far past the old five-guess lock.
    for (let i = 0; i < 5; i++) {
      await assert.rejects(logIn(t.ctx, { email: 'ana@example.com', password: `guess ${i}`, ip: '198.51.100.7' }), {
        code: 'unauthorized',
      });
    }
    for (let i = 0; i < 3; i++) {
      await assert.rejects(logIn(t.ctx, { email: 'ana@example.com', password: `guess ${i}`, ip: `203.0.113.${i}` }), {
        code: 'unauthorized',
      });
    }
    await assert.rejects(logIn(t.ctx, { email: 'ana@example.com', password, ip: '198.51.100.7' }), { code: 'rate_limited' });
    const started = performance.now();
    const { user } = await logIn(t.ctx, { email: 'ana@example.com', password, ip: '192.0.2.9' });
    assert.equal(user.email, 'ana@example.com', 'the member, from their own address, gets in');
    assert.ok(performance.now() - started >= loginThrottle.delayMs - 5, 'after a wait, as every attempt on a targeted account has');
    // Their success forgives the failures, so the next login is not slowed (a check at N=2^17 under
    // load can itself take a second, so the forgiving is read rather than timed).
    const failures = await t.ctx.db
      .selectFrom('loginAttempts')
      .select('id')
      .where('email', '=', 'ana@example.com')
      .where('succeeded', '=', 0)
      .execute();
    assert.equal(failures.length, 0);
  });

  test('twenty failures from one address block it for every email', async () => {
    await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'owner' });
    for (let i = 0; i < 20; i++) {
      await assert.rejects(logIn(t.ctx, { email: `user${i}@example.com`, password, ip: '203.0.113.5' }), { code: 'unauthorized' });
    }
    await assert.rejects(logIn(t.ctx, { email: 'ana@example.com', password, ip: '203.0.113.5' }), { code: 'rate_limited' });
    assert.ok(await logIn(t.ctx, { email: 'ana@example.com', password, ip: '203.0.113.6' }));
  });

  test('sessions end on logout and after 14 days without use, and slide while used', async () => {
    await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'viewer' });
    const first = await logIn(t.ctx, { email: 'ana@example.com', password, ip: '192.0.2.1' });
    const second = await logIn(t.ctx, { email: 'ana@example.com', password, ip: '192.0.2.1' });
    await logOut(t.ctx, first.sessionToken);
    assert.equal(await authenticateSession(t.ctx, first.sessionToken), null);
    t.clock.advance(10 * 24 * 3600_000);
    assert.ok(await authenticateSession(t.ctx, second.sessionToken), 'still valid after 10 days');
    t.clock.advance(10 * 24 * 3600_000);
    assert.ok(await authenticateSession(t.ctx, second.sessionToken), 'use on day 10 extended it');
    t.clock.advance(14 * 24 * 3600_000 + 1);
    assert.equal(await authenticateSession(t.ctx, second.sessionToken), null);
    assert.equal(await authenticateSession(t.ctx, 'made-up-token'), null);
  });

  test('an email belongs to one member; bad input names the field', async () => {
    await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'viewer' });
    await assert.rejects(createUser(t.ctx, { email: 'ANA@example.com', name: 'Other', password, role: 'viewer' }), { code: 'conflict' });
    await assert.rejects(
      createUser(t.ctx, { email: 'x@example.com', name: 'X', password: 'short', role: 'viewer' }),
      (e: any) => e.issues[0].path[0] === 'password',
    );
    await assert.rejects(
      createUser(t.ctx, { email: 'nope', name: 'X', password, role: 'viewer' }),
      (e: any) => e.issues[0].path[0] === 'email',
    );
  });

  test('roles: editors post incidents, only owners and admins manage, viewers read', () => {
    assert.equal(can('editor', 'post_incidents'), true);
    assert.equal(can('editor', 'manage_components'), false);
    assert.equal(can('viewer', 'read'), true);
    assert.equal(can('viewer', 'post_incidents'), false);
    assert.equal(can('admin', 'manage_api_keys'), true);
    assert.equal(can('owner', 'manage_team'), true);
  });

  test('changing the password needs the current one and ends the other sessions', async () => {
    const user = await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'editor' });
    const here = await logIn(t.ctx, { email: 'ana@example.com', password, ip: '192.0.2.1' });
    const elsewhere = await logIn(t.ctx, { email: 'ana@example.com', password, ip: '198.51.100.7' });
    await assert.rejects(changePassword(t.ctx, user.id, { currentPassword: 'a wrong guess', newPassword: 'a new long secret' }), {
      code: 'unauthorized',
    });
    await changePassword(t.ctx, user.id, { currentPassword: password, newPassword: 'a new long secret' }, here.sessionToken);
    assert.ok(await authenticateSession(t.ctx, here.sessionToken));
    assert.equal(await authenticateSession(t.ctx, elsewhere.sessionToken), null);
    await assert.rejects(logIn(t.ctx, { email: 'ana@example.com', password, ip: '192.0.2.1' }), { code: 'unauthorized' });
    assert.ok(await logIn(t.ctx, { email: 'ana@example.com', password: 'a new long secret', ip: '192.0.2.1' }));
  });
});
