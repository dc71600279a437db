import type { Ctx } from '../shared/context.ts';
import { listComponentsInOrder, type Component } from '../modules/components/index.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import type { Locale } from '../shared/locales.ts';
import {
  dailyOutages,
  dayColour,
  dayFill,
  firstDayWithData,
  loadUptimeSubjects,
  localDate,
  monthDays,
  monthlyUptime,
  uptimeFromDays,
  type DayColourLevel,
  type DayOutage,
  type UptimeFigure,
  type UptimeSubject,
} from '../modules/uptime/index.ts';
import { historyMonths, historyPageCount, monthsSince, type LatestIncident } from './history-model.ts';

/** A day with this much weighted downtime (seconds), for the legend. */
function dayWith(downtime: number, hasData = true): DayOutage {
  return {
    date: '2000-01-01',
    hasData,
    majorSeconds: downtime,
    partialSeconds: 0,
    degradedSeconds: 0,
    maintenanceSeconds: 0,
    secondsWithData: 86_400,
    noDataSeconds: 0,
  };
}

/**
 * Each legend level painted as the tiles paint its days: one colour for no downtime and no data, and
 * for the rest the gradient from the level's first colour to its last (the tiles' colours are
 * interpolated along the day's downtime, so one flat colour would match none of them).
 */
export const legendFills: Record<DayColourLevel, string> = (() => {
  const at = (seconds: number) => dayFill(dayWith(seconds));
  const ramp = (from: number, to: number) => `linear-gradient(90deg, ${at(from)}, ${at(to)})`;
  return {
    operational: at(0),
    minor: ramp(1, 20 * 60),
    partial: ramp(20 * 60, 33 * 60),
    major: ramp(33 * 60, 60 * 60),
    'no-data': dayFill(dayWith(0, false)),
  };
})();

export interface UptimeMonth {
  month: string;
  figure: UptimeFigure;
  days: { outage: DayOutage; level: DayColourLevel; fill: string }[];
}

export interface UptimeModel {
  page: Page;
  pageNumber: number;
  pageCount: number;
  /** Showcased components, with a figure per month of the page's window (newest first) and over the whole window. */
  summary: { component: Component; label: string; months: { month: string; figure: UptimeFigure }[]; window: UptimeFigure }[];
  /** The component whose calendars are shown, or null when none is showcased. */
  selected: { component: Component; label: string; months: UptimeMonth[] } | null;
  /** Every month that has an uptime page, newest first: the month picker. */
  allMonths: string[];
  currentMonth: string;
  latest: LatestIncident | null;
}

/** Showcased components (not groups), named with their group as the list shows them. */
export function showcasedComponents(components: readonly Component[]): { component: Component; label: string }[] {
  const byId = new Map(components.map((c) => [c.id as string, c]));
  return components
    .filter((c) => !c.isGroup && c.showcase)
    .map((c) => {
      const group = c.groupId === null ? undefined : byId.get(c.groupId);
      return { component: c, label: group === undefined ? c.name : `${group.name} – ${c.name}` };
    });
}

/** The month of the first day any showcased component has data, or null. */
export function firstUptimeMonth(components: readonly Component[], subjects: Map<string, UptimeSubject>, page: Page): string | null {
  const firsts = showcasedComponents(components)
    .map(({ component }) => subjects.get(component.id))
    .map((s) => (s === undefined ? null : firstDayWithData(s, page.timeZone)))
    .filter((d): d is string => d !== null)
    .sort();
  return firsts[0]?.slice(0, 7) ?? null;
}

/** How many three-month pages reach back to the first day any showcased component has data. */
export function uptimePageCount(components: readonly Component[], subjects: Map<string, UptimeSubject>, page: Page, now: Date): number {
  const current = localDate(now.getTime(), page.timeZone).slice(0, 7);
  return historyPageCount(current, firstUptimeMonth(components, subjects, page));
}

export function buildUptimeModel(input: {
  page: Page;
  components: Component[];
  subjects: Map<string, UptimeSubject>;
  selectedId: string | undefined;
  pageNumber: number;
  pageCount: number;
  now: Date;
  latest?: LatestIncident | null;
}): UptimeModel {
  const { page, subjects, now } = input;
  const current = localDate(now.getTime(), page.timeZone).slice(0, 7);
  const months = historyMonths(current, input.pageNumber);
  const empty: UptimeSubject = { changes: [], startDate: null };
  const showcased = showcasedComponents(input.components);
  const summary = showcased.map(({ component, label }) => {
    const subject = subjects.get(component.id) ?? empty;
    const oldest = monthDays(months[months.length - 1] as string).from;
    const newest = monthDays(months[0] as string).to;
    return {
      component,
      label,
      months: months.map((month) => ({ month, figure: monthlyUptime(subject, month, page.timeZone, now) })),
      window: uptimeFromDays(dailyOutages(subject, oldest, newest, page.timeZone, now)),
    };
  });
  const chosen = showcased.find((s) => s.component.id === input.selectedId) ?? showcased[0];
  const selected =
    chosen === undefined
      ? null
      : {
          ...chosen,
          months: months.map((month) => {
            const { from, to } = monthDays(month);
            const outages = dailyOutages(subjects.get(chosen.component.id) ?? empty, from, to, page.timeZone, now);
            return {
              month,
              figure: uptimeFromDays(outages),
              days: outages.map((outage) => ({ outage, level: dayColour(outage), fill: dayFill(outage) })),
            };
          }),
        };
  return {
    page,
    pageNumber: input.pageNumber,
    pageCount: input.pageCount,
    summary,
    selected,
    allMonths: monthsSince(current, firstUptimeMonth(input.components, subjects, page)),
    currentMonth: current,
    latest: input.latest ?? null,
  };
}

export interface UptimeSources {
  page: Page;
  components: Component[];
  subjects: Map<string, UptimeSubject>;
}

/** With `locale`, components are named in that language (the operator's translations). */
export async function loadUptimeSources(ctx: Pick<Ctx, 'db'>, locale?: Locale): Promise<UptimeSources> {
  const [page, components, subjects] = await Promise.all([getPage(ctx), listComponentsInOrder(ctx, locale), loadUptimeSubjects(ctx)]);
  return { page, components, subjects };
}
