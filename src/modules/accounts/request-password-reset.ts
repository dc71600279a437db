import { z } from 'zod';
import { enqueue } from '../../jobs/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { passwordReset } from './password-reset.ts';
import { countResetRequests, recordResetRequest } from './reset-request-store.ts';
import { findUserByEmail } from './user-store.ts';

const requestSchema = z.object({ email: z.string().trim().toLowerCase().max(254), ip: z.string().max(100) }).strict();

/**
 * Someone asks for a reset link for an address. Whether a member has it is never told (the answer
 * and its timing are the same either way): for a member, a job mails the link; at most one job
 * per address per ten minutes, however often the form is sent. One client address may send the
 * form `passwordReset.perIp` times per window, whatever emails it names; past that it is refused
 * with `rate_limited`, members' addresses and others alike, and nothing is recorded.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email: string; ip: string }): Promise<void> {
  const { email, ip } = requestSchema.parse(input);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - passwordReset.perIpWindowMs);
  await writePrivately(ctx, async (tx) => {
    if ((await countResetRequests(tx, ip, since)) >= passwordReset.perIp) {
      throw new AppError(
        'rate_limited',
        'Too many reset requests from this address; wait 15 minutes and try again.',
        undefined,
        'accountError.tooManyResets',
      );
    }
    await recordResetRequest(tx, ip, now, since);
    const found = await findUserByEmail(tx, email);
    if (found === undefined) return;
    const window = Math.floor(now.getTime() / 600_000);
    await enqueue(
      tx,
      { name: passwordReset.jobName, payload: { userId: found.user.id }, idempotencyKey: `password-reset:${found.user.id}:${window}` },
      now,
    );
  });
}
