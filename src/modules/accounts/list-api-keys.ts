import type { Ctx } from '../../shared/context.ts';
import type { ApiKeyInfo } from './api-key.ts';
import { listApiKeyRows } from './api-key-store.ts';

/** Every key, newest first, revoked ones included (they show when they were revoked). */
export async function listApiKeys(ctx: Pick<Ctx, 'db'>): Promise<ApiKeyInfo[]> {
  return listApiKeyRows(ctx.db);
}
