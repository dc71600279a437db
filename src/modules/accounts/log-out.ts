import type { Ctx } from '../../shared/context.ts';
import { hashSecret } from './secret.ts';
import { deleteSession } from './session-store.ts';

/** Ends the session; the token is worthless afterwards. */
export async function logOut(ctx: Pick<Ctx, 'db'>, token: string): Promise<void> {
  await deleteSession(ctx.db, hashSecret(token));
}
