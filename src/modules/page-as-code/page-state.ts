import type { Db } from '../../storage/database.ts';
import {
  inPageOrder,
  listComponents,
  listStatusChanges,
  type Component,
  type ComponentStatus,
  type ComponentTranslations,
} from '../components/index.ts';
import {
  listIncidents,
  type GeneratedBody,
  type Impact,
  type Incident,
  type IncidentTranslations,
  type MaintenanceStatus,
  type IncidentStatus,
} from '../incidents/index.ts';
import { findPage } from '../page/index.ts';
import type { Locale } from '../../shared/locales.ts';
import { outagesFromHistory, type Outage } from './outage-periods.ts';
import { snakeKeys, sortedKeys } from './setting-keys.ts';
import { readAutomation, type AutomationState } from './automation-entries.ts';

/**
 * The whole page in the page file's shape, every field present: what export writes and what apply
 * compares the file with. Times are ISO UTC with milliseconds.
 */
export interface PageState extends AutomationState {
  page: PageEntry | null;
  components: (ComponentEntry | GroupEntry)[];
  incidents: IncidentEntry[];
  maintenances: MaintenanceEntry[];
}

export interface PageEntry {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  default_locale: Locale;
  locales: Locale[];
  settings: Record<string, unknown>;
}

export interface ComponentEntry {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  showcase: boolean;
  start_date: string | null;
  only_show_if_degraded: boolean;
  third_party: { source_url: string; component_id: string } | null;
  outages: Outage[];
  translations: ComponentTranslations;
}

export interface GroupEntry {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  showcase: boolean;
  components: ComponentEntry[];
  translations: ComponentTranslations;
}

export interface AffectedEntry {
  component: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
  removed: boolean;
}

export interface UpdateEntry<S extends string = IncidentStatus | MaintenanceStatus> {
  id: string;
  status: S;
  /** The operator's text; '' when Aviso wrote the update. */
  body: string;
  /** Aviso's words as a key (null exactly when `body` is not ''): the status's standard sentence, or the reminder. */
  generated_body: GeneratedBody | null;
  display_at: string;
  created_at: string;
  deliver_notifications: boolean;
  affected_components: AffectedEntry[];
}

export interface PostmortemEntry {
  body: string | null;
  draft: string | null;
  published_at: string | null;
  notified_subscribers: boolean;
}

export interface IncidentEntry {
  id: string;
  name: string;
  started_at: string;
  created_at: string;
  impact_override: Impact | null;
  backfilled: boolean;
  components: string[];
  metadata: Record<string, unknown>;
  translations: IncidentTranslations;
  postmortem: PostmortemEntry | null;
  updates: UpdateEntry<IncidentStatus>[];
}

export interface MaintenanceEntry {
  id: string;
  name: string;
  scheduled_for: string;
  scheduled_until: string;
  created_at: string;
  components: string[];
  remind_prior: number;
  reminded_at: string | null;
  auto_in_progress: boolean;
  auto_completed: boolean;
  auto_transition_to_maintenance_state: boolean;
  auto_transition_to_operational_state: boolean;
  auto_transition_deliver_notifications_at_start: boolean;
  auto_transition_deliver_notifications_at_end: boolean;
  metadata: Record<string, unknown>;
  translations: IncidentTranslations;
  updates: UpdateEntry<MaintenanceStatus>[];
}

export function isGroupEntry(entry: ComponentEntry | GroupEntry): entry is GroupEntry {
  return 'components' in entry;
}

export function postmortemEntry(p: PostmortemEntry): PostmortemEntry | null {
  return p.body === null && p.draft === null && p.published_at === null && !p.notified_subscribers ? null : p;
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

/** Reads the page as it is stored, components in page order and incidents most recently started first. */
export async function readPageState(db: Db): Promise<PageState> {
  const [page, components, changes, events, automation] = await Promise.all([
    findPage(db),
    listComponents(db),
    listStatusChanges(db),
    listIncidents(db),
    readAutomation(db),
  ]);
  const historyOf = new Map<string, { status: ComponentStatus; at: string }[]>();
  for (const change of changes) {
    const list = historyOf.get(change.componentId) ?? [];
    list.push({ status: change.status, at: iso(change.changedAt) });
    historyOf.set(change.componentId, list);
  }
  const leaf = (c: Component): ComponentEntry => ({
    id: c.id,
    name: c.name,
    description: c.description,
    created_at: iso(c.createdAt),
    showcase: c.showcase,
    start_date: c.startDate,
    only_show_if_degraded: c.onlyShowIfDegraded,
    third_party: c.thirdParty === null ? null : { source_url: c.thirdParty.sourceUrl, component_id: c.thirdParty.componentId },
    outages: outagesFromHistory(historyOf.get(c.id) ?? []),
    translations: c.translations,
  });
  const ordered = inPageOrder(components);
  const entries: (ComponentEntry | GroupEntry)[] = ordered
    .filter((c) => c.groupId === null)
    .map((c) =>
      c.isGroup
        ? {
            id: c.id,
            name: c.name,
            description: c.description,
            created_at: iso(c.createdAt),
            showcase: c.showcase,
            components: ordered.filter((k) => k.groupId === c.id).map(leaf),
            translations: c.translations,
          }
        : leaf(c),
    );
  const known = new Set(components.map((c) => c.id as string));
  return {
    page:
      page === undefined
        ? null
        : {
            id: page.id,
            name: page.name,
            url: page.url,
            time_zone: page.timeZone,
            default_locale: page.defaultLocale,
            locales: page.locales,
            settings: sortedKeys(snakeKeys(page.settings)) as Record<string, unknown>,
          },
    components: entries,
    incidents: events.filter((e) => e.kind === 'incident').map((e) => incidentEntry(e, known)),
    maintenances: events.filter((e) => e.kind === 'maintenance').map((e) => maintenanceEntry(e, known)),
    ...automation,
  };
}

function updateEntries<S extends string>(event: Incident, known: Set<string>): UpdateEntry<S>[] {
  return event.updates.map((u) => ({
    id: u.id,
    status: u.status as S,
    body: u.body,
    generated_body: u.generatedBody ?? (u.body === '' ? { key: u.status } : null),
    display_at: iso(u.displayAt),
    created_at: iso(u.createdAt),
    deliver_notifications: u.deliverNotifications,
    affected_components: u.affectedComponents.map((a) => ({
      component: a.componentId,
      name: a.name,
      old_status: a.oldStatus,
      new_status: a.newStatus,
      removed: !known.has(a.componentId),
    })),
  }));
}

function incidentEntry(e: Incident, known: Set<string>): IncidentEntry {
  return {
    id: e.id,
    name: e.name,
    started_at: iso(e.startedAt),
    created_at: iso(e.createdAt),
    impact_override: e.impactOverride,
    backfilled: e.backfilled,
    components: e.componentIds,
    metadata: e.metadata,
    translations: e.translations ?? {},
    postmortem: postmortemEntry({
      body: e.postmortem.body,
      draft: e.postmortem.draft,
      published_at: isoOrNull(e.postmortem.publishedAt),
      notified_subscribers: e.postmortem.notifiedSubscribers,
    }),
    updates: updateEntries<IncidentStatus>(e, known),
  };
}

function maintenanceEntry(e: Incident, known: Set<string>): MaintenanceEntry {
  const s = e.schedule;
  return {
    id: e.id,
    name: e.name,
    scheduled_for: iso(s?.scheduledFor ?? e.startedAt),
    scheduled_until: iso(s?.scheduledUntil ?? e.startedAt),
    created_at: iso(e.createdAt),
    components: e.componentIds,
    remind_prior: s?.remindPrior ?? 0,
    reminded_at: isoOrNull(s?.remindedAt ?? null),
    auto_in_progress: s?.autoInProgress ?? false,
    auto_completed: s?.autoCompleted ?? false,
    auto_transition_to_maintenance_state: s?.autoTransitionToMaintenanceState ?? false,
    auto_transition_to_operational_state: s?.autoTransitionToOperationalState ?? false,
    auto_transition_deliver_notifications_at_start: s?.autoTransitionDeliverNotificationsAtStart ?? false,
    auto_transition_deliver_notifications_at_end: s?.autoTransitionDeliverNotificationsAtEnd ?? false,
    metadata: e.metadata,
    translations: e.translations ?? {},
    updates: updateEntries<MaintenanceStatus>(e, known),
  };
}
