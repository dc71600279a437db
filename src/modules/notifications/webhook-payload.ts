import { overallStatus, knownLeafStatuses, type Component } from '../components/index.ts';
import type { Incident, IncidentUpdate } from '../incidents/index.ts';
import type { NotificationEvent } from './notification-event.ts';
import type { Locale } from '../../shared/locales.ts';
import { updateBodyText } from '../../i18n/update-body.ts';
import type { RenderSource } from './templates/notification-content.ts';

const iso = (date: Date | null | undefined) => (date === null || date === undefined ? null : date.toISOString());

/** Like Statuspage's API, in the page's default language: Aviso's own sentences are worded in it. */
function presentUpdate(update: IncidentUpdate, locale: Locale) {
  return {
    id: update.id,
    incident_id: update.incidentId,
    status: update.status,
    body: updateBodyText(update, locale),
    created_at: iso(update.createdAt),
    updated_at: iso(update.updatedAt),
    display_at: iso(update.displayAt),
    twitter_updated_at: null,
    wants_twitter_update: false,
    affected_components: update.affectedComponents.map((c) => ({
      code: c.componentId,
      name: c.name,
      old_status: c.oldStatus,
      new_status: c.newStatus,
    })),
  };
}

function presentIncident(incident: Incident, source: RenderSource, components: Component[]) {
  return {
    id: incident.id,
    name: incident.name,
    status: incident.status,
    impact: incident.impact,
    impact_override: incident.impactOverride,
    backfilled: incident.backfilled,
    created_at: iso(incident.createdAt),
    updated_at: iso(incident.updatedAt),
    monitoring_at: iso(incident.monitoringAt),
    resolved_at: iso(incident.resolvedAt),
    scheduled_for: iso(incident.schedule?.scheduledFor),
    scheduled_until: iso(incident.schedule?.scheduledUntil),
    scheduled_remind_prior: incident.schedule !== null && incident.schedule.remindPrior > 0,
    scheduled_reminded_at: iso(incident.schedule?.remindedAt),
    scheduled_auto_transition: incident.schedule?.autoInProgress ?? false,
    postmortem_body: incident.postmortem.body,
    postmortem_body_last_updated_at: iso(incident.postmortem.lastUpdatedAt),
    postmortem_ignored: incident.postmortem.ignored,
    postmortem_notified_subscribers: incident.postmortem.notifiedSubscribers,
    postmortem_notified_twitter: false,
    postmortem_published_at: iso(incident.postmortem.publishedAt),
    shortlink: `${source.publicUrl}/incidents/${incident.id}`,
    page_id: source.page.id,
    organization_id: null,
    incident_updates: incident.updates.map((u) => presentUpdate(u, source.page.defaultLocale)),
    components: components.filter((c) => incident.componentIds.includes(c.id)).map((c) => presentComponent(c, source)),
  };
}

function presentComponent(component: Component, source: RenderSource) {
  return {
    id: component.id,
    name: component.name,
    status: component.status,
    description: component.description,
    group_id: component.groupId,
    position: component.position,
    showcase: component.showcase,
    only_show_if_degraded: component.onlyShowIfDegraded,
    created_at: iso(component.createdAt),
    updated_at: iso(component.updatedAt),
    page_id: source.page.id,
  };
}

/** The body Statuspage posts to webhook subscribers: `meta`, `page`, then the incident or the component change. */
export function webhookPayload(event: NotificationEvent, source: RenderSource, components: Component[], unsubscribeUrl: string): unknown {
  const rollup = overallStatus(knownLeafStatuses(components));
  const head = {
    meta: { unsubscribe: unsubscribeUrl, documentation: `${source.publicUrl}/docs/webhooks` },
    page: { id: source.page.id, status_indicator: rollup.indicator, status_description: rollup.description },
  };
  if (event.kind === 'component.updated') {
    const component = source.component;
    return {
      ...head,
      component_update: {
        id: event.id,
        component_id: event.componentId,
        created_at: event.at,
        old_status: event.oldStatus,
        new_status: event.newStatus,
      },
      component: component === undefined ? { id: event.componentId } : { ...presentComponent(component, source), status: event.newStatus },
    };
  }
  if (source.incident === undefined) return head;
  return { ...head, incident: presentIncident(source.incident, source, components) };
}
