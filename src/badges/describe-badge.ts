import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import {
  listComponentsInOrder,
  overallStatus,
  knownLeafStatuses,
  type ComponentStatus,
  type Indicator,
} from '../modules/components/index.ts';
import { getPage } from '../modules/page/index.ts';
import { addDays, groupUptime, loadUptimeSubjects, localDate, uptimeForRange, type UptimeFigure } from '../modules/uptime/index.ts';
import type { Component } from '../modules/components/index.ts';
import type { Badge, BadgeStyle, BadgeTone } from './badge-svg.ts';

export interface BadgeQuery {
  component?: string | undefined;
  uptime?: '30d' | '60d' | '90d' | undefined;
  style: BadgeStyle;
}

const statusText: Record<ComponentStatus, string> = {
  operational: 'operational',
  under_maintenance: 'under maintenance',
  degraded_performance: 'degraded performance',
  partial_outage: 'partial outage',
  major_outage: 'major outage',
};

const statusTone: Record<ComponentStatus, BadgeTone> = {
  operational: 'operational',
  under_maintenance: 'maintenance',
  degraded_performance: 'degraded',
  partial_outage: 'partial',
  major_outage: 'major',
};

const indicatorTone: Record<Indicator, BadgeTone> = {
  none: 'operational',
  maintenance: 'maintenance',
  minor: 'degraded',
  major: 'partial',
  critical: 'major',
};

/**
 * The uptime figure over the last `days` days (today included, cut in the page time zone): a
 * component's own, a group's from its showcased children, the page's from every showcased component.
 */
async function uptimeFigure(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  timeZone: string,
  components: Component[],
  subject: Component | undefined,
  days: number,
): Promise<UptimeFigure> {
  const subjects = await loadUptimeSubjects(ctx);
  const now = ctx.clock.now();
  const to = localDate(now.getTime(), timeZone);
  const from = addDays(to, -(days - 1));
  const figure = (c: Component) => uptimeForRange(subjects.get(c.id) ?? { changes: [], startDate: c.startDate }, from, to, timeZone, now);
  if (subject !== undefined && !subject.isGroup) return figure(subject);
  const members = components.filter((c) => !c.isGroup && c.showcase && (subject === undefined || c.groupId === subject.id));
  return groupUptime(members.map(figure));
}

/** What a badge says: the page's rollup or one component's status, with its uptime when asked. */
export async function describeBadge(ctx: Pick<Ctx, 'db' | 'clock'>, query: BadgeQuery): Promise<Badge> {
  const page = await getPage(ctx);
  const components = await listComponentsInOrder(ctx);
  let badge: Badge;
  let subject: Component | undefined;
  if (query.component === undefined) {
    const overall = overallStatus(knownLeafStatuses(components));
    badge = { label: page.name, message: overall.description.toLowerCase(), tone: indicatorTone[overall.indicator], style: query.style };
  } else {
    subject = components.find((c) => c.id === query.component);
    if (subject === undefined) throw notFound('component', query.component);
    badge = { label: subject.name, message: statusText[subject.status], tone: statusTone[subject.status], style: query.style };
  }
  if (query.uptime === undefined) return badge;
  const days = Number(query.uptime.slice(0, -1));
  const { percent } = await uptimeFigure(ctx, page.timeZone, components, subject, days);
  const shown = percent === null ? 'no data' : percent === 100 ? '100%' : `${percent.toFixed(2)}%`;
  return {
    ...badge,
    message: `${badge.message} · ${shown}`,
    spoken: `${badge.label}: ${badge.message}, ${percent === null ? 'no uptime data' : `${shown} uptime`} over the last ${days} days`,
  };
}
