import type { Ctx } from '../shared/context.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { textDirection, type Locale } from '../shared/locales.ts';
import { formatPercent } from '../i18n/format-dates.ts';
import { t } from '../i18n/translate.ts';
import {
  listComponentsInOrder,
  overallStatus,
  knownLeafStatuses,
  type ComponentStatus,
  type Indicator,
} from '../modules/components/index.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import { addDays, groupUptime, loadUptimeSubjects, localDate, uptimeForRange, type UptimeFigure } from '../modules/uptime/index.ts';
import type { Component } from '../modules/components/index.ts';
import type { Badge, BadgeStyle, BadgeTone } from './badge-svg.ts';

export interface BadgeQuery {
  component?: string | undefined;
  uptime?: '30d' | '60d' | '90d' | undefined;
  style: BadgeStyle;
  /** The language asked for (`?lang=`); the page's default language when absent. */
  locale?: Locale | undefined;
}

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

/** The badge's language: the one asked for, which the page must be published in, or the page's default. */
function badgeLocale(page: Pick<Page, 'locales' | 'defaultLocale'>, asked: Locale | undefined): Locale {
  if (asked === undefined) return page.defaultLocale;
  if (page.locales.includes(asked)) return asked;
  const message = `lang: this page is not published in "${asked}"; ask for one of ${page.locales.join(', ')}`;
  throw invalid(message, [{ path: 'lang', message: `must be one of ${page.locales.join(', ')}` }]);
}

/**
 * What a badge says, in the page's words for each status (`status.*` for a component, `overall.*`
 * for the page): the page's rollup or one component's status, with its uptime when asked.
 */
export async function describeBadge(ctx: Pick<Ctx, 'db' | 'clock'>, query: BadgeQuery): Promise<Badge> {
  const page = await getPage(ctx);
  const locale = badgeLocale(page, query.locale);
  // Components named in the badge's language where the operator translated them.
  const components = await listComponentsInOrder(ctx, locale);
  const words = { style: query.style, lang: locale, direction: textDirection(locale) };
  let badge: Badge;
  let subject: Component | undefined;
  if (query.component === undefined) {
    const overall = overallStatus(knownLeafStatuses(components));
    badge = { ...words, label: page.name, message: t(locale, `overall.${overall.key}`), tone: indicatorTone[overall.indicator] };
  } else {
    subject = components.find((c) => c.id === query.component);
    if (subject === undefined) throw notFound('component', query.component);
    badge = { ...words, label: subject.name, message: t(locale, `status.${subject.status}`), tone: statusTone[subject.status] };
  }
  const spoken = { name: badge.label, status: badge.message };
  if (query.uptime === undefined) return { ...badge, spoken: t(locale, 'badge.spoken', spoken) };
  const days = Number(query.uptime.slice(0, -1));
  const { percent } = await uptimeFigure(ctx, page.timeZone, components, subject, days);
  const uptime = percent === null ? t(locale, 'uptime.noData') : formatPercent(locale, percent);
  return {
    ...badge,
    message: t(locale, 'badge.withUptime', { status: badge.message, uptime }),
    spoken:
      percent === null
        ? t(locale, 'badge.spokenNoData', { ...spoken, days })
        : t(locale, 'badge.spokenUptime', { ...spoken, uptime, days }),
  };
}
