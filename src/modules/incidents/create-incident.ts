import type { Ctx } from '../../shared/context.ts';
import { invalid } from '../../shared/errors.ts';
import { pickDefined } from '../../shared/pick-defined.ts';
import { write } from '../../storage/write.ts';
import { isIncidentStatus, type Incident } from './incident.ts';
import { createIncidentSchema, scheduleFieldNames, type CreateIncidentInput } from './incident-schemas.ts';
import { openIncident } from './open-incident.ts';
import { postIncidentUpdate } from './post-incident-update.ts';
import { scheduleMaintenance } from './schedule-maintenance.ts';

const required = (path: string) => invalid(`${path}: is required`, [{ path, message: 'is required' }]);

/**
 * Creates what one description asks for, as Statuspage's one create call does: a backfilled past
 * incident (`backfilled`), a maintenance (a start, or a maintenance status, is given) with its
 * first update at the status given, or else a realtime incident. All in one transaction.
 */
export async function createIncident(ctx: Ctx, input: CreateIncidentInput): Promise<Incident> {
  const data = createIncidentSchema.parse(input);
  const common = { name: data.name, ...pickDefined(data, ['body', 'metadata']) };
  if (data.backfilled) {
    return openIncident(ctx, {
      ...common,
      backfilled: true,
      components: data.components,
      componentIds: data.componentIds,
      ...pickDefined(data, ['startedAt', 'impactOverride']),
    });
  }
  const status = data.status;
  // As in Statuspage, automation settings alone do not make a maintenance: a start or a maintenance status does.
  if (data.scheduledFor === undefined && (status === undefined || isIncidentStatus(status))) {
    return openIncident(ctx, {
      ...common,
      components: data.components,
      componentIds: data.componentIds,
      ...(status !== undefined && { status }),
      ...pickDefined(data, ['impactOverride', 'deliverNotifications']),
    });
  }
  if (data.scheduledFor === undefined) throw required('scheduledFor');
  if (data.scheduledUntil === undefined) throw required('scheduledUntil');
  const { scheduledFor, scheduledUntil } = data;
  return write(ctx, async (tx) => {
    const inTx = { ...ctx, db: tx };
    const maintenance = await scheduleMaintenance(inTx, {
      ...common,
      scheduledFor,
      scheduledUntil,
      componentIds: [...new Set([...Object.keys(data.components), ...data.componentIds])],
      ...pickDefined(data, [...scheduleFieldNames, 'deliverNotifications']),
    });
    if (status === undefined || status === 'scheduled') return maintenance;
    return postIncidentUpdate(inTx, maintenance.id, {
      status,
      components: data.components,
      deliverNotifications: data.deliverNotifications ?? true,
    });
  });
}
