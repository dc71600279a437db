import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { Receiver } from './receiver.ts';
import { findReceiver, listReceiverRows } from './receiver-store.ts';

export async function listReceivers(ctx: Pick<Ctx, 'db'>): Promise<Receiver[]> {
  return listReceiverRows(ctx.db);
}

export async function loadReceiver(ctx: Pick<Ctx, 'db'>, id: string): Promise<Receiver> {
  const receiver = await findReceiver(ctx.db, id);
  if (receiver === undefined) throw new AppError('alert_receiver_not_found', `No alert receiver has the id "${id}".`);
  return receiver;
}
