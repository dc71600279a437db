import type { Component } from '../../modules/components/index.ts';
import type { Incident, IncidentUpdate } from '../../modules/incidents/index.ts';
import type { Page } from '../../modules/page/index.ts';
import type { IncidentTemplate } from '../../modules/templates/index.ts';
import type { Locale } from '../../shared/locales.ts';
import { updateBodyText } from '../../i18n/update-body.ts';

/**
 * Domain → Statuspage Manage-API v1 wire shapes: every field of the spec's schema, in its order,
 * with Aviso's value or null where Aviso has no such thing.
 */
const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export interface PresentContext {
  pageId: string;
  /** The page's default language: Aviso's own sentences are worded in it, as Statuspage does. */
  locale: Locale;
  publicUrl: string;
  /** Every component by id, for incidents' `components`. */
  components: Map<string, Component>;
}

export function presentPage(page: Page, mailFrom: string | undefined) {
  const s = page.settings;
  const c = s.colours ?? {};
  const subscribers = s.allowSubscribers ?? false;
  return {
    id: page.id,
    created_at: iso(page.createdAt),
    updated_at: iso(page.updatedAt),
    name: page.name,
    page_description: null,
    headline: null,
    branding: null,
    subdomain: null,
    domain: hostOf(page.url),
    url: page.url,
    support_url: s.supportUrl ?? null,
    hidden_from_search: false,
    allow_page_subscribers: subscribers,
    allow_incident_subscribers: subscribers,
    allow_email_subscribers: subscribers,
    allow_sms_subscribers: false,
    allow_rss_atom_feeds: true,
    allow_webhook_subscribers: subscribers,
    notifications_from_email: mailFrom ?? null,
    notifications_email_footer: null,
    activity_score: 0,
    twitter_username: s.twitterHandle ?? null,
    viewers_must_be_team_members: false,
    ip_restrictions: null,
    city: null,
    state: null,
    country: null,
    time_zone: page.timeZone,
    css_body_background_color: null,
    css_font_color: null,
    css_light_font_color: null,
    css_greens: c.operational ?? null,
    css_yellows: c.degraded ?? null,
    css_oranges: c.partial ?? null,
    css_blues: c.maintenance ?? null,
    css_reds: c.major ?? null,
    css_border_color: null,
    css_graph_color: null,
    css_link_color: c.link ?? null,
    css_no_data: c.noData ?? null,
    favicon_logo: s.faviconUrl ?? null,
    transactional_logo: s.logoUrl ?? null,
    hero_cover: null,
    email_logo: null,
    twitter_logo: null,
  };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function presentComponent(c: Component, pageId: string) {
  return {
    id: c.id,
    page_id: pageId,
    group_id: c.groupId,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    group: c.isGroup,
    name: c.name,
    description: c.description,
    position: c.position,
    status: c.status,
    showcase: c.showcase,
    only_show_if_degraded: c.onlyShowIfDegraded,
    // Aviso has no inbound email automation, so there is no address to give.
    automation_email: null,
    start_date: c.startDate,
    // Not in Statuspage's shape: the upstream a third-party component mirrors (null for others).
    third_party_source: c.thirdParty === null ? null : { source_url: c.thirdParty.sourceUrl, component_id: c.thirdParty.componentId },
  };
}

export function presentGroup(group: Component, children: Component[], pageId: string) {
  return {
    id: group.id,
    page_id: pageId,
    name: group.name,
    description: group.description,
    components: children.map((c) => c.id),
    position: group.position,
    created_at: iso(group.createdAt),
    updated_at: iso(group.updatedAt),
  };
}

export function presentUpdate(u: IncidentUpdate, locale: Locale) {
  return {
    id: u.id,
    incident_id: u.incidentId,
    affected_components:
      u.affectedComponents.length === 0
        ? null
        : u.affectedComponents.map((a) => ({ code: a.componentId, name: a.name, old_status: a.oldStatus, new_status: a.newStatus })),
    body: updateBodyText(u, locale),
    created_at: iso(u.createdAt),
    custom_tweet: null,
    deliver_notifications: u.deliverNotifications,
    display_at: iso(u.displayAt),
    status: u.status,
    tweet_id: null,
    twitter_updated_at: null,
    updated_at: iso(u.updatedAt),
    wants_twitter_update: false,
  };
}

export function presentIncident(i: Incident, pc: PresentContext) {
  const s = i.schedule;
  const components = i.componentIds.flatMap((id) => {
    const c = pc.components.get(id);
    return c === undefined ? [] : [presentComponent(c, pc.pageId)];
  });
  return {
    id: i.id,
    components,
    created_at: iso(i.createdAt),
    impact: i.impact,
    impact_override: i.impactOverride,
    incident_updates: i.updates.map((u) => presentUpdate(u, pc.locale)),
    metadata: i.metadata,
    monitoring_at: iso(i.monitoringAt),
    name: i.name,
    page_id: pc.pageId,
    postmortem_body: i.postmortem.body,
    postmortem_body_last_updated_at: iso(i.postmortem.lastUpdatedAt),
    postmortem_ignored: i.postmortem.ignored,
    postmortem_notified_subscribers: i.postmortem.notifiedSubscribers,
    postmortem_notified_twitter: false,
    postmortem_published_at: iso(i.postmortem.publishedAt),
    resolved_at: iso(i.resolvedAt),
    scheduled_auto_completed: s?.autoCompleted ?? false,
    scheduled_auto_in_progress: s?.autoInProgress ?? false,
    scheduled_for: iso(s?.scheduledFor),
    auto_transition_deliver_notifications_at_end: s?.autoTransitionDeliverNotificationsAtEnd ?? false,
    auto_transition_deliver_notifications_at_start: s?.autoTransitionDeliverNotificationsAtStart ?? false,
    auto_transition_to_maintenance_state: s?.autoTransitionToMaintenanceState ?? false,
    auto_transition_to_operational_state: s?.autoTransitionToOperationalState ?? false,
    scheduled_remind_prior: (s?.remindPrior ?? 0) > 0,
    scheduled_reminded_at: iso(s?.remindedAt),
    scheduled_until: iso(s?.scheduledUntil),
    shortlink: `${pc.publicUrl}/incidents/${i.id}`,
    status: i.status,
    updated_at: iso(i.updatedAt),
    started_at: iso(i.startedAt),
    backfilled: i.backfilled,
    reminder_intervals: s !== null && s.remindPrior > 0 ? `[${s.remindPrior}]` : null,
  };
}

export function presentPostmortem(i: Incident) {
  const p = i.postmortem;
  return {
    preview_key: null,
    body: p.body,
    body_updated_at: iso(p.publishedAt),
    body_draft: p.draft,
    body_draft_updated_at: iso(p.lastUpdatedAt),
    published_at: iso(p.publishedAt),
    notify_subscribers: p.notifiedSubscribers,
    notify_twitter: false,
    custom_tweet: null,
    // Aviso keeps when the postmortem last changed, not when it was first written.
    created_at: null,
    updated_at: iso(p.lastUpdatedAt),
  };
}

export interface UptimeFigures {
  rangeStart: Date;
  rangeEnd: Date;
  percent: number | null;
  majorSeconds: number;
  partialSeconds: number;
  warnings: string[];
  relatedEventIds: string[];
}

export function presentUptime(subject: { id: string; name: string }, u: UptimeFigures) {
  return {
    range_start: iso(u.rangeStart),
    range_end: iso(u.rangeEnd),
    uptime_percentage: u.percent,
    major_outage: u.majorSeconds,
    partial_outage: u.partialSeconds,
    warnings: u.warnings.length === 0 ? null : JSON.stringify(u.warnings),
    id: subject.id,
    name: subject.name,
    related_events: u.relatedEventIds.map((id) => ({ id })),
  };
}

export function presentTemplate(t: IncidentTemplate, pc: PresentContext) {
  return {
    id: t.id,
    components: t.componentIds.flatMap((id) => {
      const c = pc.components.get(id);
      return c === undefined ? [] : [presentComponent(c, pc.pageId)];
    }),
    name: t.name,
    title: t.title,
    body: t.body,
    group_id: t.groupId,
    update_status: t.updateStatus,
    should_tweet: t.shouldTweet,
    should_send_notifications: t.shouldSendNotifications,
  };
}
