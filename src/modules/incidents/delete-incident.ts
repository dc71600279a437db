import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { touchPage } from '../page/page-store.ts';
import type { Incident } from './incident.ts';
import { deleteIncidentRow, findIncident } from './incident-store.ts';

/** Deletes an incident or maintenance and its updates; component status history is kept. */
export async function deleteIncident(ctx: Ctx, incidentId: string): Promise<Incident> {
  return write(ctx, async (tx) => {
    const incident = await findIncident(tx, incidentId);
    if (incident === undefined) throw notFound('incident', incidentId);
    await deleteIncidentRow(tx, incident.id);
    await touchPage(tx, ctx.clock.now());
    return incident;
  });
}
