import type { Ctx } from '../shared/context.ts';
import type { Locale } from '../shared/locales.ts';
import { queryIncidents } from '../modules/incidents/index.ts';
import { v2Documents } from '../api/v2/v2-documents.ts';
import { loadHistoryPageCount } from './history-model.ts';
import { loadUptimeSources, showcasedComponents, uptimePageCount } from './uptime-model.ts';

/** What the list of public URLs depends on: the page's languages and what its data holds. */
export interface SiteShape {
  locales: readonly Locale[];
  defaultLocale: Locale;
  /** Incidents and maintenances, newest first. */
  eventIds: readonly string[];
  /** Every component and group (badges). */
  componentIds: readonly string[];
  /** Components that show their uptime (uptime pages). */
  showcasedIds: readonly string[];
  historyPages: number;
  uptimePages: number;
}

const v2Names = Object.keys(v2Documents);

/**
 * Every public URL of the site, each once, in the order a background pass renders them: what
 * visitors and clients ask most first (the page in each language, the API's summary and status),
 * then the rest. Languages other than the default are named with `?locale=`, as the page's own
 * switcher does; the default language is the URL without it.
 */
export function publicUrls(shape: SiteShape): string[] {
  const others = shape.locales.filter((l) => l !== shape.defaultLocale);
  const inEvery = (path: string): string[] => {
    const join = path.includes('?') ? '&' : '?';
    return [path, ...others.map((l) => `${path}${join}locale=${encodeURIComponent(l)}`)];
  };
  const pageNumbers = (count: number) => Array.from({ length: Math.max(1, count) }, (_, i) => i + 1);
  const paged = (path: string, n: number) => (n === 1 ? path : `${path}${path.includes('?') ? '&' : '?'}page=${n}`);
  const urls = [
    ...inEvery('/'),
    '/api/v2/summary.json',
    '/api/v2/status.json',
    ...v2Names.filter((n) => n !== 'summary' && n !== 'status').map((n) => `/api/v2/${n}.json`),
    ...shape.eventIds.flatMap((id) => inEvery(`/incidents/${id}`)),
    ...pageNumbers(shape.historyPages).flatMap((n) => inEvery(paged('/history', n))),
    ...pageNumbers(shape.uptimePages).flatMap((n) => [
      ...inEvery(paged('/uptime', n)),
      ...shape.showcasedIds.flatMap((id) => inEvery(paged(`/uptime?component=${id}`, n))),
    ]),
    ...inEvery('/history.atom'),
    ...inEvery('/history.rss'),
    '/maintenances.ics',
    '/badge.svg',
    ...shape.componentIds.map((id) => `/badge.svg?component=${id}`),
    '/embed.js',
    // The API in the other languages (the widget asks for its reader's).
    ...others.flatMap((l) => v2Names.map((n) => `/api/v2/${n}.json?locale=${encodeURIComponent(l)}`)),
  ];
  return [...new Set(urls)];
}

/** The site's shape as the data holds it now. */
export async function loadSiteShape(ctx: Pick<Ctx, 'db'>, now: Date): Promise<SiteShape> {
  const { page, components, subjects } = await loadUptimeSources(ctx);
  const events = await queryIncidents(ctx);
  return {
    locales: page.locales,
    defaultLocale: page.defaultLocale,
    eventIds: events.map((e) => e.id),
    componentIds: components.map((c) => c.id),
    showcasedIds: showcasedComponents(components).map((s) => s.component.id),
    historyPages: await loadHistoryPageCount(ctx, page, now),
    uptimePages: uptimePageCount(components, subjects, page, now),
  };
}

/** Every public URL of the site as its data holds it now (see publicUrls). */
export async function listPublicUrls(ctx: Pick<Ctx, 'db'>, now: Date): Promise<string[]> {
  return publicUrls(await loadSiteShape(ctx, now));
}
