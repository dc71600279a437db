import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { openChallengesPerIp, passkeyChallengeLifetimeMs } from './passkey.ts';
import { countOpenChallenges, insertChallenge, type ChallengePurpose } from './webauthn-challenge-store.ts';

/**
 * Keeps a challenge handed to a browser for five minutes. An address holding `openChallengesPerIp`
 * unused ones is refused with `rate_limited`, so nobody fills the table by asking without end.
 */
export async function keepChallenge(
  ctx: Ctx,
  challenge: { challenge: string; purpose: ChallengePurpose; userId: string | null; ip: string },
): Promise<void> {
  const now = ctx.clock.now();
  await writePrivately(ctx, async (tx) => {
    if ((await countOpenChallenges(tx, challenge.ip, now)) >= openChallengesPerIp) {
      throw new AppError('rate_limited', 'Too many passkey requests from this address; wait five minutes and try again.');
    }
    await insertChallenge(tx, { ...challenge, expiresAt: new Date(now.getTime() + passkeyChallengeLifetimeMs) }, now);
  });
}
