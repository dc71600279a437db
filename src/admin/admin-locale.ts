import type { FastifyRequest } from 'fastify';
import { negotiateLocale } from '../i18n/negotiate-locale.ts';
import { supportedLocales, type Locale } from '../shared/locales.ts';

/**
 * The language a request's admin screens are written in: the member's own choice (account
 * screen), else the browser's languages among every language Aviso is written in, else English.
 * The page's default language plays no part: it is the readers', and a team is often not.
 */
export function adminLocale(request: FastifyRequest, chosen: Locale | null | undefined): Locale {
  if (chosen !== null && chosen !== undefined) return chosen;
  const header = request.headers['accept-language'];
  return negotiateLocale({
    acceptLanguage: typeof header === 'string' ? header : undefined,
    enabled: supportedLocales,
    fallback: 'en',
  }).locale;
}
