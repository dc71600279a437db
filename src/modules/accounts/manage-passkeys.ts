import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import type { Passkey } from './passkey.ts';
import { deletePasskeyRow, findUserPasskey, listUserPasskeys } from './passkey-store.ts';

/** A member's passkeys, oldest first: name, when added, when last used. */
export async function listPasskeys(ctx: Pick<Ctx, 'db'>, userId: string): Promise<Passkey[]> {
  return (await listUserPasskeys(ctx.db, userId)).map(({ id, name, createdAt, lastUsedAt }) => ({
    id,
    userId,
    name,
    createdAt,
    lastUsedAt,
  }));
}

/** Deletes one of the member's own passkeys; it logs in no more. */
export async function removePasskey(ctx: Ctx, userId: string, passkeyId: string): Promise<void> {
  const now = ctx.clock.now();
  await writePrivately(ctx, async (tx) => {
    const passkey = await findUserPasskey(tx, userId, passkeyId);
    if (passkey === undefined) throw new AppError('not_found', 'You have no passkey with this id.');
    await deletePasskeyRow(tx, userId, passkeyId);
    await recordAudit(tx, ctx.actor, {
      action: 'user.remove_passkey',
      entityType: 'user',
      entityId: userId,
      before: { passkey: passkey.id, name: passkey.name },
      after: null,
      at: now,
    });
  });
}
