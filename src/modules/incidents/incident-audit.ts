import type { Incident, IncidentUpdate } from './incident.ts';

/** What the audit log keeps of an incident: the incident itself and, when one was posted, that update (not the whole history). */
export function incidentSnapshot(incident: Incident, update?: IncidentUpdate): Record<string, unknown> {
  const { updates: _updates, ...rest } = incident;
  return update === undefined ? rest : { ...rest, update };
}
