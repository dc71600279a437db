import { render } from 'preact-render-to-string';
import type { VNode } from 'preact';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { Locale } from '../shared/locales.ts';
import { getIncident, localizeIncident } from '../modules/incidents/index.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import { translator } from '../i18n/translate.ts';
import { latestIncident, loadHistoryModel, loadHistoryPageCount } from './history-model.ts';
import { loadHomeModel, loadIncidentModel } from './page-model.ts';
import { buildUptimeModel, loadUptimeSources, showcasedComponents, uptimePageCount } from './uptime-model.ts';
import { HistoryView } from './views/history.tsx';
import { HomeView } from './views/home.tsx';
import { IncidentView } from './views/incident.tsx';
import { IncidentNotFoundView } from './views/not-found.tsx';
import { UptimeView } from './views/uptime.tsx';
import type { ViewContext } from './views/view-context.ts';

export interface RenderOptions {
  locale: Locale;
  assets: ViewContext['assets'];
  now: Date;
}

function html(node: VNode): string {
  return `<!doctype html>${render(node)}`;
}

function viewContext(page: Page, options: RenderOptions, path: string, keep: Record<string, string> = {}): ViewContext {
  return { locale: options.locale, t: translator(options.locale), page, assets: options.assets, path, keep, now: options.now };
}

/** `/` as HTML. */
export async function renderHome(ctx: Pick<Ctx, 'db'>, options: RenderOptions): Promise<string> {
  const model = await loadHomeModel(ctx, options.now, options.locale);
  // The newest incident, when it is older than the days the home page lists: one click to its story.
  const latest = await latestIncident(ctx, model.page, options.now, options.locale);
  const oldestShown = model.pastDays.at(-1)?.date ?? model.today;
  const older = latest !== null && latest.date < oldestShown ? latest : null;
  return html(<HomeView view={viewContext(model.page, options, '/')} model={model} latest={older} />);
}

/** `/incidents/:id` as HTML; an unknown id is `incident_not_found`. */
export async function renderIncident(ctx: Pick<Ctx, 'db'>, id: string, options: RenderOptions): Promise<string> {
  const event = localizeIncident(await getIncident(ctx, id), options.locale);
  const model = await loadIncidentModel(ctx, event, options.locale);
  return html(<IncidentView view={viewContext(model.page, options, `/incidents/${id}`)} model={model} />);
}

/** The 404 page of an unknown incident; not cached, so unknown ids never fill the cache. */
export async function renderIncidentNotFound(ctx: Pick<Ctx, 'db'>, id: string, options: RenderOptions): Promise<string> {
  const page = await getPage(ctx);
  return html(<IncidentNotFoundView view={viewContext(page, options, `/incidents/${id}`)} />);
}

/** `/history?page=n`; a page beyond the oldest event is `not_found`. */
export async function renderHistory(ctx: Pick<Ctx, 'db'>, pageNumber: number, options: RenderOptions): Promise<string> {
  const page = await getPage(ctx);
  const pageCount = await loadHistoryPageCount(ctx, page, options.now);
  if (pageNumber > pageCount) throw new AppError('not_found', 'The incident history has no page this far back.');
  const model = await loadHistoryModel(ctx, options.now, pageNumber, pageCount, options.locale);
  const keep: Record<string, string> = pageNumber > 1 ? { page: String(pageNumber) } : {};
  return html(<HistoryView view={viewContext(model.page, options, '/history', keep)} model={model} />);
}

/** `/uptime?component=id&page=n`; an unknown component or a page before any data is `not_found`. */
export async function renderUptime(
  ctx: Pick<Ctx, 'db'>,
  query: { component?: string | undefined; page: number },
  options: RenderOptions,
): Promise<string> {
  const { page, components, subjects } = await loadUptimeSources(ctx, options.locale);
  if (query.component !== undefined && !showcasedComponents(components).some((s) => s.component.id === query.component)) {
    throw new AppError('component_not_found', 'No component with this id shows its uptime.');
  }
  const pageCount = uptimePageCount(components, subjects, page, options.now);
  if (query.page > pageCount) throw new AppError('not_found', 'The uptime history has no page this far back.');
  const model = buildUptimeModel({
    page,
    components,
    subjects,
    selectedId: query.component,
    pageNumber: query.page,
    pageCount,
    now: options.now,
    latest: await latestIncident(ctx, page, options.now, options.locale),
  });
  const keep: Record<string, string> = {};
  if (query.component !== undefined) keep['component'] = query.component;
  if (query.page > 1) keep['page'] = String(query.page);
  return html(<UptimeView view={viewContext(page, options, '/uptime', keep)} model={model} />);
}
