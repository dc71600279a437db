import type { Ctx } from '../../shared/context.ts';
import { invalid } from '../../shared/errors.ts';
import { pickDefined } from '../../shared/pick-defined.ts';
import { write } from '../../storage/write.ts';
import type { Incident } from './incident.ts';
import { reviseIncidentSchema, scheduleFieldNames, type ReviseIncidentInput } from './incident-schemas.ts';
import { getIncident } from './list-incidents.ts';
import { postIncidentUpdate } from './post-incident-update.ts';
import { rescheduleMaintenance } from './reschedule-maintenance.ts';
import { updateIncident } from './update-incident.ts';

const refused = (path: string, message: string) => invalid(`${path}: ${message}`, [{ path, message }]);

/**
 * Revises an incident or maintenance in one call and one transaction, as Statuspage's PATCH does:
 * a maintenance's window and automation, then the name, impact, attached components and metadata
 * are edited in place; a status, a message or component changes post a new update (at the current
 * status when none is given).
 */
export async function reviseIncident(ctx: Ctx, incidentId: string, input: ReviseIncidentInput): Promise<Incident> {
  const data = reviseIncidentSchema.parse(input);
  return write(ctx, async (tx) => {
    const inTx = { ...ctx, db: tx };
    let incident = await getIncident(inTx, incidentId);
    const schedule = pickDefined(data, scheduleFieldNames);
    const scheduleGiven = Object.keys(schedule);
    if (scheduleGiven.length > 0) {
      if (incident.kind !== 'maintenance' || incident.schedule === null)
        throw refused(scheduleGiven[0]!, 'only a scheduled maintenance has a window');
      const from = data.scheduledFor ?? incident.schedule.scheduledFor;
      const until = data.scheduledUntil ?? incident.schedule.scheduledUntil;
      if (until.getTime() <= from.getTime()) throw refused('scheduledUntil', 'must end after it starts');
      incident = await rescheduleMaintenance(inTx, incident.id, schedule);
    }
    const edits = pickDefined(data, ['name', 'impactOverride', 'componentIds', 'metadata']);
    if (Object.keys(edits).length > 0) incident = await updateIncident(inTx, incident.id, edits);
    const postsUpdate = data.body !== undefined || data.status !== undefined || Object.keys(data.components ?? {}).length > 0;
    if (!postsUpdate) return incident;
    return postIncidentUpdate(inTx, incident.id, {
      status: data.status ?? (incident.status === 'postmortem' ? 'resolved' : incident.status),
      components: data.components ?? {},
      ...(data.body !== undefined && { body: data.body }),
      ...(data.deliverNotifications !== undefined && { deliverNotifications: data.deliverNotifications }),
    });
  });
}
