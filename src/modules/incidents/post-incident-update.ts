import type { Ctx } from '../../shared/context.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { newId, type ComponentId, type IncidentUpdateId } from '../../shared/ids.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyIncidentUpdate } from '../../outbox/index.ts';
import { incidentSnapshot } from './incident-audit.ts';
import { changeComponentStatuses } from './change-component-statuses.ts';
import {
  checkUpdateStatus,
  updateBodyFields,
  deriveImpact,
  lifecycleTimes,
  type GeneratedBody,
  type Incident,
  type IncidentUpdate,
} from './incident.ts';
import { postIncidentUpdateSchema, type PostIncidentUpdateInput } from './incident-schemas.ts';
import { findIncident, insertIncidentUpdate, replaceIncidentComponents, saveIncident } from './incident-store.ts';

/**
 * Posts an update to an incident or maintenance: its status, message and component changes.
 * Resolving is an update with status `resolved` (or `completed` for a maintenance). Aviso's own
 * updates (the maintenance reminder) pass their words as `generatedBody`, a key, never as text.
 */
export async function postIncidentUpdate(
  ctx: Ctx,
  incidentId: string,
  input: PostIncidentUpdateInput,
  options: { generatedBody?: GeneratedBody } = {},
): Promise<Incident> {
  const data = postIncidentUpdateSchema.parse(input);
  return write(ctx, async (tx) => {
    const incident = await findIncident(tx, incidentId);
    if (incident === undefined) throw notFound('incident', incidentId);
    const status = checkUpdateStatus(incident.kind, data.status);
    if (incident.status === 'postmortem') {
      throw new AppError(
        'incident_transition_invalid',
        'This incident has a published postmortem; revert the postmortem before posting updates.',
      );
    }
    const now = ctx.clock.now();
    const displayAt = data.displayAt ?? now;
    const cause = { cause: incident.kind === 'maintenance' ? ('maintenance' as const) : ('incident' as const), causeId: incident.id };
    const affectedComponents = await changeComponentStatuses(tx, data.components, displayAt, cause, now);
    const update: IncidentUpdate = {
      id: newId<IncidentUpdateId>(),
      incidentId: incident.id,
      status,
      ...(options.generatedBody === undefined ? updateBodyFields(data.body, status) : { body: '', generatedBody: options.generatedBody }),
      createdAt: now,
      updatedAt: now,
      displayAt,
      deliverNotifications: data.deliverNotifications,
      affectedComponents,
    };
    const updates = [update, ...incident.updates];
    const componentIds = [...new Set([...incident.componentIds, ...(Object.keys(data.components) as ComponentId[])])];
    const next: Incident = {
      ...incident,
      status,
      impact: deriveImpact(incident.kind, updates, incident.impactOverride),
      updatedAt: now,
      ...lifecycleTimes(incident, status, displayAt),
      componentIds,
      updates,
    };
    await insertIncidentUpdate(tx, update);
    if (update.deliverNotifications) await notifyIncidentUpdate(tx, update, now);
    await saveIncident(tx, next);
    if (componentIds.length !== incident.componentIds.length) await replaceIncidentComponents(tx, incident.id, componentIds);
    await recordAudit(tx, ctx.actor, {
      action: `${incident.kind}.post_update`,
      entityType: incident.kind,
      entityId: incident.id,
      before: incidentSnapshot(incident),
      after: incidentSnapshot(next, update),
      at: now,
    });
    return next;
  });
}
