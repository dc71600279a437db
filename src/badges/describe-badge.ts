import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { listComponentsInOrder, overallStatus, type ComponentStatus, type Indicator } from '../modules/components/index.ts';
import { getPage } from '../modules/page/index.ts';
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

/** What a badge says: the page's rollup or one component's status. */
export async function describeBadge(ctx: Pick<Ctx, 'db' | 'clock'>, query: BadgeQuery): Promise<Badge> {
  const page = await getPage(ctx);
  const components = await listComponentsInOrder(ctx);
  if (query.component === undefined) {
    const overall = overallStatus(components.filter((c) => !c.isGroup).map((c) => c.status));
    return { label: page.name, message: overall.description.toLowerCase(), tone: indicatorTone[overall.indicator], style: query.style };
  }
  const component = components.find((c) => c.id === query.component);
  if (component === undefined) throw notFound('component', query.component);
  return { label: component.name, message: statusText[component.status], tone: statusTone[component.status], style: query.style };
}
