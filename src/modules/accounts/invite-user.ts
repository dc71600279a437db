import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { findPage } from '../page/index.ts';
import { issueLinkToken, readLinkToken, useLinkToken } from './account-links.ts';
import { insertNewUser } from './create-user.ts';
import { hashPassword } from './password.ts';
import { roleSchema, type Role } from './role.ts';
import { checkMayGrant } from './team-permissions.ts';
import { emailSchema, newAccountSchema, type User } from './user.ts';
import { findUserByEmail } from './user-store.ts';

const inviteSchema = z.object({ email: emailSchema, role: roleSchema, baseUrl: z.url().optional() }).strict();

/**
 * Invites a member by a one-time link (valid 7 days) to pass on. The link points at the page's URL
 * unless a base URL is given (the admin app's own address).
 */
export async function inviteUser(
  ctx: Ctx,
  input: { email: string; role: Role; baseUrl?: string },
): Promise<{ link: string; token: string; expiresAt: Date }> {
  const data = inviteSchema.parse(input);
  return writePrivately(ctx, async (tx) => {
    await checkMayGrant(tx, ctx.actor, data.role);
    if ((await findUserByEmail(tx, data.email)) !== undefined) {
      throw new AppError('conflict', `${data.email} is already a member of the team.`, [{ path: 'email', message: 'is already a member' }]);
    }
    const page = await findPage(tx);
    const base = (data.baseUrl ?? ctx.publicUrl ?? page?.url ?? '').replace(/\/+$/, '');
    const createdBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    const { token, expiresAt } = await issueLinkToken(
      tx,
      { kind: 'invite', email: data.email, role: data.role, createdBy },
      ctx.clock.now(),
    );
    const after = { email: data.email, role: data.role, expiresAt };
    await recordAudit(tx, ctx.actor, {
      action: 'user.invite',
      entityType: 'invite',
      entityId: null,
      before: null,
      after,
      at: ctx.clock.now(),
    });
    return { link: `${base}/admin/invite?token=${encodeURIComponent(token)}`, token, expiresAt };
  });
}

/** What an invite link offers (to show the form), or null when it is used, expired or unknown. */
export async function describeInvite(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  token: string,
): Promise<{ email: string; role: Role; expiresAt: Date } | null> {
  const found = await readLinkToken(ctx.db, 'invite', token, ctx.clock.now());
  return found === undefined || found.email === null ? null : { email: found.email, role: found.role, expiresAt: found.expiresAt };
}

/** Joins the team from an invite: the member chooses a name and password; the link is burned. */
export async function acceptInvite(ctx: Ctx, token: string, input: { name: string; password: string }): Promise<User> {
  const data = newAccountSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return writePrivately(ctx, async (tx) => {
    const now = ctx.clock.now();
    const invite = await useLinkToken(tx, 'invite', token, now);
    if (invite.email === null) throw new AppError('link_invalid');
    return insertNewUser(tx, { email: invite.email, name: data.name, role: invite.role }, passwordHash, now, {
      actor: null,
      action: 'user.accept_invite',
    });
  });
}
