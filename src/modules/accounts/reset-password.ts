import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { readLinkToken, useLinkToken } from './account-links.ts';
import { forgetFailures } from './login-attempt-store.ts';
import { hashPassword } from './password.ts';
import { deleteUserSessions } from './session-store.ts';
import { passwordSchema } from './user.ts';
import { findUserByEmail, saveUser } from './user-store.ts';

const resetSchema = z.object({ token: z.string().max(200), password: passwordSchema }).strict();

/** Whether a reset link can still be used (to show the form or say it has expired). */
export async function isResetLinkValid(ctx: Pick<Ctx, 'db' | 'clock'>, token: string): Promise<boolean> {
  return (await readLinkToken(ctx.db, 'reset', token, ctx.clock.now())) !== undefined;
}

/**
 * Sets a new password through a reset link. The link works once; every session of the member ends
 * (whoever held their old password is logged out) and earlier failed logins are forgiven.
 */
export async function resetPassword(ctx: Ctx, input: { token: string; password: string }): Promise<{ email: string }> {
  const data = resetSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return writePrivately(ctx, async (tx) => {
    const now = ctx.clock.now();
    const link = await useLinkToken(tx, 'reset', data.token, now);
    const found = link.email === null ? undefined : await findUserByEmail(tx, link.email);
    if (found === undefined) throw new AppError('link_invalid');
    const user = found.user;
    await saveUser(tx, user, now, passwordHash);
    await deleteUserSessions(tx, user.id);
    await forgetFailures(tx, user.email, new Date(now.getTime() - 24 * 3600_000));
    const actor = { kind: 'user' as const, id: user.id, name: user.name };
    await recordAudit(tx, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: null,
      at: now,
    });
    return { email: user.email };
  });
}
