import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { findSource, setSourceInterval as storeInterval } from './source-store.ts';
import type { ThirdPartySource } from './third-party-source.ts';

export const sourceIntervalSchema = z
  .object({
    url: z.string().min(1),
    /** From 30 seconds to an hour. */
    intervalSeconds: z.number().int().min(30).max(3600),
  })
  .strict();
export type SourceIntervalInput = z.input<typeof sourceIntervalSchema>;

/** How often a source is polled (60 s by default); the next poll is due at once. */
export async function setSourceInterval(ctx: Ctx, input: SourceIntervalInput): Promise<ThirdPartySource> {
  const data = sourceIntervalSchema.parse(input);
  return writePrivately(ctx, async (tx) => {
    const before = await findSource(tx, data.url);
    if (before === undefined) throw new AppError('not_found', `No component mirrors ${data.url}.`);
    const now = ctx.clock.now();
    await storeInterval(tx, data.url, data.intervalSeconds, now);
    const after = { ...before, intervalSeconds: data.intervalSeconds, nextPollAt: now };
    const summary = (s: ThirdPartySource) => ({ url: s.url, kind: s.kind, intervalSeconds: s.intervalSeconds });
    await recordAudit(tx, ctx.actor, {
      action: 'third_party_source.update',
      entityType: 'third_party_source',
      entityId: data.url,
      before: summary(before),
      after: summary(after),
      at: now,
    });
    return after;
  });
}
