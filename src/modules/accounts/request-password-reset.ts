import { z } from 'zod';
import { enqueue } from '../../jobs/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { writePrivately } from '../../storage/write.ts';
import { passwordReset } from './password-reset.ts';
import { findUserByEmail } from './user-store.ts';

const requestSchema = z.object({ email: z.string().trim().toLowerCase().max(254) }).strict();

/**
 * Someone asks for a reset link for an address. Whether a member has it is never told (the answer
 * and its timing are the same either way): for a member, a job mails the link; at most one job
 * per address per ten minutes, however often the form is sent.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email: string }): Promise<void> {
  const { email } = requestSchema.parse(input);
  const now = ctx.clock.now();
  await writePrivately(ctx, async (tx) => {
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
