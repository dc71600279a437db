import { enqueue } from '../../jobs/index.ts';
import type { Ctx } from '../../shared/context.ts';
import type { Db } from '../../storage/database.ts';
import { write, writePrivately } from '../../storage/write.ts';
import { listComponents, type ComponentStatus } from '../components/index.ts';
import type { Incident, MaintenanceSchedule } from './incident.ts';
import { findIncident, listIncidents, saveIncident } from './incident-store.ts';
import { postIncidentUpdate } from './post-incident-update.ts';

export const maintenanceJobs = {
  remind: 'maintenance.remind',
  start: 'maintenance.start',
  complete: 'maintenance.complete',
  plan: 'maintenance.plan',
} as const;

/** Which window a job was planned for; a job for another window (the maintenance was moved) does nothing. */
export interface MaintenanceJobPayload {
  maintenanceId: string;
  scheduledFor: string;
  scheduledUntil: string;
  remindPrior: number;
}

/**
 * Inside the write that schedules or moves a maintenance: enqueues its reminder, start and
 * completion. The keys hold the window, so moving it plans new jobs and the old ones find
 * themselves stale when they run.
 */
export async function planMaintenanceJobs(tx: Db, maintenance: Incident, now: Date): Promise<void> {
  const s = maintenance.schedule;
  if (s === null || maintenance.kind !== 'maintenance') return;
  const payload: MaintenanceJobPayload = {
    maintenanceId: maintenance.id,
    scheduledFor: s.scheduledFor.toISOString(),
    scheduledUntil: s.scheduledUntil.toISOString(),
    remindPrior: s.remindPrior,
  };
  const remindAt = new Date(s.scheduledFor.getTime() - s.remindPrior * 60_000);
  // A reminder whose time has passed would announce the wrong delay; it is skipped.
  if (s.remindPrior > 0 && remindAt.getTime() > now.getTime() && s.remindedAt === null) {
    const key = `${maintenanceJobs.remind}:${maintenance.id}:${payload.scheduledFor}:${s.remindPrior}`;
    await enqueue(tx, { name: maintenanceJobs.remind, payload, runAt: remindAt, idempotencyKey: key }, now);
  }
  if (s.autoInProgress) {
    const key = `${maintenanceJobs.start}:${maintenance.id}:${payload.scheduledFor}`;
    await enqueue(tx, { name: maintenanceJobs.start, payload, runAt: s.scheduledFor, idempotencyKey: key }, now);
  }
  if (s.autoCompleted) {
    const key = `${maintenanceJobs.complete}:${maintenance.id}:${payload.scheduledUntil}`;
    await enqueue(tx, { name: maintenanceJobs.complete, payload, runAt: s.scheduledUntil, idempotencyKey: key }, now);
  }
}

/**
 * Plans the jobs of every maintenance not yet completed. Idempotent (the keys hold the window), so
 * it can run every minute: maintenances written by other paths (a page file, an import) get their
 * automation too, and a lost job is planned again. It only enqueues, so the data revision is left alone.
 */
export async function planOpenMaintenances(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<number> {
  return writePrivately(ctx, async (tx) => {
    const open = await listIncidents(tx, { kind: 'maintenance', statuses: ['scheduled', 'in_progress', 'verifying'] });
    for (const maintenance of open) await planMaintenanceJobs(tx, maintenance, ctx.clock.now());
    return open.length;
  });
}

async function current(
  ctx: Ctx,
  payload: MaintenanceJobPayload,
): Promise<{ maintenance: Incident; schedule: MaintenanceSchedule } | undefined> {
  const maintenance = await findIncident(ctx.db, payload.maintenanceId);
  const schedule = maintenance?.schedule;
  if (maintenance === undefined || maintenance.kind !== 'maintenance' || schedule === null || schedule === undefined) return undefined;
  const sameWindow =
    schedule.scheduledFor.toISOString() === payload.scheduledFor && schedule.scheduledUntil.toISOString() === payload.scheduledUntil;
  return sameWindow ? { maintenance, schedule } : undefined;
}

/** The reminder: "Maintenance will begin as scheduled in N minutes.", once per window. */
export async function remindMaintenanceIfDue(ctx: Ctx, payload: MaintenanceJobPayload): Promise<boolean> {
  return write(ctx, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const found = await current(txCtx, payload);
    if (
      found === undefined ||
      found.maintenance.status !== 'scheduled' ||
      found.schedule.remindedAt !== null ||
      found.schedule.remindPrior !== payload.remindPrior
    )
      return false;
    const minutes = found.schedule.remindPrior;
    const next = await postIncidentUpdate(
      txCtx,
      found.maintenance.id,
      { status: 'scheduled', deliverNotifications: true },
      { generatedBody: { key: 'reminder', params: { minutes } } },
    );
    await saveIncident(tx, { ...next, schedule: { ...found.schedule, remindedAt: ctx.clock.now() } });
    return true;
  });
}

/** The start: `in_progress`, and the components under maintenance when the maintenance says so. */
export async function startMaintenanceIfDue(ctx: Ctx, payload: MaintenanceJobPayload): Promise<boolean> {
  return write(ctx, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const found = await current(txCtx, payload);
    if (found === undefined || found.maintenance.status !== 'scheduled' || !found.schedule.autoInProgress) return false;
    const components: Record<string, ComponentStatus> = {};
    if (found.schedule.autoTransitionToMaintenanceState)
      for (const id of found.maintenance.componentIds) components[id] = 'under_maintenance';
    await postIncidentUpdate(txCtx, found.maintenance.id, {
      status: 'in_progress',
      components,
      deliverNotifications: found.schedule.autoTransitionDeliverNotificationsAtStart,
    });
    return true;
  });
}

/** The end: `completed`, and its components back to operational (those still under maintenance). */
export async function completeMaintenanceIfDue(ctx: Ctx, payload: MaintenanceJobPayload): Promise<boolean> {
  return write(ctx, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const found = await current(txCtx, payload);
    if (found === undefined || found.maintenance.status === 'completed' || !found.schedule.autoCompleted) return false;
    const components: Record<string, ComponentStatus> = {};
    if (found.schedule.autoTransitionToOperationalState) {
      const attached = new Set<string>(found.maintenance.componentIds);
      // A component that went down during the window keeps its outage; only the maintenance state is lifted.
      for (const c of await listComponents(tx))
        if (attached.has(c.id) && c.status === 'under_maintenance') components[c.id] = 'operational';
    }
    await postIncidentUpdate(txCtx, found.maintenance.id, {
      status: 'completed',
      components,
      deliverNotifications: found.schedule.autoTransitionDeliverNotificationsAtEnd,
    });
    return true;
  });
}
