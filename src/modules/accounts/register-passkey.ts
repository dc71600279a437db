import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { isUniqueViolation } from '../../storage/dialect.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { passkeyChallengeLifetimeMs, type Passkey, type PasskeySettings } from './passkey.ts';
import { insertPasskey, listUserPasskeys } from './passkey-store.ts';
import { findUser } from './user-store.ts';
import { takeChallenge } from './webauthn-challenge-store.ts';
import { keepChallenge } from './passkey-challenges.ts';
import {
  challengeOf,
  generateRegistrationOptions,
  parseRegistration,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
} from './webauthn.ts';

async function memberOf(ctx: Pick<Ctx, 'db'>, userId: string) {
  const user = await findUser(ctx.db, userId);
  if (user === undefined) throw new AppError('user_not_found', `No team member has the id "${userId}".`);
  return user;
}

/**
 * What the member's browser needs to create a passkey for Aviso: a fresh challenge (kept five
 * minutes, for this member only), the relying party from the public URL, and the member's existing
 * passkeys so one authenticator is not registered twice. The passkey is discoverable (it logs in
 * without an email) and the authenticator must verify the person (PIN, fingerprint, face).
 */
export async function beginPasskeyRegistration(
  ctx: Ctx,
  settings: PasskeySettings,
  userId: string,
  ip: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await memberOf(ctx, userId);
  const existing = await listUserPasskeys(ctx.db, userId);
  const options = await generateRegistrationOptions({
    rpName: settings.rpName,
    rpID: settings.rpId,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: passkeyChallengeLifetimeMs,
  });
  await keepChallenge(ctx, { challenge: options.challenge, purpose: 'register', userId, ip });
  return options;
}

const finishSchema = z
  .object({ name: z.string().trim().min(1, 'Give the passkey a name.').max(60), response: z.string().max(16_384) })
  .strict();

/**
 * Keeps the passkey the member's authenticator created, once its answer is verified against a
 * challenge Aviso gave this member (used up now, whatever the outcome) and the public URL's origin.
 */
export async function finishPasskeyRegistration(
  ctx: Ctx,
  settings: PasskeySettings,
  userId: string,
  input: { name: string; response: string },
): Promise<Passkey> {
  const { name, response: text } = finishSchema.parse(input);
  const response = parseRegistration(text);
  const now = ctx.clock.now();
  const challenge = challengeOf(response);
  if (!(await writePrivately(ctx, (tx) => takeChallenge(tx, challenge, 'register', userId, now)))) {
    throw new AppError('link_invalid', 'This passkey request has expired or was used; start again.');
  }
  const verified = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: settings.origin,
    expectedRPID: settings.rpId,
    requireUserVerification: true,
  }).catch(() => ({ verified: false as const }));
  if (!verified.verified) throw new AppError('validation_failed', 'The passkey could not be verified; try again.');
  const { credential } = verified.registrationInfo;
  const passkey = {
    id: newId(),
    userId,
    name,
    createdAt: now,
    lastUsedAt: null,
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: credential.transports ?? response.response.transports ?? [],
  };
  await writePrivately(ctx, async (tx) => {
    await memberOf({ db: tx }, userId);
    await insertPasskey(tx, passkey).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError('conflict', 'This passkey is registered already.') : error;
    });
    await recordAudit(tx, ctx.actor, {
      action: 'user.add_passkey',
      entityType: 'user',
      entityId: userId,
      before: null,
      after: { passkey: passkey.id, name },
      at: now,
    });
  });
  return { id: passkey.id, userId, name, createdAt: now, lastUsedAt: null };
}
