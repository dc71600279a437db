import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { writePrivately } from '../../storage/write.ts';
import { issueLinkToken } from './account-links.ts';
import { countAccountTokens } from './account-token-store.ts';
import { passwordReset, type PasswordResetSettings } from './password-reset.ts';
import { findUser } from './user-store.ts';

const payloadSchema = z.object({ userId: z.string().min(1).max(100) });

/**
 * The job behind a reset request: issues the one-time link (only its hash is stored, so the raw
 * link never sits in the job queue) and mails it. Past three links an hour for one address, or
 * for a member who is gone, it does nothing.
 */
export async function sendPasswordReset(ctx: Ctx, payload: unknown, settings: PasswordResetSettings): Promise<void> {
  const { userId } = payloadSchema.parse(payload);
  const now = ctx.clock.now();
  const issued = await writePrivately(ctx, async (tx) => {
    const user = await findUser(tx, userId);
    if (user === undefined) return undefined;
    const lastHour = new Date(now.getTime() - 3600_000);
    if ((await countAccountTokens(tx, 'reset', user.email, lastHour)) >= passwordReset.perAddressPerHour) return undefined;
    const link = await issueLinkToken(
      tx,
      { kind: 'reset', email: user.email, role: user.role, createdBy: null },
      now,
      passwordReset.lifetimeMs,
    );
    return { user, ...link };
  });
  if (issued === undefined || settings.sendMail === undefined) return;
  const link = `${settings.publicUrl}/admin/reset?token=${issued.token}`;
  await settings.sendMail({
    to: issued.user.email,
    subject: 'Reset your Aviso password',
    text: [
      `Hello ${issued.user.name},`,
      '',
      'Someone asked to reset the password of your Aviso account. To choose a new one, open this link within an hour:',
      '',
      link,
      '',
      'If it was not you, ignore this message: your password stays as it is.',
    ].join('\n'),
  });
}
