import type { Ctx } from '../../shared/context.ts';
import { newId } from '../../shared/ids.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { apiKeyPrefix, createApiKeySchema, type ApiKeyInfo, type CreateApiKeyInput } from './api-key.ts';
import { insertApiKey } from './api-key-store.ts';
import { hashSecret, newSecret } from './secret.ts';

/** Creates an API key and returns it once; only its hash is stored. */
export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput): Promise<{ key: string; info: ApiKeyInfo }> {
  const data = createApiKeySchema.parse(input);
  const key = `${apiKeyPrefix}${newSecret(32)}`;
  const info: ApiKeyInfo = {
    id: newId(),
    name: data.name,
    scope: data.scope,
    prefix: key.slice(0, apiKeyPrefix.length + 6),
    createdAt: ctx.clock.now(),
    lastUsedAt: null,
    revokedAt: null,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
  };
  await writePrivately(ctx, async (tx) => {
    await insertApiKey(tx, info, hashSecret(key));
    await recordAudit(tx, ctx.actor, {
      action: 'api_key.create',
      entityType: 'api_key',
      entityId: info.id,
      before: null,
      after: info,
      at: info.createdAt,
    });
  });
  return { key, info };
}
