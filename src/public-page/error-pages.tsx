import type { FastifyRequest } from 'fastify';
import { render } from 'preact-render-to-string';
import type { HtmlErrorPage } from '../http/create-app.ts';
import { canonicalLocale, localeCookie, negotiateLocale } from '../i18n/negotiate-locale.ts';
import { translator } from '../i18n/translate.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import type { Ctx } from '../shared/context.ts';
import { isDatabaseFailure, type AppError } from '../shared/errors.ts';
import { ErrorView } from './views/error-view.tsx';
import type { ViewContext } from './views/view-context.ts';

function readCookie(header: string | undefined, name: string): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(header ?? '');
  if (match?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** The visitor's language for an error: the same order as every public page, the page's languages only. */
function localeOf(request: FastifyRequest, page: Page) {
  let query: string | null = null;
  try {
    query = new URL(request.url, 'http://aviso.invalid').searchParams.get('locale');
  } catch {
    query = null;
  }
  return negotiateLocale({
    query: query === null ? undefined : canonicalLocale(query),
    cookie: readCookie(request.headers.cookie, localeCookie),
    acceptLanguage: request.headers['accept-language'],
    enabled: page.locales,
    fallback: page.defaultLocale,
  }).locale;
}

/**
 * Errors on the public site (a 404, a malformed query, an expired subscription link, a failure)
 * in the page's own frame: header, navigation, language switcher and footer, in the reader's
 * language. The admin keeps its plain page. The page's settings are read once per revision; while
 * the database is away the last ones read still frame the error, and before any the plain page does.
 */
export function publicErrorPages(ctx: Pick<Ctx, 'db' | 'clock' | 'revisions'>, assets: ViewContext['assets']): HtmlErrorPage {
  let known: { revision: number; page: Page } | undefined;
  const pageFor = async (error: AppError): Promise<Page | undefined> => {
    const revision = ctx.revisions.current;
    // A database that just failed is not asked again for the frame of its own error.
    if (isDatabaseFailure(error.code) || (known !== undefined && known.revision === revision)) return known?.page;
    try {
      known = { revision, page: await getPage(ctx) };
    } catch {
      // The error may be the database itself: the settings read last still frame the page.
    }
    return known?.page;
  };
  return async (error: AppError, request: FastifyRequest) => {
    if (/^\/admin(\/|$|\?)/.test(request.url)) return undefined;
    const page = await pageFor(error);
    if (page === undefined) return undefined;
    const locale = localeOf(request, page);
    const path = request.url.split('?')[0] ?? '/';
    const view: ViewContext = {
      locale,
      t: translator(locale),
      page,
      assets,
      // The switcher asks the same address again in the chosen language.
      path: /^\/(?![/\\])[\w.~%/-]{0,300}$/.test(path) ? path : '/',
      keep: {},
      now: ctx.clock.now(),
    };
    const model = { status: error.status, code: error.code, reference: error.status >= 500 ? String(request.id) : undefined };
    return `<!doctype html>${render(<ErrorView view={view} model={model} />)}`;
  };
}
