import type { Ctx } from '../../shared/context.ts';
import type { LoginMethod } from './login-method.ts';
import { sessionLifetimeMs } from './user.ts';
import { insertSession } from './session-store.ts';
import { hashSecret, newSecret } from './secret.ts';

/** Opens a session for a member and returns its token (for the cookie); only its hash is stored. */
export async function startSession(ctx: Pick<Ctx, 'db' | 'clock'>, userId: string, method: LoginMethod): Promise<string> {
  const token = newSecret(32);
  const now = ctx.clock.now();
  await insertSession(ctx.db, hashSecret(token), userId, newSecret(24), now, new Date(now.getTime() + sessionLifetimeMs), method);
  return token;
}
