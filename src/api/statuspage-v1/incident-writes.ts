import {
  getIncident,
  isMaintenanceStatus,
  openIncident,
  postIncidentUpdate,
  rescheduleMaintenance,
  scheduleMaintenance,
  updateIncident,
  type Incident,
  type RescheduleMaintenanceInput,
  type ScheduleMaintenanceInput,
} from '../../modules/incidents/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { requireField, type IncidentBody } from './request-schemas.ts';

const reminderMinutes = 60;

function invalidField(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
}

function attachedIds(d: IncidentBody): string[] {
  return [...new Set([...Object.keys(d.components ?? {}), ...(d.component_ids ?? [])])];
}

function maintenanceInput(d: IncidentBody, name: string): ScheduleMaintenanceInput {
  const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
  return {
    name,
    scheduledFor: requireField(d.scheduled_for, 'incident.scheduled_for'),
    scheduledUntil: requireField(d.scheduled_until, 'incident.scheduled_until'),
    componentIds: attachedIds(d),
    ...optional('body', d.body),
    ...optional('remindPrior', d.scheduled_remind_prior === undefined ? undefined : d.scheduled_remind_prior ? reminderMinutes : 0),
    ...optional('autoInProgress', d.scheduled_auto_in_progress),
    ...optional('autoCompleted', d.scheduled_auto_completed),
    ...optional('autoTransitionToMaintenanceState', d.auto_transition_to_maintenance_state),
    ...optional('autoTransitionToOperationalState', d.auto_transition_to_operational_state),
    ...optional('autoTransitionDeliverNotificationsAtStart', d.auto_transition_deliver_notifications_at_start),
    ...optional('autoTransitionDeliverNotificationsAtEnd', d.auto_transition_deliver_notifications_at_end),
    ...optional('deliverNotifications', d.deliver_notifications),
    ...optional('metadata', d.metadata),
  };
}

/**
 * Statuspage's one "create incident" call covers three things: a realtime incident, a scheduled
 * maintenance (`scheduled_for` given) and a backfilled past incident (`backfilled`).
 */
export async function createFromBody(ctx: Ctx, d: IncidentBody): Promise<Incident> {
  const name = requireField(d.name, 'incident.name');
  if (d.backfilled === true || (d.backfill_date !== undefined && d.backfill_date !== null)) {
    if (d.components !== undefined && Object.keys(d.components).length > 0) {
      throw invalidField('incident.components', 'a backfilled incident cannot change component statuses');
    }
    return openIncident(ctx, {
      name,
      backfilled: true,
      componentIds: d.component_ids ?? [],
      ...(d.body !== undefined && { body: d.body }),
      ...(d.backfill_date !== undefined && d.backfill_date !== null && { startedAt: d.backfill_date }),
      ...(d.impact_override !== undefined && { impactOverride: d.impact_override }),
      ...(d.metadata !== undefined && { metadata: d.metadata }),
    });
  }
  if ((d.scheduled_for ?? null) !== null || (d.status !== undefined && isMaintenanceStatus(d.status))) {
    return write(ctx, async (tx) => {
      const inTx = { ...ctx, db: tx };
      const maintenance = await scheduleMaintenance(inTx, maintenanceInput(d, name));
      if (d.status === undefined || d.status === 'scheduled') return maintenance;
      return postIncidentUpdate(inTx, maintenance.id, {
        status: d.status,
        components: d.components ?? {},
        deliverNotifications: d.deliver_notifications ?? true,
      });
    });
  }
  return openIncident(ctx, {
    name,
    components: d.components ?? {},
    componentIds: d.component_ids ?? [],
    ...(d.status !== undefined && { status: d.status as 'investigating' }),
    ...(d.body !== undefined && { body: d.body }),
    ...(d.impact_override !== undefined && { impactOverride: d.impact_override }),
    ...(d.deliver_notifications !== undefined && { deliverNotifications: d.deliver_notifications }),
    ...(d.metadata !== undefined && { metadata: d.metadata }),
  });
}

const unchangeable = ['backfilled', 'backfill_date'] as const;
const scheduleFields = [
  'scheduled_for',
  'scheduled_until',
  'scheduled_remind_prior',
  'scheduled_auto_in_progress',
  'scheduled_auto_completed',
  'auto_transition_to_maintenance_state',
  'auto_transition_to_operational_state',
  'auto_transition_deliver_notifications_at_start',
  'auto_transition_deliver_notifications_at_end',
] as const;

/** The schedule fields of a PATCH as Aviso's reschedule input; null when none was sent. */
function rescheduleInput(d: IncidentBody): RescheduleMaintenanceInput | null {
  if (!scheduleFields.some((f) => d[f] !== undefined)) return null;
  const optional = <K extends string, V>(key: K, value: V | null | undefined) =>
    value === undefined || value === null ? {} : ({ [key]: value } as Record<K, V>);
  return {
    ...optional('scheduledFor', d.scheduled_for),
    ...optional('scheduledUntil', d.scheduled_until),
    ...optional('remindPrior', d.scheduled_remind_prior === undefined ? undefined : d.scheduled_remind_prior ? reminderMinutes : 0),
    ...optional('autoInProgress', d.scheduled_auto_in_progress),
    ...optional('autoCompleted', d.scheduled_auto_completed),
    ...optional('autoTransitionToMaintenanceState', d.auto_transition_to_maintenance_state),
    ...optional('autoTransitionToOperationalState', d.auto_transition_to_operational_state),
    ...optional('autoTransitionDeliverNotificationsAtStart', d.auto_transition_deliver_notifications_at_start),
    ...optional('autoTransitionDeliverNotificationsAtEnd', d.auto_transition_deliver_notifications_at_end),
  };
}

/**
 * PATCH/PUT: name, impact, attached components, metadata and a maintenance's window are edited in place; a `body`, a
 * `status` or component changes post a new update, as Statuspage does. All in one transaction.
 */
export async function updateFromBody(ctx: Ctx, id: string, d: IncidentBody): Promise<Incident> {
  return write(ctx, async (tx) => {
    const inTx = { ...ctx, db: tx };
    let incident = await getIncident(inTx, id);
    for (const field of unchangeable) {
      if (d[field] !== undefined)
        throw invalidField(`incident.${field}`, 'cannot be changed after creation; delete the incident and backfill it again');
    }
    const reschedule = rescheduleInput(d);
    if (reschedule !== null) {
      const field = scheduleFields.find((f) => d[f] !== undefined)!;
      if (incident.kind !== 'maintenance' || incident.schedule === null)
        throw invalidField(`incident.${field}`, 'only a scheduled maintenance has a window');
      const from = d.scheduled_for ?? incident.schedule.scheduledFor;
      const until = d.scheduled_until ?? incident.schedule.scheduledUntil;
      if (until.getTime() <= from.getTime()) throw invalidField('incident.scheduled_until', 'must end after it starts');
      incident = await rescheduleMaintenance(inTx, id, reschedule);
    }
    const edits = {
      ...(d.name !== undefined && { name: d.name }),
      ...(d.impact_override !== undefined && { impactOverride: d.impact_override }),
      ...(d.component_ids !== undefined && { componentIds: d.component_ids }),
      ...(d.metadata !== undefined && { metadata: d.metadata }),
    };
    if (Object.keys(edits).length > 0) incident = await updateIncident(inTx, id, edits);
    const postsUpdate =
      d.body !== undefined || d.status !== undefined || (d.components !== undefined && Object.keys(d.components).length > 0);
    if (!postsUpdate) return incident;
    const status = d.status ?? (incident.status === 'postmortem' ? 'resolved' : incident.status);
    return postIncidentUpdate(inTx, id, {
      status,
      components: d.components ?? {},
      ...(d.body !== undefined && { body: d.body }),
      ...(d.deliver_notifications !== undefined && { deliverNotifications: d.deliver_notifications }),
    });
  });
}
