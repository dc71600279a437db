import type { RunningJob } from '../../jobs/index.ts';
import type { Ctx } from '../../shared/context.ts';
import type { Outbound } from '../../outbound/index.ts';
import { down, up, type CheckResult } from './checks/check-result.ts';
import { probe } from './checks/probe.ts';
import type { HeartbeatSettings, Monitor, MonitorStatus } from './monitor.ts';
import { findMonitor, findMonitorStatus } from './monitor-store.ts';
import { recordCheck } from './record-check.ts';
import { scheduleNextCheck } from './create-monitor.ts';

/** Which client a monitor uses: the operator's policy when it may reach private addresses, public addresses only otherwise. */
export interface MonitorClients {
  permitted: Outbound;
  publicOnly: Outbound;
}

/** A heartbeat is up while its last ping is recent: silence beyond the interval plus the grace is a failure. */
export function evaluateHeartbeat(monitor: Monitor, status: MonitorStatus, now: Date): CheckResult {
  const grace = (monitor.settings as HeartbeatSettings).graceSeconds * 1000;
  const since = Math.max(status.lastPingAt?.getTime() ?? 0, monitor.createdAt.getTime());
  const silence = now.getTime() - since;
  if (silence > monitor.intervalSeconds * 1000 + grace)
    return down(status.lastPingAt === null ? 'no ping has arrived yet' : `no ping for ${Math.round(silence / 1000)} s`, null);
  return up(null);
}

/**
 * The `monitors.check` job: checks once, then records the result, schedules the next slot (the
 * first after the check started, so a slow target never skips one) and completes the job in one
 * transaction: one commit per check. A check whose worker dies before that commit is claimed
 * again when its lease runs out, and `monitors.ensure-scheduled` restarts any chain that broke.
 * A slot that starts more than an interval late could not run in time: the stretch since it is "no data".
 */
export async function runMonitorCheck(
  ctx: Ctx,
  payload: { monitorId: string; slot: string },
  clients: MonitorClients,
  job: Pick<RunningJob, 'completeIn'>,
): Promise<void> {
  const monitor = await findMonitor(ctx.db, payload.monitorId);
  if (monitor === undefined || monitor.paused) return;
  const slot = new Date(payload.slot);
  const started = ctx.clock.now();
  const intervalMs = monitor.intervalSeconds * 1000;
  const missed = started.getTime() - slot.getTime() > intervalMs ? { from: slot, to: started } : undefined;
  let status = await findMonitorStatus(ctx.db, monitor.id);
  let result: CheckResult;
  if (monitor.kind === 'heartbeat') {
    // Pings could not arrive while Aviso was down: the grace period starts again.
    if (missed !== undefined) status = { ...status, lastPingAt: started };
    result = evaluateHeartbeat(monitor, status, started);
  } else {
    result = await probe(monitor, monitor.allowPrivate ? clients.permitted : clients.publicOnly, () => ctx.clock.now());
  }
  await recordCheck(ctx, monitor, result, {
    ...(missed !== undefined && { missed }),
    status,
    alsoInTransaction: async (tx) => {
      await scheduleNextCheck(tx, monitor, started);
      await job.completeIn(tx);
    },
  });
}
