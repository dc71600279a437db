import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import type { Ctx } from '../../shared/context.ts';
import { listAuditEvents } from '../audit/index.ts';
import {
  authenticateSession,
  beginTwoFactor,
  createUser,
  enableTwoFactor,
  isTwoFactorRequired,
  listTeamFactors,
  logIn,
  requireTwoFactor,
  totpCodeAt,
  type Role,
  type User,
} from './index.ts';

const password = 'correct horse battery';

describe('the team’s two-factor rule', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  const member = (name: string, role: Role) => createUser(t.ctx, { email: `${name}@example.com`, name, password, role });
  const as = (user: User): Ctx => ({ ...t.ctx, actor: { kind: 'user', id: user.id, name: user.name } });
  const withApp = async (user: User) => {
    const { secret } = await beginTwoFactor(t.ctx, user.id);
    await enableTwoFactor(t.ctx, user.id, { code: totpCodeAt(secret, t.clock.now()) });
    return secret;
  };
  const ruleEvents = async () => (await listAuditEvents(t.ctx, {})).filter((e) => e.action === 'team.require_two_factor');

  test('only an owner with a second factor of their own turns it on; each change is in the audit log', async () => {
    const owner = await member('olga', 'owner');
    const admin = await member('adam', 'admin');
    await withApp(admin);
    await assert.rejects(requireTwoFactor(as(admin), { required: true }), { code: 'forbidden' });
    await assert.rejects(requireTwoFactor(as(owner), { required: true }), {
      code: 'conflict',
      message: /Turn on two-factor login for your own account first/,
    });
    assert.equal(await isTwoFactorRequired(t.ctx), false, 'a refused change changes nothing');
    assert.equal((await ruleEvents()).length, 0);

    await withApp(owner);
    await requireTwoFactor(as(owner), { required: true });
    assert.equal(await isTwoFactorRequired(t.ctx), true);
    await requireTwoFactor(as(owner), { required: true });
    await requireTwoFactor(as(owner), { required: false });
    assert.equal(await isTwoFactorRequired(t.ctx), false);
    const events = await ruleEvents();
    assert.deepEqual(
      events.map((e) => [e.actor.name, e.before, e.after]).reverse(),
      [
        ['olga', { requireTwoFactor: false }, { requireTwoFactor: true }],
        ['olga', { requireTwoFactor: true }, { requireTwoFactor: false }],
      ],
      'turning it on twice records one change',
    );
    const factors = await listTeamFactors(t.ctx);
    assert.deepEqual([...factors.keys()].sort(), [admin.id, owner.id].sort());
  });

  test('a password session of a member without a second factor is held to setting one up, until they have one', async () => {
    const owner = await member('olga', 'owner');
    await withApp(owner);
    await member('ed', 'editor');
    const before = await logIn(t.ctx, { email: 'ed@example.com', password, ip: '192.0.2.1' });
    assert.equal((await authenticateSession(t.ctx, before.sessionToken))?.mustSetUpTwoFactor, false, 'nothing is required yet');

    await requireTwoFactor(as(owner), { required: true });
    const held = await authenticateSession(t.ctx, before.sessionToken);
    assert.equal(held?.mustSetUpTwoFactor, true, 'a session opened before the rule is held too');
    const fresh = await logIn(t.ctx, { email: 'ed@example.com', password, ip: '192.0.2.1' });
    assert.equal((await authenticateSession(t.ctx, fresh.sessionToken))?.mustSetUpTwoFactor, true);

    await withApp(fresh.user);
    assert.equal((await authenticateSession(t.ctx, fresh.sessionToken))?.mustSetUpTwoFactor, false, 'set up: the session opens everything');
  });
});
