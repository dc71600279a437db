import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashSecret } from './secret.ts';
import { deleteUserSessions } from './session-store.ts';
import { passwordSchema } from './user.ts';
import { findUser, findUserByEmail, saveUser } from './user-store.ts';

const changePasswordSchema = z.object({ currentPassword: z.string().max(200), newPassword: passwordSchema }).strict();

/**
 * A member changes their own password, proving the current one. Every other session of theirs ends
 * (a stolen session does not survive the change); the one given as `keepSessionToken` stays.
 */
export async function changePassword(
  ctx: Ctx,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  keepSessionToken?: string,
): Promise<void> {
  const data = changePasswordSchema.parse(input);
  const user = await findUser(ctx.db, userId);
  if (user === undefined) throw new AppError('user_not_found', `No team member has the id "${userId}".`);
  const stored = await findUserByEmail(ctx.db, user.email);
  if (stored === undefined || !(await verifyPassword(data.currentPassword, stored.passwordHash))) {
    throw new AppError(
      'unauthorized',
      'The current password is not right.',
      [{ path: 'currentPassword', message: 'is not right' }],
      'accountError.currentPasswordWrong',
    );
  }
  const passwordHash = await hashPassword(data.newPassword);
  await writePrivately(ctx, async (tx) => {
    const now = ctx.clock.now();
    await saveUser(tx, user, now, passwordHash);
    await deleteUserSessions(tx, user.id, keepSessionToken === undefined ? undefined : hashSecret(keepSessionToken));
    await recordAudit(tx, ctx.actor, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: null,
      at: now,
    });
  });
}
