import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import type { Incident } from './incident.ts';
import { editIncidentUpdateSchema, type EditIncidentUpdateInput } from './incident-schemas.ts';
import { findIncident, saveIncidentUpdateText } from './incident-store.ts';

/** Corrects an update's text or display time; its status and component changes stay as posted. */
export async function editIncidentUpdate(
  ctx: Ctx,
  incidentId: string,
  updateId: string,
  input: EditIncidentUpdateInput,
): Promise<Incident> {
  const data = editIncidentUpdateSchema.parse(input);
  return write(ctx, async (tx) => {
    const incident = await findIncident(tx, incidentId);
    if (incident === undefined) throw notFound('incident', incidentId);
    const update = incident.updates.find((u) => u.id === updateId);
    if (update === undefined) throw notFound('incident_update', updateId);
    const now = ctx.clock.now();
    // Text the operator writes replaces Aviso's standard sentence, and is kept as written from then on.
    const text =
      data.body === undefined ? { body: update.body, generatedBody: update.generatedBody } : { body: data.body, generatedBody: null };
    await saveIncidentUpdateText(tx, {
      id: update.id,
      ...text,
      displayAt: data.displayAt ?? update.displayAt,
      deliverNotifications: data.deliverNotifications ?? update.deliverNotifications,
      updatedAt: now,
    });
    const { affectedComponents: _affected, ...before } = update;
    const after = {
      ...before,
      ...text,
      displayAt: data.displayAt ?? update.displayAt,
      deliverNotifications: data.deliverNotifications ?? update.deliverNotifications,
      updatedAt: now,
    };
    await recordAudit(tx, ctx.actor, {
      action: 'incident_update.edit',
      entityType: 'incident_update',
      entityId: update.id,
      before,
      after,
      at: now,
    });
    return (await findIncident(tx, incidentId))!;
  });
}
