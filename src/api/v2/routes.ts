import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/create-app.ts';
import type { Locale } from '../../shared/locales.ts';
import { canonicalLocale } from '../../i18n/negotiate-locale.ts';
import type { AppDeps } from '../../app-deps.ts';
import { registerBadgeRoutes } from '../../badges/badge-routes.ts';
import { registerCalendarRoutes } from '../../calendar/calendar-routes.ts';
import { registerEmbedRoutes } from '../../embed/embed-routes.ts';
import { registerFeedRoutes } from '../../feeds/feed-routes.ts';
import { corsHeaders, jsonRendered, publicRead } from './public-read.ts';
import { v2Documents, type V2DocumentName } from './v2-documents.ts';

/** `?locale=de`: Aviso's own sentences in that language, when the page has it (an Aviso addition to Statuspage's API). */
function askedLocale(request: FastifyRequest): Locale | undefined {
  const asked = (request.query as Record<string, unknown> | undefined)?.['locale'];
  return typeof asked === 'string' ? canonicalLocale(asked) : undefined;
}

/** Statuspage's public API v2 under `/api/v2/<name>.json` (also answered without `.json`). */
export function registerApiV2Routes(app: App, deps: AppDeps): void {
  for (const name of Object.keys(v2Documents) as V2DocumentName[]) {
    const render = async (request: FastifyRequest) => jsonRendered(await v2Documents[name](deps.ctx, askedLocale(request)));
    const key = (request: FastifyRequest) => `api:v2:${name}:${askedLocale(request) ?? ''}`;
    publicRead(app, deps, `/api/v2/${name}.json`, key, render);
    publicRead(app, deps, `/api/v2/${name}`, key, render);
  }
}

/**
 * Every public read surface besides the page itself: API v2, feeds, the maintenance calendar,
 * badges and the embeddable widget. Errors on these paths carry CORS too, so a cross-origin
 * client can read why it failed.
 */
export function registerPublicApi(app: App, deps: AppDeps): void {
  void app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      for (const [name, value] of Object.entries(corsHeaders)) reply.header(name, value);
      return payload;
    });
    const surface = scope as unknown as App;
    registerApiV2Routes(surface, deps);
    registerFeedRoutes(surface, deps);
    registerCalendarRoutes(surface, deps);
    registerBadgeRoutes(surface, deps);
    registerEmbedRoutes(surface, deps);
  });
}
