import type { Ctx } from '../../shared/context.ts';
import type { Db } from '../../storage/database.ts';
import { write, writePrivately } from '../../storage/write.ts';
import { clearSignal, insertNoData, raiseSignal } from '../signals/index.ts';
import type { CheckResult } from './checks/check-result.ts';
import type { Monitor, MonitorStatus } from './monitor.ts';
import { nextState, wantedStatus } from './monitor-state.ts';
import { findMonitorStatus, insertResult, saveMonitorStatus } from './monitor-store.ts';
import { automateIncident } from './automate-incident.ts';

/**
 * Records one check: the result (a visitor never sees it, so no revision is bumped), the
 * confirmation counters, and, only when the monitor's state changes what it asks of its
 * component, the signal (a visible write). `missed`: the slots since `missed.from` could not run
 * in time (Aviso was down or overloaded); that stretch is "no data" for the component, never downtime.
 * `alsoInTransaction`: more work that commits with the result (the check job's next slot and completion).
 */
export async function recordCheck(
  ctx: Ctx,
  monitor: Monitor,
  result: CheckResult,
  options: { missed?: { from: Date; to: Date }; status?: MonitorStatus; alsoInTransaction?: (tx: Db) => Promise<void> } = {},
): Promise<MonitorStatus> {
  const now = ctx.clock.now();
  const before = options.status ?? (await findMonitorStatus(ctx.db, monitor.id));
  const counted = nextState(monitor, before, result.outcome);
  const after: MonitorStatus = {
    ...before,
    ...counted,
    lastCheckedAt: now,
    lastOutcome: result.outcome,
    lastReason: result.reason,
    lastDurationMs: result.durationMs,
  };
  const wantedBefore = before.state === 'unknown' ? null : wantedStatus(monitor, before.state);
  const wantedAfter = wantedStatus(monitor, after.state);
  const signalChanges =
    monitor.componentId !== null && (wantedBefore !== wantedAfter || (before.state === 'unknown' && wantedAfter !== null));
  const visible = signalChanges || (options.missed !== undefined && monitor.componentId !== null);
  const work = async (tx: Ctx['db']) => {
    const txCtx = { ...ctx, db: tx };
    if (options.missed !== undefined) {
      await insertResult(tx, {
        monitorId: monitor.id,
        checkedAt: options.missed.from,
        outcome: 'no_data',
        durationMs: null,
        reason: 'the check could not run in time',
      });
      if (monitor.componentId !== null)
        await insertNoData(tx, { componentId: monitor.componentId, source: 'monitor', sourceId: monitor.id, ...options.missed });
    }
    await insertResult(tx, {
      monitorId: monitor.id,
      checkedAt: now,
      outcome: result.outcome,
      durationMs: result.durationMs,
      reason: result.reason,
    });
    if (signalChanges && monitor.componentId !== null) {
      const actorCtx = { ...txCtx, actor: { kind: 'system' as const, id: monitor.id, name: `Monitor “${monitor.name}”` } };
      if (wantedAfter === null) await clearSignal(actorCtx, { source: 'monitor', sourceId: monitor.id });
      else
        await raiseSignal(actorCtx, {
          componentId: monitor.componentId,
          source: 'monitor',
          sourceId: monitor.id,
          status: wantedAfter,
          summary: result.reason,
        });
      after.incidentId = await automateIncident(actorCtx, monitor, before.incidentId, wantedAfter, result.reason);
    }
    await saveMonitorStatus(tx, monitor.id, after);
    await options.alsoInTransaction?.(tx);
  };
  if (visible) await write(ctx, work);
  else await writePrivately(ctx, work);
  return after;
}
