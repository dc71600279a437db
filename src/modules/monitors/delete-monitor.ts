import type { Ctx } from '../../shared/context.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { clearSignal } from '../signals/index.ts';
import { loadMonitor } from './monitor-checks.ts';
import { deleteMonitorRow } from './monitor-store.ts';

/** Removes a monitor with its results; its component gets back the status automation found. Its pending check finds nothing and does nothing. */
export async function deleteMonitor(ctx: Ctx, id: string): Promise<void> {
  await write(ctx, async (tx) => {
    const current = await loadMonitor(tx, id);
    await clearSignal({ ...ctx, db: tx }, { source: 'monitor', sourceId: id });
    await deleteMonitorRow(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'monitor.delete',
      entityType: 'monitor',
      entityId: id,
      before: current,
      after: null,
      at: ctx.clock.now(),
    });
  });
}
