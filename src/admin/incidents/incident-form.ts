import { componentStatuses, type Component, type ComponentStatus } from '../../modules/components/index.ts';
import { impacts, type Impact, type Incident } from '../../modules/incidents/index.ts';
import { checked, FieldError, optional, parseLocalDateTime, text, type FormBody } from '../form-values.ts';

/** Each component's select is named `component-<id>`; empty means "not affected". */
export const componentField = (id: string) => `component-${id}`;

export function componentChanges(body: FormBody, components: Component[]): Record<string, ComponentStatus> {
  const changes: Record<string, ComponentStatus> = {};
  for (const c of components) {
    if (c.isGroup) continue;
    const value = text(body, componentField(c.id));
    if (value === '') continue;
    if (!(componentStatuses as readonly string[]).includes(value))
      throw new FieldError(componentField(c.id), 'Choose one of the listed statuses.');
    changes[c.id] = value as ComponentStatus;
  }
  return changes;
}

function impactOverride(body: FormBody): Impact | null {
  const value = optional(body, 'impactOverride');
  if (value === null) return null;
  if (!(impacts as readonly string[]).includes(value)) throw new FieldError('impactOverride', 'Choose one of the listed impacts.');
  return value as Impact;
}

/** The "open an incident" form (also the dashboard's one-form box) as openIncident takes it. */
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
  if (startedAt === undefined) throw new FieldError('startedAt', 'Enter when the incident happened.');
  if (startedAt.getTime() > now.getTime()) throw new FieldError('startedAt', 'A backfilled incident must be in the past.');
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

export const incidentFieldPaths = { components: 'components', startedAt: 'startedAt', displayAt: 'displayAt' };
