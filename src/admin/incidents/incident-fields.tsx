import { impacts, incidentStatuses, maintenanceStatuses, type IncidentKind } from '../../modules/incidents/index.ts';
import { eventStatusLabels, impactLabels } from '../view/format.ts';

export const incidentStatusOptions = incidentStatuses.map((s) => [s, eventStatusLabels[s]] as const);
export const maintenanceStatusOptions = maintenanceStatuses.map((s) => [s, eventStatusLabels[s]] as const);
export const statusOptionsFor = (kind: IncidentKind) => (kind === 'incident' ? incidentStatusOptions : maintenanceStatusOptions);
export const impactOptions = [['', 'Derived from the affected components'] as const, ...impacts.map((i) => [i, impactLabels[i]] as const)];
