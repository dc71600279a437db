import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../shared/context.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { findComponent } from '../components/index.ts';
import { createReceiverSchema, hashReceiverToken, type CreateReceiverInput, type Receiver } from './receiver.ts';
import { insertReceiver } from './receiver-store.ts';

/** Adds a receiver with its rules; its secret token is returned once (only its hash is kept). */
export async function createReceiver(ctx: Ctx, input: CreateReceiverInput): Promise<{ receiver: Receiver; token: string }> {
  const data = createReceiverSchema.parse(input);
  const now = ctx.clock.now();
  const receiver: Receiver = { id: newId(), name: data.name, rules: data.rules, createdAt: now, updatedAt: now };
  const token = randomBytes(24).toString('base64url');
  await writePrivately(ctx, async (tx) => {
    for (const rule of receiver.rules) {
      const component = await findComponent(tx, rule.componentId);
      if (component === undefined) throw notFound('component', rule.componentId);
      if (component.isGroup)
        throw new AppError('component_group_invalid', `"${component.name}" is a group; map alerts to one of its components.`);
    }
    await insertReceiver(tx, receiver, hashReceiverToken(token));
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
