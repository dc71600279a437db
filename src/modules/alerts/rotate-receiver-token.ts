import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../shared/context.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { loadReceiver } from './list-receivers.ts';
import { hashReceiverToken } from './receiver.ts';
import { setReceiverTokenHash } from './receiver-store.ts';

/** Gives a receiver a new secret URL, returned once; the old one stops working at once. Its rules and alerts stay. */
export async function rotateReceiverToken(ctx: Ctx, id: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await writePrivately(ctx, async (tx) => {
    await loadReceiver({ db: tx }, id);
    await setReceiverTokenHash(tx, id, hashReceiverToken(token));
    // The entry says that the URL changed, never what it is.
    await recordAudit(tx, ctx.actor, {
      action: 'alert_receiver.rotate_token',
      entityType: 'alert_receiver',
      entityId: id,
      before: null,
      after: null,
      at: ctx.clock.now(),
    });
  });
  return token;
}
