import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import { newId, type ComponentId, type IncidentId, type IncidentUpdateId } from '../../shared/ids.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyIncidentUpdate } from '../../outbox/index.ts';
import { incidentSnapshot } from './incident-audit.ts';
import { findComponent } from '../components/index.ts';
import { updateBodyFields, type Incident, type IncidentUpdate } from './incident.ts';
import { scheduleMaintenanceSchema, type ScheduleMaintenanceInput } from './incident-schemas.ts';
import { insertIncident, insertIncidentUpdate } from './incident-store.ts';
import { planMaintenanceJobs } from './maintenance-automation.ts';

/** Schedules a maintenance window with its first update (`scheduled`) and its automation settings. */
export async function scheduleMaintenance(ctx: Ctx, input: ScheduleMaintenanceInput): Promise<Incident> {
  const data = scheduleMaintenanceSchema.parse(input);
  return write(ctx, async (tx) => {
    for (const id of data.componentIds) if ((await findComponent(tx, id)) === undefined) throw notFound('component', id);
    const now = ctx.clock.now();
    const id = newId<IncidentId>();
    const update: IncidentUpdate = {
      id: newId<IncidentUpdateId>(),
      incidentId: id,
      status: 'scheduled',
      ...updateBodyFields(data.body, 'scheduled'),
      createdAt: now,
      updatedAt: now,
      displayAt: now,
      deliverNotifications: data.deliverNotifications,
      affectedComponents: [],
    };
    const maintenance: Incident = {
      id,
      kind: 'maintenance',
      name: data.name,
      status: 'scheduled',
      impact: 'maintenance',
      impactOverride: null,
      createdAt: now,
      updatedAt: now,
      startedAt: data.scheduledFor,
      monitoringAt: null,
      resolvedAt: null,
      backfilled: false,
      schedule: {
        scheduledFor: data.scheduledFor,
        scheduledUntil: data.scheduledUntil,
        remindPrior: data.remindPrior,
        remindedAt: null,
        autoInProgress: data.autoInProgress,
        autoCompleted: data.autoCompleted,
        autoTransitionToMaintenanceState: data.autoTransitionToMaintenanceState,
        autoTransitionToOperationalState: data.autoTransitionToOperationalState,
        autoTransitionDeliverNotificationsAtStart: data.autoTransitionDeliverNotificationsAtStart,
        autoTransitionDeliverNotificationsAtEnd: data.autoTransitionDeliverNotificationsAtEnd,
      },
      postmortem: { body: null, draft: null, lastUpdatedAt: null, publishedAt: null, notifiedSubscribers: false, ignored: false },
      metadata: data.metadata,
      componentIds: [...new Set(data.componentIds)] as ComponentId[],
      updates: [update],
    };
    await insertIncident(tx, maintenance);
    await insertIncidentUpdate(tx, update);
    if (update.deliverNotifications) await notifyIncidentUpdate(tx, update, now);
    await planMaintenanceJobs(tx, maintenance, now);
    await recordAudit(tx, ctx.actor, {
      action: 'maintenance.schedule',
      entityType: 'maintenance',
      entityId: id,
      before: null,
      after: incidentSnapshot(maintenance, update),
      at: now,
    });
    return maintenance;
  });
}
