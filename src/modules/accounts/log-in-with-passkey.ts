import { z } from 'zod';
import type { Actor, Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { loginThrottle } from './log-in.ts';
import { countFailures, recordLoginAttempt } from './login-attempt-store.ts';
import { passkeyChallengeLifetimeMs, type PasskeySettings } from './passkey.ts';
import { keepChallenge } from './passkey-challenges.ts';
import { findPasskeyByCredential, recordPasskeyUse } from './passkey-store.ts';
import { deleteExpiredSessions } from './session-store.ts';
import { startSession } from './start-session.ts';
import type { User } from './user.ts';
import { findUser, markLoggedIn } from './user-store.ts';
import { takeChallenge } from './webauthn-challenge-store.ts';
import {
  challengeOf,
  generateAuthenticationOptions,
  parseAuthentication,
  verifyAuthenticationResponse,
  type PublicKeyCredentialRequestOptionsJSON,
} from './webauthn.ts';

/**
 * A challenge for logging in with a passkey, kept five minutes. No email is asked and no
 * credential is listed: the browser offers the passkeys it holds for the public URL's host, so
 * nobody learns who has a passkey. One address holds at most `openChallengesPerIp` at a time.
 */
export async function beginPasskeyLogin(
  ctx: Ctx,
  settings: PasskeySettings,
  input: { ip: string },
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { ip } = z.object({ ip: z.string().max(100) }).parse(input);
  const options = await generateAuthenticationOptions({
    rpID: settings.rpId,
    userVerification: 'required',
    timeout: passkeyChallengeLifetimeMs,
  });
  await keepChallenge(ctx, { challenge: options.challenge, purpose: 'log_in', userId: null, ip });
  return options;
}

const inputSchema = z.object({ response: z.string().max(16_384), ip: z.string().max(100) }).strict();

/**
 * Logs a member in with a passkey: the answer must sign a challenge Aviso gave (used up now), for
 * the public URL's origin, with the person verified by the authenticator, by a passkey Aviso knows.
 * A passkey is a whole strong login (something held and something known or been), so it satisfies
 * the team's two-factor rule and asks for no code. Failures count against the address like wrong
 * passwords do.
 */
export async function logInWithPasskey(
  ctx: Ctx,
  settings: PasskeySettings,
  input: { response: string; ip: string },
): Promise<{ sessionToken: string; user: User }> {
  const { response: text, ip } = inputSchema.parse(input);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - loginThrottle.windowMs);
  if ((await countFailures(ctx.db, { ip }, since)) >= loginThrottle.perIp) {
    throw new AppError('rate_limited', 'Too many failed logins; wait 15 minutes and try again.', undefined, 'accountError.tooManyLogins');
  }
  const refuse = async (email: string, message: string): Promise<never> => {
    await recordLoginAttempt(ctx.db, { email, ip, succeeded: false, at: now });
    throw new AppError('unauthorized', message);
  };
  const response = parseAuthentication(text);
  const challenge = challengeOf(response);
  if (!(await writePrivately(ctx, (tx) => takeChallenge(tx, challenge, 'log_in', null, now)))) {
    return refuse('', 'This passkey login has expired or was used; try again.');
  }
  const passkey = await findPasskeyByCredential(ctx.db, response.id);
  const user = passkey === undefined ? undefined : await findUser(ctx.db, passkey.userId);
  if (passkey === undefined || user === undefined) return refuse('', 'This passkey is not registered with Aviso.');
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: settings.origin,
    expectedRPID: settings.rpId,
    credential: {
      id: passkey.credentialId,
      publicKey: Buffer.from(passkey.publicKey, 'base64url'),
      counter: passkey.counter,
      transports: passkey.transports,
    },
    requireUserVerification: true,
  }).catch(() => ({ verified: false as const }));
  if (!verified.verified) return refuse(user.email, 'The passkey could not be verified; try again.');

  await recordLoginAttempt(ctx.db, { email: user.email, ip, succeeded: true, at: now });
  const sessionToken = await writePrivately(ctx, async (tx) => {
    await recordPasskeyUse(tx, passkey.id, verified.authenticationInfo.newCounter, now);
    await deleteExpiredSessions(tx, now);
    await markLoggedIn(tx, user.id, now);
    const actor: Actor = { kind: 'user', id: user.id, name: user.name };
    await recordAudit(tx, actor, {
      action: 'user.log_in',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: { method: 'passkey', passkey: passkey.name, ip },
      at: now,
    });
    return startSession({ db: tx, clock: ctx.clock }, user.id, 'passkey');
  });
  return { sessionToken, user: { ...user, lastLoginAt: now } };
}
