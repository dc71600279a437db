import type { CreateIncidentInput, ReviseIncidentInput } from '../../modules/incidents/index.ts';
import { AppError } from '../../shared/errors.ts';
import { requireField, type IncidentBody } from './request-schemas.ts';

/** Statuspage's reminder is a yes or no; Aviso reminds this many minutes before. */
const reminderMinutes = 60;

const defined = <T extends object>(fields: T): T =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null)) as T;

/** The schedule and automation fields of a body, in Aviso's names; absent (or null) ones left out. */
function scheduleOf(d: IncidentBody) {
  return defined({
    scheduledFor: d.scheduled_for ?? undefined,
    scheduledUntil: d.scheduled_until ?? undefined,
    remindPrior: d.scheduled_remind_prior === undefined ? undefined : d.scheduled_remind_prior ? reminderMinutes : 0,
    autoInProgress: d.scheduled_auto_in_progress,
    autoCompleted: d.scheduled_auto_completed,
    autoTransitionToMaintenanceState: d.auto_transition_to_maintenance_state,
    autoTransitionToOperationalState: d.auto_transition_to_operational_state,
    autoTransitionDeliverNotificationsAtStart: d.auto_transition_deliver_notifications_at_start,
    autoTransitionDeliverNotificationsAtEnd: d.auto_transition_deliver_notifications_at_end,
  });
}

/** The fields a create and a PATCH share, in Aviso's names; an explicit null impact clears the override. */
function eventFields(d: IncidentBody) {
  return {
    ...scheduleOf(d),
    ...defined({
      status: d.status,
      body: d.body,
      components: d.components,
      componentIds: d.component_ids,
      impactOverride: d.impact_override,
      deliverNotifications: d.deliver_notifications,
      metadata: d.metadata,
    }),
    ...(d.impact_override === null && { impactOverride: null }),
  };
}

/** A create body in Aviso's terms; createIncident decides whether it is an incident, a maintenance or a backfill. */
export function createInput(d: IncidentBody): CreateIncidentInput {
  return {
    ...eventFields(d),
    name: requireField(d.name, 'incident.name'),
    backfilled: d.backfilled === true || (d.backfill_date ?? null) !== null,
    ...(d.backfill_date !== undefined && d.backfill_date !== null && { startedAt: d.backfill_date }),
  };
}

/** A PATCH or PUT body in Aviso's terms; whether a backfill was one cannot change afterwards. */
export function reviseInput(d: IncidentBody): ReviseIncidentInput {
  for (const field of ['backfilled', 'backfill_date'] as const) {
    if (d[field] !== undefined) {
      const message = 'cannot be changed after creation; delete the incident and backfill it again';
      throw new AppError('validation_failed', `incident.${field}: ${message}`, [{ path: `incident.${field}`, message }]);
    }
  }
  return { ...eventFields(d), ...(d.name !== undefined && { name: d.name }) };
}

/** Aviso's input fields by their Statuspage names, where they are not simply the snake_case of each other. */
export const incidentFieldNames: Record<string, string> = {
  scheduledFor: 'scheduled_for',
  scheduledUntil: 'scheduled_until',
  remindPrior: 'scheduled_remind_prior',
  autoInProgress: 'scheduled_auto_in_progress',
  autoCompleted: 'scheduled_auto_completed',
  startedAt: 'backfill_date',
};
