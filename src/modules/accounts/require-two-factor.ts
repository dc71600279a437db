import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { hasSecondFactor } from './second-factor.ts';
import { findTwoFactorRequired, saveTwoFactorRequired } from './team-rule-store.ts';
import { findUser } from './user-store.ts';

/**
 * Turns the team's two-factor rule on or off. Only an owner may, and an owner turns it on only
 * with a second factor of their own (else they would lock themselves into the setup screen). With
 * it on, a member who logs in with a password and has no second factor can open nothing but the
 * screen that sets one up; logins through the identity provider and API keys are not affected.
 */
export async function requireTwoFactor(ctx: Ctx, input: { required: boolean }): Promise<void> {
  const { required } = z.object({ required: z.boolean() }).strict().parse(input);
  const now = ctx.clock.now();
  await writePrivately(ctx, async (tx) => {
    if (ctx.actor.kind !== 'system') {
      const acting = ctx.actor.kind === 'user' && ctx.actor.id !== null ? await findUser(tx, ctx.actor.id) : undefined;
      if (acting?.role !== 'owner') throw new AppError('forbidden', 'Only an owner can change the team’s two-factor rule.');
      if (required && !(await hasSecondFactor(tx, acting.id))) {
        throw new AppError('conflict', 'Turn on two-factor login for your own account first; then you can require it of the team.');
      }
    }
    const before = await findTwoFactorRequired(tx);
    if (before === required) return;
    await saveTwoFactorRequired(tx, required, now);
    await recordAudit(tx, ctx.actor, {
      action: 'team.require_two_factor',
      entityType: 'team',
      entityId: null,
      before: { requireTwoFactor: before },
      after: { requireTwoFactor: required },
      at: now,
    });
  });
}

/** Whether the team requires a second factor of members who log in with a password. */
export async function isTwoFactorRequired(ctx: Pick<Ctx, 'db'>): Promise<boolean> {
  return findTwoFactorRequired(ctx.db);
}
