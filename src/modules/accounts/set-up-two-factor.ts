import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { verifyPassword } from './password.ts';
import { isTotpCodeRight, newRecoveryCodes, newTotpSecret, totpUri } from './two-factor.ts';
import { findSecondFactor, findUser, findUserByEmail, saveSecondFactor } from './user-store.ts';

async function memberOf(ctx: Ctx, userId: string) {
  const user = await findUser(ctx.db, userId);
  const factor = await findSecondFactor(ctx.db, userId);
  if (user === undefined || factor === undefined) throw new AppError('user_not_found', `No team member has the id "${userId}".`);
  return { user, factor };
}

/** Whether the member's logins ask for a code. */
export async function hasTwoFactor(ctx: Pick<Ctx, 'db'>, userId: string): Promise<boolean> {
  const factor = await findSecondFactor(ctx.db, userId);
  return factor !== undefined && factor.enabledAt !== null;
}

/**
 * Starts enrolling an authenticator: a new secret, not yet in force (logins do not ask for a code
 * until `enableTwoFactor` sees a right one). Starting again replaces an unconfirmed secret.
 */
export async function beginTwoFactor(ctx: Ctx, userId: string): Promise<{ secret: string; uri: string }> {
  const { user, factor } = await memberOf(ctx, userId);
  if (factor.enabledAt !== null) throw new AppError('conflict', 'Two-factor login is already on; turn it off first to enrol another app.');
  const secret = newTotpSecret();
  await writePrivately(ctx, (tx) => saveSecondFactor(tx, userId, { secret, enabledAt: null, recoveryCodeHashes: [] }, ctx.clock.now()));
  return { secret, uri: totpUri(secret, user.email) };
}

/** Turns two-factor login on with a first right code; returns the recovery codes, shown this once. */
export async function enableTwoFactor(ctx: Ctx, userId: string, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  const { code } = z.object({ code: z.string().max(20) }).parse(input);
  const { factor } = await memberOf(ctx, userId);
  const now = ctx.clock.now();
  if (factor.secret === null || factor.enabledAt !== null) throw new AppError('conflict', 'Start setting up two-factor login first.');
  if (!isTotpCodeRight(factor.secret, code, now)) {
    throw new AppError('validation_failed', 'The code is not right; check the time on your device and try the newest code.', [
      { path: 'code', message: 'is not right' },
    ]);
  }
  const { codes, hashes } = newRecoveryCodes();
  await writePrivately(ctx, async (tx) => {
    await saveSecondFactor(tx, userId, { secret: factor.secret, enabledAt: now, recoveryCodeHashes: hashes }, now);
    await recordAudit(tx, ctx.actor, {
      action: 'user.enable_two_factor',
      entityType: 'user',
      entityId: userId,
      before: null,
      after: null,
      at: now,
    });
  });
  return { recoveryCodes: codes };
}

/** Turns two-factor login off, proving the password again. */
export async function disableTwoFactor(ctx: Ctx, userId: string, input: { password: string }): Promise<void> {
  const { password } = z.object({ password: z.string().max(200) }).parse(input);
  const { user } = await memberOf(ctx, userId);
  const stored = await findUserByEmail(ctx.db, user.email);
  if (stored === undefined || !(await verifyPassword(password, stored.passwordHash))) {
    throw new AppError('unauthorized', 'The password is not right.', [{ path: 'password', message: 'is not right' }]);
  }
  const now = ctx.clock.now();
  await writePrivately(ctx, async (tx) => {
    await saveSecondFactor(tx, userId, { secret: null, enabledAt: null, recoveryCodeHashes: [] }, now);
    await recordAudit(tx, ctx.actor, {
      action: 'user.disable_two_factor',
      entityType: 'user',
      entityId: userId,
      before: null,
      after: null,
      at: now,
    });
  });
}
