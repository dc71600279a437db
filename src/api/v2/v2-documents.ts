import type { Ctx } from '../../shared/context.ts';
import { listComponentsInOrder, overallStatus, knownLeafStatuses, type Component } from '../../modules/components/index.ts';
import { localizeIncident, queryIncidents, type EventStatus, type Incident, type IncidentKind } from '../../modules/incidents/index.ts';
import { getPage, type Page } from '../../modules/page/index.ts';
import type { Locale } from '../../shared/locales.ts';
import {
  childrenByGroup,
  listCap,
  presentComponent,
  presentIncident,
  presentMaintenance,
  presentPage,
  presentStatus,
  presentationContext,
  type PresentContext,
} from './presenters.ts';

/** The v2 documents, one per endpoint, keyed by the path after `/api/v2/` (without `.json`). */
export const v2Documents = {
  summary: summaryDocument,
  status: statusDocument,
  components: componentsDocument,
  incidents: (ctx: ReadCtx, locale?: Locale) => eventsDocument(ctx, 'incident', undefined, locale),
  'incidents/unresolved': (ctx: ReadCtx, locale?: Locale) => eventsDocument(ctx, 'incident', unresolvedIncident, locale),
  'scheduled-maintenances': (ctx: ReadCtx, locale?: Locale) => eventsDocument(ctx, 'maintenance', undefined, locale),
  'scheduled-maintenances/upcoming': (ctx: ReadCtx, locale?: Locale) => eventsDocument(ctx, 'maintenance', ['scheduled'], locale),
  'scheduled-maintenances/active': (ctx: ReadCtx, locale?: Locale) => eventsDocument(ctx, 'maintenance', activeMaintenance, locale),
} as const;
export type V2DocumentName = keyof typeof v2Documents;

type ReadCtx = Pick<Ctx, 'db'>;

const unresolvedIncident: EventStatus[] = ['investigating', 'identified', 'monitoring'];
const activeMaintenance: EventStatus[] = ['in_progress', 'verifying'];
const upcomingOrActiveMaintenance: EventStatus[] = ['scheduled', 'in_progress', 'verifying'];

/**
 * The page, its components and what presenting needs. Aviso's own sentences are worded in the
 * page's default language, as Statuspage does, or in another of the page's languages that
 * `?locale=` asks for (an Aviso addition; the widget asks for its reader's).
 */
async function base(ctx: ReadCtx, locale?: Locale): Promise<{ page: Page; components: Component[]; context: PresentContext }> {
  const stored = await getPage(ctx);
  const page = locale !== undefined && stored.locales.includes(locale) ? { ...stored, defaultLocale: locale } : stored;
  // Components named as the language asked for reads them (the operator's translations).
  const components = await listComponentsInOrder(ctx, page.defaultLocale);
  return { page, components, context: presentationContext(page, components) };
}

/** Events as the language asked for reads them (the operator's translations), else as posted. */
function localized(list: Incident[], page: Page): Incident[] {
  return list.map((event) => localizeIncident(event, page.defaultLocale));
}

/** The page rollup over leaf components: groups only repeat their children. */
function pageStatus(components: readonly Component[]) {
  return presentStatus(overallStatus(knownLeafStatuses(components)));
}

/**
 * Events of a kind, capped at 50. Current and future maintenances come soonest first (clients take
 * `scheduled_maintenances[0]` as the next one); every other list is most recent first.
 */
async function events(ctx: ReadCtx, kind: IncidentKind, statuses: EventStatus[] | undefined) {
  if (kind === 'maintenance' && statuses !== undefined) {
    // Only scheduled, running or verifying ones: few, so all are read and the soonest kept.
    const current = await queryIncidents(ctx, { kind, statuses });
    const start = (m: Incident) => (m.schedule?.scheduledFor ?? m.startedAt).getTime();
    return current.sort((a, b) => start(a) - start(b) || a.createdAt.getTime() - b.createdAt.getTime()).slice(0, listCap);
  }
  return queryIncidents(ctx, { kind, ...(statuses !== undefined && { statuses }), limit: listCap });
}

async function summaryDocument(ctx: ReadCtx, locale?: Locale) {
  const { page, components, context } = await base(ctx, locale);
  const incidents = localized(await events(ctx, 'incident', unresolvedIncident), page);
  const maintenances = localized(await events(ctx, 'maintenance', upcomingOrActiveMaintenance), page);
  const children = childrenByGroup(components);
  return {
    page: presentPage(page),
    components: components.map((c) => presentComponent(c, page, children)),
    incidents: incidents.map((i) => presentIncident(i, context)),
    scheduled_maintenances: maintenances.map((m) => presentMaintenance(m, context)),
    status: pageStatus(components),
  };
}

async function statusDocument(ctx: ReadCtx) {
  const page = await getPage(ctx);
  const components = await listComponentsInOrder(ctx);
  return { page: presentPage(page), status: pageStatus(components) };
}

async function componentsDocument(ctx: ReadCtx) {
  const { page, components } = await base(ctx);
  const children = childrenByGroup(components);
  return { page: presentPage(page), components: components.map((c) => presentComponent(c, page, children)) };
}

async function eventsDocument(ctx: ReadCtx, kind: IncidentKind, statuses: EventStatus[] | undefined, locale?: Locale) {
  const { page, context } = await base(ctx, locale);
  const list = localized(await events(ctx, kind, statuses), page);
  if (kind === 'incident') return { page: presentPage(page), incidents: list.map((i) => presentIncident(i, context)) };
  return { page: presentPage(page), scheduled_maintenances: list.map((m) => presentMaintenance(m, context)) };
}
