import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../http/create-app.ts';
import type { AppDeps } from '../app-deps.ts';
import { publicRead } from '../api/v2/public-read.ts';
import { canonicalLocale } from '../i18n/negotiate-locale.ts';
import { supportedLocales } from '../shared/locales.ts';
import { describeBadge, type BadgeQuery } from './describe-badge.ts';
import { renderBadge } from './badge-svg.ts';
import { HourlyCache } from './hourly-cache.ts';

/** A language Aviso writes in ("pt-br" as "pt-BR"); whether the page is published in it is the badge's to say. */
const language = z
  .string()
  .max(20)
  .transform((tag, context) => {
    const locale = canonicalLocale(tag);
    if (locale === undefined) context.addIssue({ code: 'custom', message: `must be one of ${supportedLocales.join(', ')}` });
    return locale ?? z.NEVER;
  });

const badgeQuerySchema = z
  .object({
    component: z
      .string()
      .regex(/^[0-9a-z]{12}$/, 'must be a component id')
      .optional(),
    uptime: z.enum(['30d', '60d', '90d']).optional(),
    style: z.enum(['flat', 'flat-square']).default('flat'),
    lang: language.optional(),
    // The name the page, the feeds and the API give the same choice.
    locale: language.optional(),
  })
  .strict()
  .refine((q) => q.lang === undefined || q.locale === undefined || q.lang === q.locale, {
    path: ['lang'],
    message: 'lang and locale name different languages',
  });

/** Badges change with the data and, when they show uptime, with the hour. */
const badgeCacheControl = 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400';

function queryOf(request: FastifyRequest): BadgeQuery {
  const { lang, locale, ...rest } = badgeQuerySchema.parse(request.query ?? {});
  return { ...rest, locale: lang ?? locale };
}

/**
 * `/badge.svg` for the page, `/badge.svg?component=<id>` for one component or group, in the page's
 * default language or `?lang=`'s. Never Accept-Language: badges are embedded and cached by URL.
 */
export function registerBadgeRoutes(app: App, deps: AppDeps): void {
  const hourly = new HourlyCache(() => deps.ctx.revisions.current, deps.ctx.clock);
  publicRead(
    app,
    deps,
    '/badge.svg',
    (request) => {
      const q = queryOf(request);
      // Keys come from validated values only, so strangers cannot grow the cache at will.
      return `badge:${q.component ?? 'page'}:${q.uptime ?? ''}:${q.style}:${q.locale ?? ''}`;
    },
    async (request) => ({
      body: renderBadge(await describeBadge(deps.ctx, queryOf(request))),
      contentType: 'image/svg+xml; charset=utf-8',
      cacheControl: badgeCacheControl,
      headers: { 'cross-origin-resource-policy': 'cross-origin' },
    }),
    (request) => (queryOf(request).uptime === undefined ? deps.cache : hourly),
  );
}
