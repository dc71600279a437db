import { componentStatuses, type Component, type ComponentStatus } from '../../modules/components/index.ts';
import { impacts, type Impact, type Incident } from '../../modules/incidents/index.ts';
import { checked, FieldError, list, optional, parseLocalDateTime, text, type FormBody } from '../form-values.ts';
import { t, type MessageKey } from '../../i18n/translate.ts';

/** A field's error in English with its catalogue key, so a member reading another language gets it in theirs. */
export const fieldError = (field: string, key: MessageKey) => new FieldError(field, t('en', key), key);

/** A component's own select (update forms: the incident's components); empty means "no change". */
export const componentField = (id: string) => `component-${id}`;
/** The picker's checkboxes (`affected`, one per ticked component) and the one status they move to. */
export const affectedField = 'affected';
export const affectedStatusField = 'affectedStatus';

function parseStatus(body: FormBody, field: string): ComponentStatus {
  const value = text(body, field);
  if (!(componentStatuses as readonly string[]).includes(value)) throw fieldError(field, 'adminIncidents.errorStatus');
  return value as ComponentStatus;
}

/** The components' new statuses: each own select that says a status, then the ticked ones at the chosen status. */
export function componentChanges(body: FormBody, components: Component[]): Record<string, ComponentStatus> {
  const changes: Record<string, ComponentStatus> = {};
  const leaves = new Set(components.filter((c) => !c.isGroup).map((c) => c.id as string));
  for (const id of leaves) {
    if (text(body, componentField(id)) !== '') changes[id] = parseStatus(body, componentField(id));
  }
  const ticked = list(body, affectedField);
  if (ticked.length === 0) return changes;
  if (ticked.some((id) => !leaves.has(id))) throw fieldError(affectedField, 'adminIncidents.errorTicked');
  const status = parseStatus(body, affectedStatusField);
  for (const id of ticked) changes[id] ??= status;
  return changes;
}

/** The impact override, empty for none; the incident's edit form reads it the same way. */
export function impactOverride(body: FormBody): Impact | null {
  const value = optional(body, 'impactOverride');
  if (value === null) return null;
  if (!(impacts as readonly string[]).includes(value)) throw fieldError('impactOverride', 'adminIncidents.errorImpact');
  return value as Impact;
}

/** The "post an incident" form (also the dashboard's one-form box) as openIncident takes it. */
export function openIncidentInput(body: FormBody, components: Component[]) {
  return {
    name: text(body, 'name'),
    status: (optional(body, 'status') ?? 'investigating') as 'investigating',
    body: text(body, 'body'),
    components: componentChanges(body, components),
    impactOverride: impactOverride(body),
    deliverNotifications: checked(body, 'deliverNotifications'),
  };
}

export function backfillInput(body: FormBody, timeZone: string, now: Date) {
  const startedAt = parseLocalDateTime(body, 'startedAt', timeZone);
  if (startedAt === undefined) throw fieldError('startedAt', 'adminIncidents.errorStartedAt');
  if (startedAt.getTime() > now.getTime()) throw fieldError('startedAt', 'adminIncidents.errorStartedFuture');
  return {
    name: text(body, 'name'),
    body: text(body, 'body'),
    startedAt,
    backfilled: true,
    impactOverride: impactOverride(body),
    deliverNotifications: false,
  };
}

export function postUpdateInput(body: FormBody, components: Component[], incident: Incident, timeZone: string) {
  const status = text(body, 'status');
  const changes = componentChanges(body, components);
  // Resolving offers to put every affected component back to operational in the same update.
  if (checked(body, 'restore')) {
    for (const id of incident.componentIds) {
      const c = components.find((x) => x.id === id);
      if (c !== undefined && !c.isGroup && c.status !== 'operational' && changes[id] === undefined) changes[id] = 'operational';
    }
  }
  const displayAt = parseLocalDateTime(body, 'displayAt', timeZone);
  return {
    status: status as 'investigating',
    body: text(body, 'body'),
    components: changes,
    deliverNotifications: checked(body, 'deliverNotifications'),
    ...(displayAt !== undefined && { displayAt }),
  };
}

export const incidentFieldPaths = { components: affectedField, startedAt: 'startedAt', displayAt: 'displayAt' };
