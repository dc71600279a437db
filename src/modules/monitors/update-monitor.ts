import type { Ctx } from '../../shared/context.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { clearSignal } from '../signals/index.ts';
import { updateMonitorSchema, type Monitor, type UpdateMonitorInput } from './monitor.ts';
import {
  checkComponent,
  checkPrivatePermission,
  checkPublicChart,
  checkTemplate,
  checkTiming,
  loadMonitor,
  parseSettings,
} from './monitor-checks.ts';
import { saveMonitor, saveMonitorStatus, findMonitorStatus } from './monitor-store.ts';
import { scheduleNextCheck } from './create-monitor.ts';

/**
 * Edits a monitor (pausing and resuming included). A paused monitor, or one moved to another
 * component, withdraws its signal, so the component it held gets its status back; a monitor whose
 * checks change starts counting again.
 */
export async function updateMonitor(
  ctx: Ctx,
  id: string,
  input: UpdateMonitorInput,
  options: { mayAllowPrivate: boolean },
): Promise<Monitor> {
  const data = updateMonitorSchema.parse(input);
  return write(ctx, async (tx) => {
    const current = await loadMonitor(tx, id);
    const now = ctx.clock.now();
    const { settings, ...fields } = data;
    const next = { ...current, ...fields, updatedAt: now } as Monitor;
    if (settings !== undefined) Object.assign(next, parseSettings(current.kind, settings));
    if (next.allowPrivate && !current.allowPrivate) checkPrivatePermission(true, options.mayAllowPrivate);
    checkTiming(next);
    checkPublicChart(next);
    if (next.componentId !== current.componentId) await checkComponent(tx, next.componentId);
    if (next.incidentTemplateId !== current.incidentTemplateId) await checkTemplate(tx, next.incidentTemplateId);
    await saveMonitor(tx, next);
    const txCtx = { ...ctx, db: tx };
    if (next.paused || next.componentId !== current.componentId || settings !== undefined) {
      await clearSignal(txCtx, { source: 'monitor', sourceId: id });
      const status = await findMonitorStatus(tx, id);
      await saveMonitorStatus(tx, id, { ...status, state: 'unknown', failures: 0, successes: 0 });
    }
    if (!next.paused && (current.paused || next.intervalSeconds !== current.intervalSeconds)) await scheduleNextCheck(tx, next, now);
    await recordAudit(tx, ctx.actor, {
      action: 'monitor.update',
      entityType: 'monitor',
      entityId: id,
      before: current,
      after: next,
      at: now,
    });
    return next;
  });
}
