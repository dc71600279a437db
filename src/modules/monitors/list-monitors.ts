import type { Ctx } from '../../shared/context.ts';
import type { Monitor, MonitorStatus } from './monitor.ts';
import { loadMonitor } from './monitor-checks.ts';
import {
  findMonitorStatus,
  listMonitorRows,
  listMonitorStatuses,
  listResults,
  listRollups,
  type CheckResultRow,
  type Rollup,
} from './monitor-store.ts';
import { initialStatus } from './monitor.ts';
import { takenOverByHuman } from './automate-incident.ts';

export interface MonitorView {
  monitor: Monitor;
  status: MonitorStatus;
  /** The automatic incident it follows; `followed` is false once a person has edited or posted on it. */
  incident: { id: string; followed: boolean } | null;
}

async function incidentOf(ctx: Pick<Ctx, 'db'>, monitorId: string, status: MonitorStatus): Promise<MonitorView['incident']> {
  if (status.incidentId === null) return null;
  return { id: status.incidentId, followed: !(await takenOverByHuman(ctx, status.incidentId, monitorId)) };
}

/** Every monitor with its state and last result (the admin list, the API). */
export async function listMonitors(ctx: Pick<Ctx, 'db'>): Promise<MonitorView[]> {
  const [monitors, statuses] = await Promise.all([listMonitorRows(ctx.db), listMonitorStatuses(ctx.db)]);
  return Promise.all(
    monitors.map(async (monitor) => {
      const status = statuses.get(monitor.id) ?? initialStatus;
      return { monitor, status, incident: await incidentOf(ctx, monitor.id, status) };
    }),
  );
}

export async function getMonitor(ctx: Pick<Ctx, 'db'>, id: string): Promise<MonitorView> {
  const monitor = await loadMonitor(ctx.db, id);
  const status = await findMonitorStatus(ctx.db, id);
  return { monitor, status, incident: await incidentOf(ctx, id, status) };
}

/** A monitor's history: raw results of the last day, then hourly and daily aggregates. */
export async function monitorHistory(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  id: string,
): Promise<{ results: CheckResultRow[]; hours: Rollup[]; days: Rollup[] }> {
  await loadMonitor(ctx.db, id);
  const since = new Date(ctx.clock.now().getTime() - 24 * 3600_000);
  const [results, hours, days] = await Promise.all([
    listResults(ctx.db, id, since),
    listRollups(ctx.db, id, 'hour'),
    listRollups(ctx.db, id, 'day'),
  ]);
  return { results, hours, days };
}
