import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import {
  acceptInvite,
  changeUserRole,
  completeSetup,
  createUser,
  describeInvite,
  ensureFirstOwner,
  inviteUser,
  isSetupNeeded,
  isSetupTokenValid,
  getUser,
  listUsers,
  logIn,
  removeUser,
} from './index.ts';

const password = 'correct horse battery';

describe('the first owner and invites', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  test('the owner comes from AVISO_ADMIN_EMAIL/PASSWORD once, and can log in', async () => {
    const admin = { email: 'owner@example.com', password };
    const outcome = await ensureFirstOwner(t.ctx, { admin, publicUrl: 'https://status.example.com' });
    assert.equal(outcome.kind, 'created');
    assert.equal((await ensureFirstOwner(t.ctx, { admin, publicUrl: 'https://status.example.com' })).kind, 'exists');
    const users = await listUsers(t.ctx);
    assert.deepEqual(
      users.map((u) => [u.email, u.role]),
      [['owner@example.com', 'owner']],
    );
    assert.ok(await logIn(t.ctx, { email: 'owner@example.com', password, ip: '127.0.0.1' }));
  });

  test('without them, a setup link creates the owner once', async () => {
    assert.equal(await isSetupNeeded(t.ctx), true);
    const outcome = await ensureFirstOwner(t.ctx, { admin: undefined, publicUrl: 'https://status.example.com' });
    assert.equal(outcome.kind, 'setup');
    if (outcome.kind !== 'setup') return;
    assert.match(outcome.link, /^https:\/\/status\.example\.com\/admin\/setup\?token=[A-Za-z0-9_-]{43}$/);
    const token = new URL(outcome.link).searchParams.get('token')!;
    assert.equal(await isSetupTokenValid(t.ctx, token), true);
    const owner = await completeSetup(t.ctx, token, { email: 'me@example.com', name: 'Me', password });
    assert.equal(owner.role, 'owner');
    assert.equal(await isSetupNeeded(t.ctx), false);
    assert.equal(await isSetupTokenValid(t.ctx, token), false);
    await assert.rejects(completeSetup(t.ctx, token, { email: 'evil@example.com', name: 'Evil', password }), { code: 'link_invalid' });
    assert.equal((await listUsers(t.ctx)).length, 1);
  });

  test('a setup link expires after 7 days', async () => {
    const outcome = await ensureFirstOwner(t.ctx, { admin: undefined, publicUrl: 'http://localhost:3000' });
    assert.equal(outcome.kind, 'setup');
    const token = new URL((outcome as { link: string }).link).searchParams.get('token')!;
    t.clock.advance(7 * 24 * 3600_000 + 1);
    await assert.rejects(completeSetup(t.ctx, token, { email: 'me@example.com', name: 'Me', password }), { code: 'link_invalid' });
  });

  test('an owner invites an editor by link; the link works once', async () => {
    const owner = await createUser(t.ctx, { email: 'owner@example.com', name: 'Owner', password, role: 'owner' });
    const asOwner = { ...t.ctx, actor: { kind: 'user' as const, id: owner.id, name: owner.name } };
    const invite = await inviteUser(asOwner, { email: 'Ed@Example.com', role: 'editor' });
    assert.match(invite.link, /^http:\/\/127\.0\.0\.1\/admin\/invite\?token=/);
    assert.deepEqual(await describeInvite(t.ctx, invite.token), { email: 'ed@example.com', role: 'editor', expiresAt: invite.expiresAt });
    const editor = await acceptInvite(t.ctx, invite.token, { name: 'Ed', password });
    assert.equal(editor.role, 'editor');
    assert.equal(await describeInvite(t.ctx, invite.token), null);
    await assert.rejects(acceptInvite(t.ctx, invite.token, { name: 'Ed again', password }), { code: 'link_invalid' });
    assert.ok(await logIn(t.ctx, { email: 'ed@example.com', password, ip: '127.0.0.1' }));
  });

  test('editors cannot invite, admins cannot make owners, and the last owner stays', async () => {
    const owner = await createUser(t.ctx, { email: 'owner@example.com', name: 'Owner', password, role: 'owner' });
    const admin = await createUser(t.ctx, { email: 'admin@example.com', name: 'Admin', password, role: 'admin' });
    const editor = await createUser(t.ctx, { email: 'ed@example.com', name: 'Ed', password, role: 'editor' });
    const as = (u: { id: string; name: string }) => ({ ...t.ctx, actor: { kind: 'user' as const, id: u.id, name: u.name } });
    await assert.rejects(inviteUser(as(editor), { email: 'x@example.com', role: 'viewer' }), { code: 'forbidden' });
    await assert.rejects(inviteUser(as(admin), { email: 'x@example.com', role: 'owner' }), { code: 'forbidden' });
    await assert.rejects(inviteUser(as(owner), { email: 'ed@example.com', role: 'viewer' }), { code: 'conflict' });
    await assert.rejects(changeUserRole(as(owner), owner.id, 'admin'), { code: 'conflict' });
    await assert.rejects(removeUser(as(owner), owner.id), { code: 'conflict' });
    assert.equal((await changeUserRole(as(admin), editor.id, 'viewer')).role, 'viewer');
    assert.equal((await getUser(t.ctx, editor.id)).role, 'viewer');
    const session = await logIn(t.ctx, { email: 'ed@example.com', password, ip: '127.0.0.1' });
    await removeUser(as(admin), editor.id);
    await assert.rejects(getUser(t.ctx, editor.id), { code: 'user_not_found' });
    assert.deepEqual(
      (await listUsers(t.ctx)).map((u) => u.email),
      ['admin@example.com', 'owner@example.com'],
    );
    const sessions = await t.ctx.db.selectFrom('sessions').selectAll().execute();
    assert.equal(sessions.length, 0, `removed member's session ${session.sessionToken.slice(0, 4)}… ended`);
  });
});
