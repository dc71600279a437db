import type { Actor, Ctx } from '../../shared/context.ts';
import { apiKeyPrefix, lastUsedResolutionMs, type ApiKeyScope } from './api-key.ts';
import { findApiKeyByHash, touchApiKey } from './api-key-store.ts';
import { hashSecret, safeEqual } from './secret.ts';

/**
 * The key's actor and scope, or null when the key is unknown, malformed or revoked.
 * The last-use time is written at most once a minute and outside the data revision.
 */
export async function authenticateApiKey(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  rawKey: string,
): Promise<{ actor: Actor; scope: ApiKeyScope; keyId: string } | null> {
  const key = rawKey.trim();
  if (!key.startsWith(apiKeyPrefix) || key.length > 200) return null;
  const hash = hashSecret(key);
  const found = await findApiKeyByHash(ctx.db, hash);
  if (found === undefined || !safeEqual(found.keyHash, hash) || found.info.revokedAt !== null) return null;
  const now = ctx.clock.now();
  const last = found.info.lastUsedAt;
  if (last === null || now.getTime() - last.getTime() >= lastUsedResolutionMs) await touchApiKey(ctx.db, found.info.id, now);
  return { actor: { kind: 'api_key', id: found.info.id, name: found.info.name }, scope: found.info.scope, keyId: found.info.id };
}

/** The key in an `Authorization: OAuth <key>` (Statuspage's scheme) or `Bearer <key>` header. */
export function apiKeyFromAuthorization(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^(?:OAuth|Bearer)\s+(\S+)\s*$/i.exec(header.trim());
  return match?.[1] ?? null;
}
