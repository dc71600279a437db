import type { Ctx } from '../../shared/context.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { clearSignal, listSignals } from '../signals/index.ts';
import { loadReceiver } from './list-receivers.ts';
import { updateReceiverSchema, type Receiver, type UpdateReceiverInput } from './receiver.ts';
import { checkRules } from './receiver-checks.ts';
import { saveReceiver } from './receiver-store.ts';

/**
 * Renames a receiver or replaces its rules. Alerts it raised on a component no rule maps to any
 * more clear, so that component gets back the status automation found; the URL stays the same.
 */
export async function updateReceiver(ctx: Ctx, id: string, input: UpdateReceiverInput): Promise<Receiver> {
  const data = updateReceiverSchema.parse(input);
  return write(ctx, async (tx) => {
    const current = await loadReceiver({ db: tx }, id);
    const now = ctx.clock.now();
    const next: Receiver = { ...current, name: data.name ?? current.name, rules: data.rules ?? current.rules, updatedAt: now };
    if (data.rules !== undefined) {
      await checkRules(tx, next.rules);
      const mapped = new Set(next.rules.map((r) => r.componentId));
      const txCtx = { ...ctx, db: tx };
      for (const signal of await listSignals(tx))
        if (signal.source === 'receiver' && signal.sourceId.startsWith(`${id}:`) && !mapped.has(signal.componentId))
          await clearSignal(txCtx, { source: 'receiver', sourceId: signal.sourceId, componentId: signal.componentId });
    }
    await saveReceiver(tx, next);
    await recordAudit(tx, ctx.actor, {
      action: 'alert_receiver.update',
      entityType: 'alert_receiver',
      entityId: id,
      before: current,
      after: next,
      at: now,
    });
    return next;
  });
}
