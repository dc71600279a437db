import { componentStatuses, type Component, type ComponentStatus } from '../../modules/components/index.ts';
import { impacts, type Impact, type Incident } from '../../modules/incidents/index.ts';
import { checked, FieldError, list, optional, parseLocalDateTime, text, type FormBody } from '../form-values.ts';
import { translator, type Translator } from '../../i18n/translate.ts';

const english = translator('en');

/** A component's own select (update forms: the incident's components); empty means "no change". */
export const componentField = (id: string) => `component-${id}`;
/** The picker's checkboxes (`affected`, one per ticked component) and the one status they move to. */
export const affectedField = 'affected';
export const affectedStatusField = 'affectedStatus';

function parseStatus(body: FormBody, field: string, t: Translator): ComponentStatus {
  const value = text(body, field);
  if (!(componentStatuses as readonly string[]).includes(value)) throw new FieldError(field, t('adminIncidents.errorStatus'));
  return value as ComponentStatus;
}

/** The components' new statuses: each own select that says a status, then the ticked ones at the chosen status. */
export function componentChanges(body: FormBody, components: Component[], t: Translator = english): Record<string, ComponentStatus> {
  const changes: Record<string, ComponentStatus> = {};
  const leaves = new Set(components.filter((c) => !c.isGroup).map((c) => c.id as string));
  for (const id of leaves) {
    if (text(body, componentField(id)) !== '') changes[id] = parseStatus(body, componentField(id), t);
  }
  const ticked = list(body, affectedField);
  if (ticked.length === 0) return changes;
  if (ticked.some((id) => !leaves.has(id))) throw new FieldError(affectedField, t('adminIncidents.errorTicked'));
  const status = parseStatus(body, affectedStatusField, t);
  for (const id of ticked) changes[id] ??= status;
  return changes;
}

/** The impact override; the routes' own check of it says the same. */
export function impactOverride(body: FormBody, t: Translator = english): Impact | null {
  const value = optional(body, 'impactOverride');
  if (value === null) return null;
  if (!(impacts as readonly string[]).includes(value)) throw new FieldError('impactOverride', t('adminIncidents.errorImpact'));
  return value as Impact;
}

/** The "post an incident" form (also the dashboard's one-form box) as openIncident takes it. */
export function openIncidentInput(body: FormBody, components: Component[], t: Translator = english) {
  return {
    name: text(body, 'name'),
    status: (optional(body, 'status') ?? 'investigating') as 'investigating',
    body: text(body, 'body'),
    components: componentChanges(body, components, t),
    impactOverride: impactOverride(body, t),
    deliverNotifications: checked(body, 'deliverNotifications'),
  };
}

export function backfillInput(body: FormBody, timeZone: string, now: Date, t: Translator = english) {
  const startedAt = parseLocalDateTime(body, 'startedAt', timeZone);
  if (startedAt === undefined) throw new FieldError('startedAt', t('adminIncidents.errorStartedAt'));
  if (startedAt.getTime() > now.getTime()) throw new FieldError('startedAt', t('adminIncidents.errorStartedFuture'));
  return {
    name: text(body, 'name'),
    body: text(body, 'body'),
    startedAt,
    backfilled: true,
    impactOverride: impactOverride(body, t),
    deliverNotifications: false,
  };
}

export function postUpdateInput(body: FormBody, components: Component[], incident: Incident, timeZone: string, t: Translator = english) {
  const status = text(body, 'status');
  const changes = componentChanges(body, components, t);
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
