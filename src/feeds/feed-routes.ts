import type { FastifyRequest } from 'fastify';
import type { App } from '../http/create-app.ts';
import type { Locale } from '../shared/locales.ts';
import { canonicalLocale } from '../i18n/negotiate-locale.ts';
import type { AppDeps } from '../app-deps.ts';
import { publicRead } from '../api/v2/public-read.ts';
import { renderAtom } from './atom.ts';
import { loadFeed } from './feed-entries.ts';
import { renderRss } from './rss.ts';

/** `?locale=pt-BR`: the feed in that language (when the page has it), else in the page's default language. */
function askedLocale(request: FastifyRequest): Locale | undefined {
  const asked = (request.query as Record<string, unknown> | undefined)?.['locale'];
  return typeof asked === 'string' ? canonicalLocale(asked) : undefined;
}

/** `/history.atom` and `/history.rss`, rendered once per data revision and language. */
export function registerFeedRoutes(app: App, deps: AppDeps): void {
  publicRead(
    app,
    deps,
    '/history.atom',
    (request) => `feed:atom:${askedLocale(request) ?? ''}`,
    async (request) => ({
      body: renderAtom(await loadFeed(deps.ctx, askedLocale(request))),
      contentType: 'application/atom+xml; charset=utf-8',
    }),
  );
  publicRead(
    app,
    deps,
    '/history.rss',
    (request) => `feed:rss:${askedLocale(request) ?? ''}`,
    async (request) => ({
      body: renderRss(await loadFeed(deps.ctx, askedLocale(request))),
      contentType: 'application/rss+xml; charset=utf-8',
    }),
  );
}
