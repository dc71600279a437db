import { DateTime } from 'luxon';
import type { Component, ComponentStatus, Indicator, OverallStatus } from '../../modules/components/index.ts';
import type { EventStatus, Impact, Incident, IncidentUpdate } from '../../modules/incidents/index.ts';
import type { Page } from '../../modules/page/index.ts';
import { updateBodyText } from '../../i18n/update-body.ts';

/**
 * The only place the wire shape of Statuspage's public API v2 lives. Key order follows real
 * Statuspage responses exactly (clients and diff-based monitors compare them), so every object is
 * built as a literal in that order.
 */

export interface V2Page {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface V2Status {
  indicator: Indicator;
  description: string;
}

export interface V2Component {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  components?: string[];
}

export interface V2AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export interface V2IncidentUpdate {
  id: string;
  status: string;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: V2AffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
}

export interface V2Incident {
  id: string;
  name: string;
  status: EventStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: Impact;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: V2IncidentUpdate[];
  components: V2Component[];
}

export interface V2ScheduledMaintenance extends V2Incident {
  scheduled_for: string;
  scheduled_until: string;
}

/** Statuspage's list endpoints never return more than this many items. */
export const listCap = 50;

/**
 * ISO-8601 with milliseconds and the page time zone's offset, as Statuspage (Rails) writes it:
 * `Z` whenever the offset is zero, `-06:00` for America/Chicago in winter.
 */
export function isoInZone(date: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(date, { zone: timeZone });
  const stamp = local.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
  return local.offset === 0 ? `${stamp}Z` : `${stamp}${local.toFormat('ZZ')}`;
}

function isoOrNull(date: Date | null, timeZone: string): string | null {
  return date === null ? null : isoInZone(date, timeZone);
}

/** Where an incident is read by people: Aviso has no link shortener, so the incident page itself. */
export function incidentUrl(page: Pick<Page, 'url'>, incidentId: string): string {
  return `${page.url.replace(/\/+$/, '')}/incidents/${incidentId}`;
}

export function presentPage(page: Page): V2Page {
  return { id: page.id, name: page.name, url: page.url, time_zone: page.timeZone, updated_at: isoInZone(page.updatedAt, page.timeZone) };
}

export function presentStatus(overall: OverallStatus): V2Status {
  return { indicator: overall.indicator, description: overall.description };
}

/** Child ids of every group, in page order (the caller passes components in page order). */
export function childrenByGroup(components: readonly Component[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const c of components) {
    if (c.groupId === null) continue;
    const list = children.get(c.groupId) ?? [];
    list.push(c.id);
    children.set(c.groupId, list);
  }
  return children;
}

export function presentComponent(component: Component, page: Page, children: ReadonlyMap<string, string[]>): V2Component {
  const tz = page.timeZone;
  const presented: V2Component = {
    id: component.id,
    name: component.name,
    status: component.status,
    created_at: isoInZone(component.createdAt, tz),
    updated_at: isoInZone(component.updatedAt, tz),
    position: component.position,
    description: component.description,
    showcase: component.showcase,
    start_date: component.startDate,
    group_id: component.groupId,
    page_id: page.id,
    group: component.isGroup,
    only_show_if_degraded: component.onlyShowIfDegraded,
  };
  if (component.isGroup) presented.components = children.get(component.id) ?? [];
  return presented;
}

/**
 * An incident update as v2 shows it. Its affected components are named as the update recorded
 * them, unless the component has a translation into the language asked for (`?locale=`).
 */
export function presentUpdate(update: IncidentUpdate, page: Page, components: ReadonlyMap<string, Component>): V2IncidentUpdate {
  const tz = page.timeZone;
  const named = (componentId: string, recorded: string) => components.get(componentId)?.translations[page.defaultLocale]?.name ?? recorded;
  return {
    id: update.id,
    status: update.status,
    // Aviso's own sentences in the page's default language, as Statuspage words them in the page's.
    body: updateBodyText(update, page.defaultLocale),
    incident_id: update.incidentId,
    created_at: isoInZone(update.createdAt, tz),
    updated_at: isoInZone(update.updatedAt, tz),
    display_at: isoInZone(update.displayAt, tz),
    affected_components:
      update.affectedComponents.length === 0
        ? null
        : update.affectedComponents.map((a) => ({
            code: a.componentId,
            name: named(a.componentId, a.name),
            old_status: a.oldStatus,
            new_status: a.newStatus,
          })),
    deliver_notifications: update.deliverNotifications,
    custom_tweet: null,
    tweet_id: null,
  };
}

/** What presenting an incident needs besides the incident: the page and every component by id. */
export interface PresentContext {
  page: Page;
  components: ReadonlyMap<string, Component>;
  children: ReadonlyMap<string, string[]>;
}

export function presentationContext(page: Page, componentsInOrder: readonly Component[]): PresentContext {
  return { page, components: new Map(componentsInOrder.map((c) => [c.id, c])), children: childrenByGroup(componentsInOrder) };
}

/**
 * An incident as v2 shows it. A published postmortem shows only as the `postmortem` status: real
 * v2 payloads never carried its text, and the incident page does.
 */
export function presentIncident(incident: Incident, context: PresentContext): V2Incident {
  const { page } = context;
  const tz = page.timeZone;
  return {
    id: incident.id,
    name: incident.name,
    status: incident.status,
    created_at: isoInZone(incident.createdAt, tz),
    updated_at: isoInZone(incident.updatedAt, tz),
    monitoring_at: isoOrNull(incident.monitoringAt, tz),
    resolved_at: isoOrNull(incident.resolvedAt, tz),
    impact: incident.impact,
    shortlink: incidentUrl(page, incident.id),
    started_at: isoInZone(incident.startedAt, tz),
    page_id: page.id,
    incident_updates: incident.updates.map((u) => presentUpdate(u, page, context.components)),
    components: incident.componentIds.flatMap((id) => {
      const component = context.components.get(id);
      return component === undefined ? [] : [presentComponent(component, page, context.children)];
    }),
  };
}

/** A maintenance: the incident shape followed by its window, where real payloads put it. */
export function presentMaintenance(maintenance: Incident, context: PresentContext): V2ScheduledMaintenance {
  const tz = context.page.timeZone;
  const schedule = maintenance.schedule;
  return {
    ...presentIncident(maintenance, context),
    scheduled_for: isoInZone(schedule?.scheduledFor ?? maintenance.startedAt, tz),
    scheduled_until: isoInZone(schedule?.scheduledUntil ?? maintenance.startedAt, tz),
  };
}
