import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AppDeps } from '../app-deps.ts';
import { can, type Permission } from '../modules/accounts/index.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import type { Ctx } from '../shared/context.ts';
import { contentSecurityPolicy } from '../http/security-headers.ts';
import { AppError } from '../shared/errors.ts';
import { maybeSessionOf, sessionOf, type AdminSession } from './admin-session.ts';
import { formErrors, type FormBody, type FormState } from './form-values.ts';
import { noticeText } from './notices.ts';
import { Layout, type Section } from './view/layout.tsx';
import { translator, type Translator } from '../i18n/translate.ts';
import type { Locale } from '../shared/locales.ts';
import { adminLocale } from './admin-locale.ts';

/** What a signed-in screen works with: who is acting, their use-case context, and the page. */
export interface Screen {
  session: AdminSession;
  ctx: Ctx;
  page: Page;
  can: (permission: Permission) => boolean;
  notice: string | undefined;
  /** The member's language (their choice, else their browser's) and its translator, for titles, notices and field messages. */
  locale: Locale;
  t: Translator;
}

/** Builds the screen for a request, refusing it when the user's role lacks the permission. */
export async function screen(deps: AppDeps, request: FastifyRequest, needs: Permission = 'read'): Promise<Screen> {
  const session = sessionOf(request);
  if (!can(session.user.role, needs)) {
    throw new AppError('forbidden', `Your role (${session.user.role}) does not allow this. Ask an owner or admin.`);
  }
  const ctx: Ctx = { ...deps.ctx, actor: session.actor };
  const page = await getPage(deps.ctx);
  const query = request.query as Record<string, unknown> | undefined;
  const locale = adminLocale(request, session.user.locale);
  return {
    locale,
    t: translator(locale),
    session,
    ctx,
    page,
    can: (permission) => can(session.user.role, permission),
    notice: noticeText(query?.['notice'], locale),
  };
}

export function sendHtml(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return (
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      // Admin screens are never framed by another site (clickjacking).
      .header('content-security-policy', contentSecurityPolicy())
      .send(`<!doctype html>${renderToString(node)}`)
  );
}

/** Sends a signed-in screen in the admin frame. */
export function show(
  reply: FastifyReply,
  s: Screen,
  title: string,
  section: Section,
  body: VNode,
  status = 200,
  scripts?: readonly string[],
): FastifyReply {
  return sendHtml(
    reply,
    <Layout
      title={title}
      locale={s.locale}
      pageName={s.page.name}
      session={s.session}
      section={section}
      notice={s.notice}
      can={s.can}
      {...(scripts !== undefined && { scripts })}
    >
      {body}
    </Layout>,
    status,
  );
}

/** After a successful POST: back to a screen, with a fixed confirmation named by its key. */
export function redirectTo(reply: FastifyReply, path: string, notice?: string): FastifyReply {
  const [base = path, hash] = path.split('#');
  const withNotice = notice === undefined ? base : `${base}${base.includes('?') ? '&' : '?'}notice=${encodeURIComponent(notice)}`;
  const target = hash === undefined ? withNotice : `${withNotice}#${hash}`;
  return reply.code(303).redirect(target);
}

/**
 * Runs a form's action; an expected failure re-renders the form with the user's input and the
 * messages next to the fields (status 4xx), anything else goes to the error boundary. The
 * "Preview" button of a Markdown field re-renders the form with its preview and writes nothing.
 */
export async function submitForm(
  reply: FastifyReply,
  values: FormBody,
  action: () => Promise<FastifyReply>,
  rerender: (form: FormState, status: number) => FastifyReply | Promise<FastifyReply>,
  fields: Record<string, string> = {},
): Promise<FastifyReply> {
  if (values['intent'] === 'preview') return rerender({ values, errors: {}, previewing: true }, 200);
  try {
    return await action();
  } catch (error) {
    const session = maybeSessionOf(reply.request);
    const failed = formErrors(error, fields, adminLocale(reply.request, session?.user.locale));
    if (failed === null) throw error;
    const form: FormState = { values, errors: failed.errors };
    if (failed.message !== undefined) form.message = failed.message;
    if (failed.detail !== undefined) form.detail = failed.detail;
    return rerender(form, failed.status);
  }
}
