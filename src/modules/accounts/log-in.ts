import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { countFailures, forgetFailures, recordLoginAttempt } from './login-attempt-store.ts';
import { countPasskeysByUser } from './passkey-store.ts';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from './password.ts';
import { deleteExpiredSessions } from './session-store.ts';
import { startSession } from './start-session.ts';
import { findTwoFactorRequired } from './team-rule-store.ts';
import type { User } from './user.ts';
import { hashRecoveryCode, totpStepOf } from './two-factor.ts';
import { claimTotpStep, findSecondFactor, findUserByEmail, markLoggedIn, saveSecondFactor, saveUser } from './user-store.ts';

/**
 * Failed logins allowed per window: per address and email together, and per address whatever the
 * email. A member's account is never locked as such (a stranger could lock anyone out with five
 * guesses); once it draws `perEmail` failures from anywhere, every attempt on it waits `delayMs`,
 * which slows guessing from many addresses without refusing the member.
 */
export const loginThrottle = { windowMs: 15 * 60_000, perEmailAndIp: 5, perIp: 20, perEmail: 5, delayMs: 1000 };

const logInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
  ip: z.string().max(100),
  /** The authenticator's code or a recovery code, for a member with two-factor login. */
  code: z.string().max(40).optional(),
});

/**
 * Checks a member's password and opens a session. After 5 failures for an email from one address
 * (or 20 from one address for any email) in 15 minutes, that address is refused with
 * `rate_limited` until the window passes; other addresses are not, but wait a second per attempt.
 */
export async function logIn(
  ctx: Ctx,
  input: { email: string; password: string; ip: string; code?: string },
): Promise<{ sessionToken: string; user: User }> {
  const { email, password, ip, code } = logInSchema.parse(input);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - loginThrottle.windowMs);
  if (
    (await countFailures(ctx.db, { email, ip }, since)) >= loginThrottle.perEmailAndIp ||
    (await countFailures(ctx.db, { ip }, since)) >= loginThrottle.perIp
  ) {
    throw new AppError('rate_limited', 'Too many failed logins; wait 15 minutes and try again.', undefined, 'accountError.tooManyLogins');
  }
  if ((await countFailures(ctx.db, { email }, since)) >= loginThrottle.perEmail) await delay(loginThrottle.delayMs);
  const found = await findUserByEmail(ctx.db, email);
  const valid = found === undefined ? await verifyAgainstNothing(password) : await verifyPassword(password, found.passwordHash);
  if (!valid || found === undefined) {
    await recordLoginAttempt(ctx.db, { email, ip, succeeded: false, at: now });
    throw new AppError('unauthorized', 'The email or the password is not right.', undefined, 'accountError.wrongCredentials');
  }
  const user = found.user;
  const factor = await findSecondFactor(ctx.db, user.id);
  let usedRecoveryCode: string | undefined;
  if (factor !== undefined && factor.enabledAt !== null && factor.secret !== null) {
    if (code === undefined || code.trim() === '') {
      throw new AppError(
        'unauthorized',
        'Enter the code from your authenticator app, or a recovery code.',
        [{ path: 'code', message: 'is required' }],
        'accountError.codeNeeded',
      );
    }
    const recovery = hashRecoveryCode(code);
    if (factor.recoveryCodeHashes.includes(recovery)) usedRecoveryCode = recovery;
    else {
      const step = totpStepOf(factor.secret, code, now);
      if (step === null) {
        await recordLoginAttempt(ctx.db, { email, ip, succeeded: false, at: now });
        throw new AppError('unauthorized', 'The code is not right.', [{ path: 'code', message: 'is not right' }], 'accountError.codeWrong');
      }
      // Each code logs in once: a code seen over a shoulder, or an older one, is refused afterwards.
      if (!(await writePrivately(ctx, (tx) => claimTotpStep(tx, user.id, step)))) {
        await recordLoginAttempt(ctx.db, { email, ip, succeeded: false, at: now });
        throw new AppError(
          'unauthorized',
          'This code was used already: wait for the next one from your authenticator app.',
          [{ path: 'code', message: 'was used already' }],
          'accountError.codeUsed',
        );
      }
    }
  }
  // A password alone is not a second factor: with the team's rule on, a member whose strong way in
  // is a passkey uses it (else a stolen password would open a session that could add a factor).
  const hasApp = factor !== undefined && factor.enabledAt !== null;
  if (!hasApp && (await findTwoFactorRequired(ctx.db)) && (await countPasskeysByUser(ctx.db, user.id)).size > 0) {
    throw new AppError(
      'unauthorized',
      'Your team requires two-factor login: log in with your passkey.',
      undefined,
      'accountError.passkeyRequired',
    );
  }
  await recordLoginAttempt(ctx.db, { email, ip, succeeded: true, at: now });
  // A hash made with older, cheaper parameters is replaced now that the password is at hand.
  const rehashed = needsRehash(found.passwordHash) ? await hashPassword(password) : undefined;
  // A login is not page content: it is recorded without bumping the data revision (no cache is invalidated).
  const sessionToken = await writePrivately(ctx, async (tx) => {
    await forgetFailures(tx, email, new Date(now.getTime() - 24 * 3600_000));
    // Housekeeping rides on logins, which are rare: sessions nobody used for 14 days go.
    await deleteExpiredSessions(tx, now);
    await markLoggedIn(tx, user.id, now);
    if (rehashed !== undefined) await saveUser(tx, user, now, rehashed);
    // A recovery code works once.
    if (usedRecoveryCode !== undefined && factor !== undefined) {
      const left = factor.recoveryCodeHashes.filter((hash) => hash !== usedRecoveryCode);
      await saveSecondFactor(tx, user.id, { ...factor, recoveryCodeHashes: left }, now);
    }
    const actor = { kind: 'user' as const, id: user.id, name: user.name };
    await recordAudit(tx, actor, { action: 'user.log_in', entityType: 'user', entityId: user.id, before: null, after: { ip }, at: now });
    return startSession({ db: tx, clock: ctx.clock }, user.id, 'password');
  });
  return { sessionToken, user: { ...found.user, lastLoginAt: now } };
}
