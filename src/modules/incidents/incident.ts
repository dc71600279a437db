import type { ComponentId, IncidentId, IncidentUpdateId } from '../../shared/ids.ts';
import { AppError } from '../../shared/errors.ts';
import type { Locale } from '../../shared/locales.ts';
import { compareSeverity, overallStatus, type ComponentStatus } from '../components/index.ts';

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
export type MaintenanceStatus = (typeof maintenanceStatuses)[number];

/** `postmortem` is reached only by publishing a postmortem on a resolved incident. */
export type UpdateStatus = IncidentStatus | MaintenanceStatus;
export type EventStatus = UpdateStatus | 'postmortem';

export const impacts = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export type Impact = (typeof impacts)[number];

export type IncidentKind = 'incident' | 'maintenance';

export interface AffectedComponent {
  componentId: ComponentId;
  /** The name as it was when the update was posted ("Group - Component" for grouped ones). */
  name: string;
  oldStatus: ComponentStatus;
  newStatus: ComponentStatus;
}

export interface IncidentUpdate {
  id: IncidentUpdateId;
  incidentId: IncidentId;
  status: UpdateStatus;
  /** The operator's text exactly as written (Markdown); '' when Aviso wrote the update (see generatedBody). */
  body: string;
  /** Aviso's own words, kept as a message key and worded in the reader's language when read; null for an operator's text. */
  generatedBody: GeneratedBody | null;
  createdAt: Date;
  updatedAt: Date;
  displayAt: Date;
  deliverNotifications: boolean;
  affectedComponents: AffectedComponent[];
}

export interface MaintenanceSchedule {
  scheduledFor: Date;
  scheduledUntil: Date;
  /** Minutes before the start to remind subscribers; 0 for no reminder. */
  remindPrior: number;
  remindedAt: Date | null;
  autoInProgress: boolean;
  autoCompleted: boolean;
  autoTransitionToMaintenanceState: boolean;
  autoTransitionToOperationalState: boolean;
  autoTransitionDeliverNotificationsAtStart: boolean;
  autoTransitionDeliverNotificationsAtEnd: boolean;
}

export interface Postmortem {
  /** Published text (Markdown); null while unpublished. */
  body: string | null;
  draft: string | null;
  lastUpdatedAt: Date | null;
  publishedAt: Date | null;
  notifiedSubscribers: boolean;
  ignored: boolean;
}

export interface Incident {
  id: IncidentId;
  kind: IncidentKind;
  name: string;
  status: EventStatus;
  impact: Impact;
  impactOverride: Impact | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date;
  monitoringAt: Date | null;
  resolvedAt: Date | null;
  backfilled: boolean;
  schedule: MaintenanceSchedule | null;
  postmortem: Postmortem;
  metadata: Record<string, unknown>;
  /** Components attached now, in order. */
  componentIds: ComponentId[];
  /** Newest first. */
  updates: IncidentUpdate[];
  /** The operator's translations, by language; what is stored above is in the page's default language. */
  translations?: IncidentTranslations;
}

/** An incident's name, its updates' text and its postmortem in one more of the page's languages. */
export interface IncidentTranslation {
  name?: string;
  postmortem?: string;
  /** Update text by update id. */
  updates?: Record<string, string>;
}
export type IncidentTranslations = Partial<Record<Locale, IncidentTranslation>>;

/**
 * The incident as a reader of `locale` reads it: the operator's translation of each text where there
 * is one, else the text as posted (in the page's default language). Aviso's own sentences are worded
 * when read, so they are never translated here.
 */
export function localizeIncident(incident: Incident, locale: Locale): Incident {
  const translation = incident.translations?.[locale];
  if (translation === undefined) return incident;
  return {
    ...incident,
    name: translation.name ?? incident.name,
    updates: incident.updates.map((u) => {
      const body = u.generatedBody === null ? translation.updates?.[u.id] : undefined;
      return body === undefined ? u : { ...u, body };
    }),
    postmortem:
      incident.postmortem.body !== null && translation.postmortem !== undefined
        ? { ...incident.postmortem, body: translation.postmortem }
        : incident.postmortem,
  };
}

export function isIncidentStatus(value: string): value is IncidentStatus {
  return (incidentStatuses as readonly string[]).includes(value);
}

export function isMaintenanceStatus(value: string): value is MaintenanceStatus {
  return (maintenanceStatuses as readonly string[]).includes(value);
}

export function isResolved(incident: Pick<Incident, 'status'>): boolean {
  return incident.status === 'resolved' || incident.status === 'postmortem' || incident.status === 'completed';
}

/** Refuses a status that does not belong to the event's kind. Any order is allowed, as in Statuspage (reopening included). */
export function checkUpdateStatus(kind: IncidentKind, status: string): UpdateStatus {
  if (kind === 'incident' && isIncidentStatus(status)) return status;
  if (kind === 'maintenance' && isMaintenanceStatus(status)) return status;
  const allowed = (kind === 'incident' ? incidentStatuses : maintenanceStatuses).join(', ');
  throw new AppError(
    'incident_transition_invalid',
    `An ${kind === 'incident' ? 'incident' : 'maintenance'} cannot take the status "${status}"; use one of ${allowed}.`,
  );
}

/**
 * The impact derived from affected components: Statuspage's top-level blend applied to the worst
 * status each component reached during the incident, so a resolved incident keeps its impact.
 * An override wins; a maintenance's impact is always `maintenance`.
 */
export function deriveImpact(kind: IncidentKind, updates: Pick<IncidentUpdate, 'affectedComponents'>[], override: Impact | null): Impact {
  if (override !== null) return override;
  if (kind === 'maintenance') return 'maintenance';
  const peak = new Map<string, ComponentStatus>();
  for (const update of updates) {
    for (const affected of update.affectedComponents) {
      const before = peak.get(affected.componentId);
      if (before === undefined || compareSeverity(affected.newStatus, before) > 0) peak.set(affected.componentId, affected.newStatus);
    }
  }
  const statuses = [...peak.values()].filter((s) => s !== 'under_maintenance');
  if (statuses.length === 0) return 'none';
  const indicator = overallStatus(statuses).indicator;
  return indicator === 'maintenance' ? 'none' : indicator;
}

export type UpdateLabel = EventStatus | 'update';

/**
 * What each update is called on the page and in feeds, newest first: its status, or "Update" when
 * it kept the status of the update before it.
 */
export function updateLabels(updatesNewestFirst: Pick<IncidentUpdate, 'status'>[]): UpdateLabel[] {
  return updatesNewestFirst.map((update, index) => {
    const previous = updatesNewestFirst[index + 1];
    return previous !== undefined && previous.status === update.status ? 'update' : update.status;
  });
}

/**
 * What Aviso says when an update is posted with an empty body (Statuspage's standard sentence for
 * its status) or when it posts one itself (the maintenance reminder, with its minutes). It is stored
 * as this key, never as text, and each reader gets it in their language (catalogue keys `updateBody.*`).
 */
export type GeneratedBodyKey = UpdateStatus | 'reminder';
export interface GeneratedBody {
  key: GeneratedBodyKey;
  params?: Record<string, number>;
}

export const generatedBodyKeys: readonly GeneratedBodyKey[] = [...incidentStatuses, ...maintenanceStatuses, 'reminder'];

/** The operator's text (trimmed), or, when there is none, the standard sentence for the status as a key. */
export function updateBodyFields(body: string | undefined, status: UpdateStatus): Pick<IncidentUpdate, 'body' | 'generatedBody'> {
  const text = body?.trim() ?? '';
  return text === '' ? { body: '', generatedBody: { key: status } } : { body: text, generatedBody: null };
}

/** The timestamps an incident gains as its status moves. */
export function lifecycleTimes(
  current: Pick<Incident, 'monitoringAt' | 'resolvedAt'>,
  status: UpdateStatus,
  at: Date,
): { monitoringAt: Date | null; resolvedAt: Date | null } {
  const monitoringAt = current.monitoringAt ?? (status === 'monitoring' || status === 'verifying' ? at : null);
  const resolvedAt = status === 'resolved' || status === 'completed' ? (current.resolvedAt ?? at) : null;
  return { monitoringAt, resolvedAt };
}
