import type { Ctx } from '../shared/context.ts';
import { countIncidents, listIncidents, localizeIncident, queryIncidents, type Incident } from '../modules/incidents/index.ts';
import type { Locale } from '../shared/locales.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import { dayStart, localDate } from '../modules/uptime/index.ts';

/** Months per history page, as Statuspage pages its history. */
export const monthsPerPage = 3;

/** 'YYYY-MM' moved by n months. */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return ty * 12 + tm - (fy * 12 + fm);
}

/** Page n (1 = the newest) covers these months, newest first. */
export function historyMonths(currentMonth: string, pageNumber: number): string[] {
  const newest = addMonths(currentMonth, -monthsPerPage * (pageNumber - 1));
  return Array.from({ length: monthsPerPage }, (_, i) => addMonths(newest, -i));
}

/** How many pages reach back to the oldest event's month (at least one). */
export function historyPageCount(currentMonth: string, oldestMonth: string | null): number {
  if (oldestMonth === null || oldestMonth >= currentMonth) return 1;
  return Math.floor(monthsBetween(oldestMonth, currentMonth) / monthsPerPage) + 1;
}

/** The page (1 = the newest) whose three months include `month`. */
export function pageOfMonth(currentMonth: string, month: string): number {
  return Math.floor(Math.max(0, monthsBetween(month, currentMonth)) / monthsPerPage) + 1;
}

/** Every month from `oldest` to `current`, newest first (only `current` when there is nothing older). */
export function monthsSince(currentMonth: string, oldestMonth: string | null): string[] {
  if (oldestMonth === null || oldestMonth >= currentMonth) return [currentMonth];
  return Array.from({ length: monthsBetween(oldestMonth, currentMonth) + 1 }, (_, i) => addMonths(currentMonth, -i));
}

/** The newest incident that has started, for the "latest incident" jump when the visible months are empty. */
export interface LatestIncident {
  id: string;
  name: string;
  month: string;
  /** The page-zone day it started (YYYY-MM-DD). */
  date: string;
}

export interface HistoryModel {
  page: Page;
  pageNumber: number;
  pageCount: number;
  /** Newest first, each with its events newest first. */
  months: { month: string; events: Incident[] }[];
  /** Every month that has a history page, newest first: the month picker. */
  allMonths: string[];
  currentMonth: string;
  latest: LatestIncident | null;
}

/** Groups events that have started into the page's months, in the page's time zone. */
export function buildHistoryModel(input: {
  page: Page;
  events: Incident[];
  months: string[];
  pageNumber: number;
  pageCount: number;
  now: Date;
  oldestMonth?: string | null;
  latest?: LatestIncident | null;
}): HistoryModel {
  const started = input.events.filter((e) => e.startedAt.getTime() <= input.now.getTime());
  const currentMonth = localDate(input.now.getTime(), input.page.timeZone).slice(0, 7);
  return {
    page: input.page,
    pageNumber: input.pageNumber,
    pageCount: input.pageCount,
    allMonths: monthsSince(currentMonth, input.oldestMonth ?? null),
    currentMonth,
    latest: input.latest ?? null,
    months: input.months.map((month) => ({
      month,
      events: started.filter((e) => localDate(e.startedAt.getTime(), input.page.timeZone).slice(0, 7) === month),
    })),
  };
}

/** The month of the oldest event, or null when there is none. */
export async function oldestMonth(ctx: Pick<Ctx, 'db'>, timeZone: string): Promise<string | null> {
  const total = await countIncidents(ctx.db);
  if (total === 0) return null;
  const [oldest] = await listIncidents(ctx.db, { limit: 1, offset: total - 1 });
  return oldest === undefined ? null : localDate(oldest.startedAt.getTime(), timeZone).slice(0, 7);
}

export async function loadHistoryPageCount(ctx: Pick<Ctx, 'db'>, page: Page, now: Date): Promise<number> {
  const current = localDate(now.getTime(), page.timeZone).slice(0, 7);
  return historyPageCount(current, await oldestMonth(ctx, page.timeZone));
}

/** The history page `pageNumber` (already checked against the page count). */
export async function loadHistoryModel(
  ctx: Pick<Ctx, 'db'>,
  now: Date,
  pageNumber: number,
  pageCount: number,
  locale?: Locale,
): Promise<HistoryModel> {
  const page = await getPage(ctx);
  const current = localDate(now.getTime(), page.timeZone).slice(0, 7);
  const months = historyMonths(current, pageNumber);
  const oldest = months[months.length - 1] as string;
  const newest = months[0] as string;
  const events = (
    await queryIncidents(ctx, {
      startedFrom: new Date(dayStart(`${oldest}-01`, page.timeZone)),
      startedBefore: new Date(dayStart(`${addMonths(newest, 1)}-01`, page.timeZone)),
    })
  ).map((event) => (locale === undefined ? event : localizeIncident(event, locale)));
  return buildHistoryModel({
    page,
    events,
    months,
    pageNumber,
    pageCount,
    now,
    oldestMonth: await oldestMonth(ctx, page.timeZone),
    latest: await latestIncident(ctx, page, now, locale),
  });
}

/** The newest incident (not maintenance) that has started by `now`, or null. */
export async function latestIncident(ctx: Pick<Ctx, 'db'>, page: Page, now: Date, locale?: Locale): Promise<LatestIncident | null> {
  const [newest] = await listIncidents(ctx.db, { kind: 'incident', startedBefore: new Date(now.getTime() + 1), limit: 1 });
  if (newest === undefined) return null;
  const shown = locale === undefined ? newest : localizeIncident(newest, locale);
  const date = localDate(shown.startedAt.getTime(), page.timeZone);
  return { id: shown.id, name: shown.name, month: date.slice(0, 7), date };
}
