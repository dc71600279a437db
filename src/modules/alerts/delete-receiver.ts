import type { Ctx } from '../../shared/context.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { clearSignal, listSignals } from '../signals/index.ts';
import { loadReceiver } from './list-receivers.ts';
import { deleteReceiverRow } from './receiver-store.ts';

/** Removes a receiver and its URL; the alerts it raised clear, so their components get back the status automation found. */
export async function deleteReceiver(ctx: Ctx, id: string): Promise<void> {
  await write(ctx, async (tx) => {
    const current = await loadReceiver({ db: tx }, id);
    const txCtx = { ...ctx, db: tx };
    const ours = (await listSignals(tx)).filter((s) => s.source === 'receiver' && s.sourceId.startsWith(`${id}:`));
    for (const sourceId of new Set(ours.map((s) => s.sourceId))) await clearSignal(txCtx, { source: 'receiver', sourceId });
    await deleteReceiverRow(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'alert_receiver.delete',
      entityType: 'alert_receiver',
      entityId: id,
      before: current,
      after: null,
      at: ctx.clock.now(),
    });
  });
}
