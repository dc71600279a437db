import type { Ctx } from '../../shared/context.ts';
import { invalid, notFound } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { incidentSnapshot } from './incident-audit.ts';
import type { Incident, MaintenanceSchedule } from './incident.ts';
import { findIncident, saveIncident } from './incident-store.ts';
import { rescheduleMaintenanceSchema, type RescheduleMaintenanceInput } from './incident-schemas.ts';
import { planMaintenanceJobs } from './maintenance-automation.ts';

/**
 * Moves a maintenance's window or changes its automation. The reminder, start and completion are
 * planned again for the new window; jobs planned for the old one do nothing when they run.
 */
export async function rescheduleMaintenance(ctx: Ctx, maintenanceId: string, input: RescheduleMaintenanceInput): Promise<Incident> {
  const data = rescheduleMaintenanceSchema.parse(input);
  return write(ctx, async (tx) => {
    const maintenance = await findIncident(tx, maintenanceId);
    if (maintenance === undefined || maintenance.kind !== 'maintenance' || maintenance.schedule === null)
      throw notFound('maintenance', maintenanceId);
    const was = maintenance.schedule;
    const given = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as Partial<MaintenanceSchedule>;
    const schedule: MaintenanceSchedule = { ...was, ...given };
    if (schedule.scheduledUntil.getTime() <= schedule.scheduledFor.getTime()) {
      throw invalid('scheduledUntil: must end after it starts', [{ path: 'scheduledUntil', message: 'must end after it starts' }]);
    }
    const moved = schedule.scheduledFor.getTime() !== was.scheduledFor.getTime() || schedule.remindPrior !== was.remindPrior;
    if (moved) schedule.remindedAt = null;
    const now = ctx.clock.now();
    const next: Incident = {
      ...maintenance,
      schedule,
      startedAt: maintenance.status === 'scheduled' ? schedule.scheduledFor : maintenance.startedAt,
      updatedAt: now,
    };
    await saveIncident(tx, next);
    await planMaintenanceJobs(tx, next, now);
    await recordAudit(tx, ctx.actor, {
      action: 'maintenance.reschedule',
      entityType: 'maintenance',
      entityId: maintenance.id,
      before: incidentSnapshot(maintenance),
      after: incidentSnapshot(next),
      at: now,
    });
    return next;
  });
}
