import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import type { ApiKeyInfo } from './api-key.ts';
import { findApiKey, markApiKeyRevoked } from './api-key-store.ts';

/** Revokes a key for good; requests with it are refused from now on. Revoking twice is harmless. */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<ApiKeyInfo> {
  return writePrivately(ctx, async (tx) => {
    const before = await findApiKey(tx, id);
    if (before === undefined) throw new AppError('api_key_not_found', `No API key has the id "${id}".`);
    if (before.revokedAt !== null) return before;
    const now = ctx.clock.now();
    await markApiKeyRevoked(tx, id, now);
    const after = { ...before, revokedAt: now };
    await recordAudit(tx, ctx.actor, { action: 'api_key.revoke', entityType: 'api_key', entityId: id, before, after, at: now });
    return after;
  });
}
