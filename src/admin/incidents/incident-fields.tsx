import { impacts, incidentStatuses, maintenanceStatuses, type IncidentKind } from '../../modules/incidents/index.ts';
import type { Translator } from '../../i18n/translate.ts';
import { eventStatusLabel, impactLabel } from '../view/format.ts';

/** An incident's statuses as select options, named in the member's language. */
export const incidentStatusOptionsIn = (t: Translator) => incidentStatuses.map((s) => [s, eventStatusLabel(t, s)] as const);
/** A maintenance's statuses as select options, named in the member's language. */
export const maintenanceStatusOptionsIn = (t: Translator) => maintenanceStatuses.map((s) => [s, eventStatusLabel(t, s)] as const);
export const statusOptionsIn = (t: Translator, kind: IncidentKind) =>
  kind === 'incident' ? incidentStatusOptionsIn(t) : maintenanceStatusOptionsIn(t);
/** The impact override's options: empty lets the affected components decide. */
export const impactOptionsIn = (t: Translator) => [
  ['', t('adminIncidents.impactDerived')] as const,
  ...impacts.map((i) => [i, impactLabel(t, i)] as const),
];
