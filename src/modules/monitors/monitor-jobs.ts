import { publicTargetsOnly, type Outbound } from '../../outbound/index.ts';
import { purgeFinishedJobs, type JobHandlers, type RecurringJob } from '../../jobs/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { writePrivately } from '../../storage/write.ts';
import { scheduleNextCheck } from './create-monitor.ts';
import { listMonitorRows } from './monitor-store.ts';
import { rollUpResults, defaultRetention, type RetentionSettings } from './roll-up-results.ts';
import { runMonitorCheck, type MonitorClients } from './run-check.ts';
import { checkJobName } from './schedule.ts';

export interface MonitorJobSettings {
  /** The client under the operator's policy (`AVISO_ALLOW_PRIVATE_TARGETS`). */
  outbound: Outbound;
  retention?: RetentionSettings;
}

/** The clients a monitor's checks use: the operator's policy, or public addresses only. */
export function monitorClients(outbound: Outbound): MonitorClients {
  return { permitted: outbound, publicOnly: outbound.withPolicy(publicTargetsOnly) };
}

/** Restarts any monitor whose chain of checks broke (a crashed worker, a restored backup): idempotent per slot. */
export async function ensureChecksScheduled(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<void> {
  const now = ctx.clock.now();
  const monitors = (await listMonitorRows(ctx.db)).filter((m) => !m.paused);
  await writePrivately(ctx, async (tx) => {
    for (const monitor of monitors) await scheduleNextCheck(tx, monitor, now);
  });
}

export function createMonitorHandlers(settings: MonitorJobSettings): JobHandlers {
  const clients = monitorClients(settings.outbound);
  return {
    // Checks wait on the network: they run side by side, each recording its result, its next slot and its completion in one transaction.
    [checkJobName]: {
      run: async (ctx, payload: { monitorId: string; slot: string }, job) => runMonitorCheck(ctx, payload, clients, job),
      concurrent: true,
    },
    'monitors.ensure-scheduled': async (ctx) => ensureChecksScheduled(ctx),
    'monitors.roll-up': async (ctx) => {
      await rollUpResults(ctx, settings.retention ?? defaultRetention);
      // A check is a job per slot: finished ones are only clutter after an hour.
      await purgeFinishedJobs(ctx.db, new Date(ctx.clock.now().getTime() - 3600_000), checkJobName);
    },
  };
}

export const monitorRecurringJobs: RecurringJob[] = [
  { name: 'monitors.ensure-scheduled', everyMs: 60_000 },
  { name: 'monitors.roll-up', everyMs: 3600_000 },
];
