import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../shared/context.ts';
import { newId } from '../../shared/ids.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { createReceiverSchema, hashReceiverToken, type CreateReceiverInput, type Receiver } from './receiver.ts';
import { checkRules } from './receiver-checks.ts';
import { insertReceiver } from './receiver-store.ts';

/**
 * Adds a receiver with its rules; its secret token is returned once (only its hash is kept). A page
 * file gives the id and the hash of the token the receiver already has (then no token is returned).
 */
export async function createReceiver(
  ctx: Ctx,
  input: CreateReceiverInput,
  options: { id?: string; tokenHash?: string | null } = {},
): Promise<{ receiver: Receiver; token: string | null }> {
  const data = createReceiverSchema.parse(input);
  const now = ctx.clock.now();
  const receiver: Receiver = { id: options.id ?? newId(), name: data.name, rules: data.rules, createdAt: now, updatedAt: now };
  const kept = options.tokenHash ?? null;
  const token = kept === null ? randomBytes(24).toString('base64url') : null;
  await writePrivately(ctx, async (tx) => {
    await checkRules(tx, receiver.rules);
    await insertReceiver(tx, receiver, token === null ? kept! : hashReceiverToken(token));
    await recordAudit(tx, ctx.actor, {
      action: 'alert_receiver.create',
      entityType: 'alert_receiver',
      entityId: receiver.id,
      before: null,
      after: receiver,
      at: now,
    });
  });
  return { receiver, token };
}
