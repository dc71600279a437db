import type { Ctx } from '../shared/context.ts';
import {
  knownLeafStatuses,
  listComponentsInOrder,
  localizeComponent,
  overallStatus,
  type Component,
  type OverallStatus,
} from '../modules/components/index.ts';
import { isResolved, localizeIncident, queryIncidents, updateLabels, type Incident, type UpdateLabel } from '../modules/incidents/index.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import type { Locale } from '../shared/locales.ts';
import { updateBodyText } from '../i18n/update-body.ts';
import { addDays, dayStart, loadUptimeSubjects, localDate, type UptimeSubject } from '../modules/uptime/index.ts';
import { listPublicCharts, type ResponseChart } from '../modules/monitors/index.ts';
import { buildDayBars, buildGroupBars, type DayBars } from './day-bars-model.ts';

/** One line of the component list: a component, or a group with its children. */
export interface ComponentRow {
  component: Component;
  children: ComponentRow[];
  /** Day bars and figures, for showcased components. */
  bars: DayBars | null;
  /** Response times of the monitor switched on for it, if any. */
  chart: ResponseChart | null;
}

export interface HomeModel {
  page: Page;
  today: string;
  overall: OverallStatus;
  /** Shown third-party components whose source cannot be read: the banner says how many. */
  unknownCount: number;
  /** Unresolved incidents, newest first; while there are any they replace the banner. */
  unresolved: Incident[];
  activeMaintenances: Incident[];
  upcomingMaintenances: Incident[];
  rows: ComponentRow[];
  /** The last 15 days, today first, each with the events that started that day. */
  pastDays: { date: string; events: Incident[] }[];
}

export interface HomeInputs {
  page: Page;
  components: Component[];
  /** Every event that started in the last 91 days, and every open one. */
  events: Incident[];
  subjects: Map<string, UptimeSubject>;
  /** Response-time charts by component. */
  charts?: ReadonlyMap<string, ResponseChart>;
  now: Date;
}

const pastDayCount = 15;

/** Today's date in the page's time zone. */
export function pageToday(page: Pick<Page, 'timeZone'>, now: Date): string {
  return localDate(now.getTime(), page.timeZone);
}

function isOpen(event: Incident): boolean {
  return !isResolved(event);
}

/** The home page, from its inputs alone. */
export function buildHomeModel({ page, components, events, subjects, charts = new Map(), now }: HomeInputs): HomeModel {
  const today = pageToday(page, now);
  const leaves = components.filter((c) => !c.isGroup);
  const visible = (c: Component) => !c.onlyShowIfDegraded || c.status !== 'operational';
  const row = (c: Component): ComponentRow => {
    const subject = subjects.get(c.id);
    const bars = !c.isGroup && c.showcase && subject !== undefined ? buildDayBars(c.id, subject, events, today, page.timeZone, now) : null;
    return { component: c, children: [], bars, chart: c.isGroup ? null : (charts.get(c.id) ?? null) };
  };
  const rows: ComponentRow[] = [];
  for (const c of components) {
    if (c.groupId !== null) continue;
    if (c.isGroup) {
      const children = components.filter((child) => child.groupId === c.id && visible(child)).map(row);
      const showcased = children.flatMap((child) => (child.bars === null ? [] : [child.bars]));
      if (children.length > 0) rows.push({ component: c, children, bars: c.showcase ? buildGroupBars(showcased) : null, chart: null });
    } else if (visible(c)) rows.push(row(c));
  }

  const started = events.filter((e) => e.startedAt.getTime() <= now.getTime());
  const pastDays = Array.from({ length: pastDayCount }, (_, i) => {
    const date = addDays(today, -i);
    return { date, events: started.filter((e) => localDate(e.startedAt.getTime(), page.timeZone) === date) };
  });
  const maintenances = events.filter((e) => e.kind === 'maintenance' && isOpen(e));
  const byStart = (a: Incident, b: Incident) => a.startedAt.getTime() - b.startedAt.getTime();
  return {
    page,
    today,
    overall: overallStatus(knownLeafStatuses(leaves)),
    unknownCount: leaves.filter((c) => c.statusUnknownSince !== null && visible(c)).length,
    unresolved: events.filter((e) => e.kind === 'incident' && isOpen(e)),
    activeMaintenances: maintenances.filter((e) => e.status !== 'scheduled').sort(byStart),
    upcomingMaintenances: maintenances.filter((e) => e.status === 'scheduled').sort(byStart),
    rows,
    pastDays,
  };
}

/** Loads what the home page shows: three queries, the status history and the response-time charts. */
export async function loadHomeModel(ctx: Pick<Ctx, 'db'>, now: Date, locale?: Locale): Promise<HomeModel> {
  const page = await getPage(ctx);
  const today = pageToday(page, now);
  const [components, recent, open, subjects, charts] = await Promise.all([
    listComponentsInOrder(ctx, locale),
    queryIncidents(ctx, { startedFrom: new Date(dayStart(addDays(today, -91), page.timeZone)) }),
    queryIncidents(ctx, { statuses: ['investigating', 'identified', 'monitoring', 'scheduled', 'in_progress', 'verifying'] }),
    loadUptimeSubjects(ctx),
    listPublicCharts(ctx, { today, timeZone: page.timeZone, now }),
  ]);
  const events = [...recent, ...open.filter((o) => !recent.some((r) => r.id === o.id))]
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
    .map((event) => (locale === undefined ? event : localizeIncident(event, locale)));
  return buildHomeModel({ page, components, events, subjects, charts, now });
}

/** An update or the published postmortem, as the page lists them (postmortem first). */
export interface TimelineEntry {
  key: string;
  label: UpdateLabel;
  /** Markdown written by the operator, or Aviso's own sentence in the reader's language. */
  body: string;
  at: Date;
}

/** The entries of an event's timeline, newest first, the published postmortem on top. */
export function timeline(event: Incident, locale: Locale): TimelineEntry[] {
  const labels = updateLabels(event.updates);
  const entries: TimelineEntry[] = event.updates.map((u, i) => ({
    key: u.id,
    label: labels[i] ?? u.status,
    body: updateBodyText(u, locale),
    at: u.displayAt,
  }));
  const { body, publishedAt } = event.postmortem;
  if (body !== null && publishedAt !== null) entries.unshift({ key: `${event.id}-postmortem`, label: 'postmortem', body, at: publishedAt });
  return entries;
}

/**
 * The names of the components an event affects: the name frozen in its updates, else the current
 * one ("Group - Component"). With `locale`, the operator's translation of a component's name
 * (and its group's) comes before the frozen name, which is in the page's default language.
 */
export function affectedNames(event: Incident, components: readonly Component[], locale?: Locale): string[] {
  const frozen = new Map<string, string>();
  for (const update of [...event.updates].reverse()) for (const a of update.affectedComponents) frozen.set(a.componentId, a.name);
  const byId = new Map(components.map((c) => [c.id as string, c]));
  const names: string[] = [];
  for (const id of event.componentIds) {
    const known = frozen.get(id);
    const current = byId.get(id);
    const translated = locale !== undefined && current?.translations[locale]?.name !== undefined;
    if (known !== undefined && !translated) names.push(known);
    else {
      if (current === undefined) continue;
      const c = locale === undefined ? current : localizeComponent(current, locale);
      const groupAsStored = c.groupId === null ? undefined : byId.get(c.groupId);
      const group = groupAsStored === undefined || locale === undefined ? groupAsStored : localizeComponent(groupAsStored, locale);
      names.push(group === undefined ? c.name : `${group.name} - ${c.name}`);
    }
  }
  return names;
}

export interface IncidentModel {
  page: Page;
  event: Incident;
  affected: string[];
}

export async function loadIncidentModel(ctx: Pick<Ctx, 'db'>, event: Incident, locale?: Locale): Promise<IncidentModel> {
  const [page, components] = await Promise.all([getPage(ctx), listComponentsInOrder(ctx)]);
  return { page, event, affected: affectedNames(event, components, locale) };
}
