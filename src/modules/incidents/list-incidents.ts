import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import type { Incident } from './incident.ts';
import { findIncident, listIncidents, type IncidentFilter } from './incident-store.ts';

/** Incidents and maintenances matching the filter, most recently started first. */
export async function queryIncidents(ctx: Pick<Ctx, 'db'>, filter: IncidentFilter = {}): Promise<Incident[]> {
  return listIncidents(ctx.db, filter);
}

export async function getIncident(ctx: Pick<Ctx, 'db'>, id: string): Promise<Incident> {
  const incident = await findIncident(ctx.db, id);
  if (incident === undefined) throw notFound('incident', id);
  return incident;
}
