import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { incidentSnapshot } from './incident-audit.ts';
import type { Incident } from './incident.ts';
import { deleteIncidentRow, findIncident } from './incident-store.ts';

/** Deletes an incident or maintenance and its updates; component status history is kept. */
export async function deleteIncident(ctx: Ctx, incidentId: string): Promise<Incident> {
  return write(ctx, async (tx) => {
    const incident = await findIncident(tx, incidentId);
    if (incident === undefined) throw notFound('incident', incidentId);
    await deleteIncidentRow(tx, incident.id);
    const now = ctx.clock.now();
    await recordAudit(tx, ctx.actor, {
      action: `${incident.kind}.delete`,
      entityType: incident.kind,
      entityId: incident.id,
      before: incidentSnapshot(incident),
      after: null,
      at: now,
    });
    return incident;
  });
}
