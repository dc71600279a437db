import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setHtmlErrorPage, type App } from '../http/create-app.ts';
import { prepare, sendCached, type CachedResponse } from '../http/cached-response.ts';
import type { AppDeps } from '../app-deps.ts';
import { contentSecurityPolicy } from '../http/security-headers.ts';
import { AppError } from '../shared/errors.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import { showsPublicCharts } from '../modules/monitors/index.ts';
import { canonicalLocale, localeCookie, negotiateLocale, type NegotiatedLocale } from '../i18n/negotiate-locale.ts';
import { formatDateTime } from '../i18n/format-dates.ts';
import { t } from '../i18n/translate.ts';
import type { Locale } from '../shared/locales.ts';
import { loadPublicAssets } from './assets.ts';
import { publicErrorPages } from './error-pages.tsx';
import { renderHistory, renderHome, renderIncident, renderIncidentNotFound, renderUptime, type RenderOptions } from './render-pages.tsx';

type PageSettings = Pick<Page, 'timeZone' | 'locales' | 'defaultLocale'> & {
  frameAncestors: readonly string[];
  /** The home page draws monitors' response times (absent from copies kept before charts existed). */
  charts?: boolean;
};

/**
 * How long a home page drawing response times keeps its copy: results are private writes (a check
 * every few seconds must not empty the caches, see ARCHITECTURE.md), so the home page alone, and
 * only while it draws charts, is rendered again for the first visitor after each window.
 */
export const chartWindowMs = 5 * 60_000;

const htmlType = 'text/html; charset=utf-8';
const idPattern = /^[0-9a-z]{12}$/;
// Bounded query values: anything else is refused before it can become a cached variant.
const localeQuery = z.string().max(16).optional();
const pageQuery = z.coerce.number().int().min(1).max(1200).default(1);

const homeQuery = z.object({ locale: localeQuery });
const historyQuery = z.object({ locale: localeQuery, page: pageQuery });
const uptimeQuery = z.object({
  locale: localeQuery,
  page: pageQuery,
  component: z.string().regex(idPattern, 'must be a component id').optional(),
});

const rememberedLimit = 1000;

/** A value computed once per page settings and key; the memory is bounded by starting over when full. */
function remembered<K extends object, T>(store: WeakMap<K, Map<string, T>>, owner: K, key: string, compute: () => T): T {
  let values = store.get(owner);
  if (values === undefined || values.size >= rememberedLimit) {
    values = new Map();
    store.set(owner, values);
  }
  let value = values.get(key);
  if (value === undefined) {
    value = compute();
    values.set(key, value);
  }
  return value;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A kept copy of a page (served while the database is away) says so at the top of its content, in
 * the reader's language, with the time it was rendered; the bytes on disk stay as rendered.
 */
export async function withLastUpdatedNote(response: CachedResponse, locale: Locale, timeZone: string): Promise<CachedResponse> {
  const html = response.identity.toString('utf8');
  const time = formatDateTime(locale, timeZone, new Date(response.renderedAt));
  const note = `<p class="kept-copy" role="status">${escapeHtml(t(locale, 'page.lastUpdated', { time }))}</p>`;
  const marked = html.replace(/<main\b[^>]*>/, (main) => main + note);
  const prepared = await prepare(
    { body: marked, contentType: response.contentType, cacheControl: response.cacheControl, headers: response.headers },
    response.renderedAt,
  );
  return { ...prepared, kept: true };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The public status page: `/`, `/incidents/:id`, `/history`, `/uptime`, their assets and `/revision.json`. */
export function registerPublicPage(app: App, deps: AppDeps): void {
  const assets = loadPublicAssets();
  const revisions = deps.ctx.revisions;
  setHtmlErrorPage(app, publicErrorPages(deps.ctx, assets.urls));
  // Per-request work kept off the hot path: the visitor's language by header values.
  const negotiations = new WeakMap<PageSettings, Map<string, NegotiatedLocale>>();
  const parsedSettings = new WeakMap<CachedResponse, PageSettings>();

  // The page's time zone and languages through the response cache: read once per revision, and
  // kept with the renderings so that an instance without its database still finds its pages' keys.
  const pageSettings = async (): Promise<PageSettings> => {
    const response = await deps.cache.get('public|page-settings', async () => {
      const [page, charts] = await Promise.all([getPage(deps.ctx), showsPublicCharts(deps.ctx)]);
      const settings: PageSettings = {
        charts,
        timeZone: page.timeZone,
        locales: page.locales,
        defaultLocale: page.defaultLocale,
        frameAncestors: page.settings.frameAncestors ?? [],
      };
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(settings) };
    });
    let settings = parsedSettings.get(response);
    if (settings === undefined) {
      settings = JSON.parse(response.identity.toString('utf8')) as PageSettings;
      parsedSettings.set(response, settings);
    }
    return settings;
  };

  /** Negotiates the language, and prepares what every page needs: the day, the render options, the cache key prefix. */
  const begin = async (request: FastifyRequest, reply: FastifyReply, locale: string | undefined) => {
    const page = await pageSettings();
    let query: NegotiatedLocale['locale'] | undefined;
    if (locale !== undefined) {
      query = canonicalLocale(locale);
      if (query === undefined || !page.locales.includes(query)) {
        throw new AppError('validation_failed', `This page is not available in "${locale}"; choose one of ${page.locales.join(', ')}.`);
      }
    }
    const cookie = readCookie(request.headers.cookie, localeCookie);
    const acceptLanguage = request.headers['accept-language'];
    const negotiate = () => negotiateLocale({ query, cookie, acceptLanguage, enabled: page.locales, fallback: page.defaultLocale });
    const memoKey = `${cookie ?? ''}|${acceptLanguage ?? ''}`;
    const negotiated = query === undefined && memoKey.length <= 200 ? remembered(negotiations, page, memoKey, negotiate) : negotiate();
    // Bars and "today" move with the calendar: the cache's renderings expire at the page's midnight (see app.ts).
    const now = deps.ctx.clock.now();
    if (negotiated.source === 'query') {
      reply.header('set-cookie', `${localeCookie}=${encodeURIComponent(negotiated.locale)}; Path=/; Max-Age=31536000; SameSite=Lax`);
    }
    const options: RenderOptions = { locale: negotiated.locale, assets: assets.urls, now };
    // The sites the operator named may frame the page; no other may.
    reply.header('content-security-policy', contentSecurityPolicy(page.frameAncestors));
    const chartWindow = page.charts === true ? Math.floor(now.getTime() / chartWindowMs) : undefined;
    return { options, negotiated, key: `page|${negotiated.locale}`, timeZone: page.timeZone, chartWindow };
  };

  // Kept copies with their note, by ETag and language: an outage serves the same few copies many times.
  const noted = new Map<string, CachedResponse>();
  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    served: CachedResponse,
    negotiated: NegotiatedLocale,
    timeZone: string,
  ) => {
    let response = served;
    if (served.kept === true) {
      const id = `${served.etag}|${negotiated.locale}`;
      response = noted.get(id) ?? (await withLastUpdatedNote(served, negotiated.locale, timeZone));
      if (noted.size >= rememberedLimit) noted.clear();
      noted.set(id, response);
    }
    if (negotiated.source === 'query') {
      // The URL names the language; the cookie it sets must not be stored by shared caches.
      return sendCached(request, reply, { ...response, cacheControl: 'private, no-cache' });
    }
    return sendCached(request, reply, { ...response, headers: { ...response.headers, vary: 'Accept-Encoding, Cookie, Accept-Language' } });
  };

  app.get('/assets/:file', async (request, reply) => {
    const response = assets.responses.get(request.url.split('?')[0] ?? '');
    if (response === undefined) throw new AppError('not_found');
    return sendCached(request, reply, response);
  });

  app.get('/revision.json', async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ revision: revisions.current }));
  });

  app.get('/', { schema: { querystring: homeQuery } }, async (request, reply) => {
    const { locale } = request.query as z.infer<typeof homeQuery>;
    const { options, negotiated, key, timeZone, chartWindow } = await begin(request, reply, locale);
    const response = await deps.cache.get(
      `${key}|home`,
      async () => ({ contentType: htmlType, body: await renderHome(deps.ctx, options) }),
      chartWindow,
    );
    return send(request, reply, response, negotiated, timeZone);
  });

  app.get('/history', { schema: { querystring: historyQuery } }, async (request, reply) => {
    const { locale, page } = request.query as z.infer<typeof historyQuery>;
    const { options, negotiated, key, timeZone } = await begin(request, reply, locale);
    const response = await deps.cache.get(`${key}|history|${page}`, async () => ({
      contentType: htmlType,
      body: await renderHistory(deps.ctx, page, options),
    }));
    return send(request, reply, response, negotiated, timeZone);
  });

  app.get('/uptime', { schema: { querystring: uptimeQuery } }, async (request, reply) => {
    const { locale, page, component } = request.query as z.infer<typeof uptimeQuery>;
    const { options, negotiated, key, timeZone } = await begin(request, reply, locale);
    const response = await deps.cache.get(`${key}|uptime|${component ?? ''}|${page}`, async () => ({
      contentType: htmlType,
      body: await renderUptime(deps.ctx, { component, page }, options),
    }));
    return send(request, reply, response, negotiated, timeZone);
  });

  app.get('/incidents/:id', { schema: { querystring: homeQuery } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { locale } = request.query as z.infer<typeof homeQuery>;
    const { options, negotiated, key, timeZone } = await begin(request, reply, locale);
    const notFound = async () => {
      const body = await renderIncidentNotFound(deps.ctx, id, options);
      return reply.code(404).header('cache-control', 'no-cache').type(htmlType).send(body);
    };
    if (!idPattern.test(id)) return notFound();
    try {
      const response = await deps.cache.get(`${key}|incident|${id}`, async () => ({
        contentType: htmlType,
        body: await renderIncident(deps.ctx, id, options),
      }));
      return send(request, reply, response, negotiated, timeZone);
    } catch (error) {
      if (error instanceof AppError && error.code === 'incident_not_found') return notFound();
      throw error;
    }
  });
}
