import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import type { App } from '../http/create-app.ts';
import { toAppError } from '../http/errors.ts';
import { refuseNonFormBody } from '../http/input-shape.ts';
import { can } from '../modules/accounts/index.ts';
import { getPage } from '../modules/page/index.ts';
import { AppError, errorCatalogue } from '../shared/errors.ts';
import { translator } from '../i18n/translate.ts';
import { adminLocale } from './admin-locale.ts';
import { checkAnonymousCsrf, checkSessionCsrf, loadSession, maybeSessionOf } from './admin-session.ts';
import { sendHtml } from './admin-screen.tsx';
import { registerAccountRoutes } from './account/account-routes.tsx';
import { registerMarkdownRoutes } from './markdown/markdown-routes.tsx';
import { registerApiKeyRoutes } from './api-keys/api-key-routes.tsx';
import { registerAuditRoutes } from './audit/audit-routes.tsx';
import { registerAuthRoutes, publicPaths } from './auth/auth-routes.tsx';
import { registerComponentRoutes } from './components/component-routes.tsx';
import { registerDashboardRoutes } from './dashboard/dashboard-routes.tsx';
import { registerIncidentRoutes } from './incidents/incident-routes.tsx';
import { registerJobRoutes } from './jobs/job-routes.tsx';
import { registerMaintenanceRoutes } from './maintenances/maintenance-routes.tsx';
import { registerSettingsRoutes } from './settings/settings-routes.tsx';
import { registerSubscriberRoutes } from './subscribers/subscriber-routes.tsx';
import { registerTeamRoutes } from './team/team-routes.tsx';
import { registerTemplateRoutes } from './templates/template-routes.tsx';
import { registerMonitorRoutes } from './monitors/monitor-routes.tsx';
import { registerAlertReceiverRoutes } from './alert-receivers/receiver-routes.tsx';
import { adminCss } from './view/admin-styles.ts';
import { adminJs } from './view/admin-script.ts';
import { componentPickerScript } from './view/component-picker-script.ts';
import { passkeyScript } from './view/passkey-script.ts';
import { webauthnBrowserBundle } from './passkey-assets.ts';
import { registerPasskeyRoutes } from './account/passkey-routes.tsx';
import { registerPasskeyLoginRoutes } from './auth/passkey-login-routes.ts';
import { Layout } from './view/layout.tsx';

const css = Buffer.from(adminCss, 'utf8');
const js = Buffer.from(adminJs, 'utf8');
const pickerScript = Buffer.from(componentPickerScript, 'utf8');
const passkeysJs = Buffer.from(passkeyScript, 'utf8');

/** What a member the team's two-factor rule holds back may still open: their account screen, its setup, their language, logging out. */
const twoFactorSetUpPaths = new Set([
  '/admin/account',
  '/admin/account/language',
  '/admin/account/two-factor/start',
  '/admin/account/two-factor/confirm',
  '/admin/account/passkeys/options',
  '/admin/account/passkeys',
  '/admin/logout',
]);

/** The admin app under /admin: forms and cookies are parsed only in this scope. */
export function registerAdmin(app: App, deps: AppDeps): void {
  app.register(
    async (scope) => {
      await scope.register(cookie);
      await scope.register(formbody, { bodyLimit: 256 * 1024 });

      scope.addHook('preHandler', async (request, reply) => {
        const session = await loadSession(deps, request);
        const isPublic = publicPaths.has(request.routeOptions.url ?? '');
        if (isPublic) {
          if (request.method === 'POST') checkAnonymousCsrf(request);
          return;
        }
        if (session === null) {
          if (request.method === 'GET') return reply.code(303).redirect(`/admin/login?next=${encodeURIComponent(request.url)}`);
          throw new AppError('unauthorized', 'Your session has ended. Log in again; nothing was changed.');
        }
        if (request.method === 'POST') checkSessionCsrf(request, session);
        if (session.mustSetUpTwoFactor && !twoFactorSetUpPaths.has(request.routeOptions.url ?? '')) {
          if (request.method === 'GET') return reply.code(303).redirect('/admin/account?notice=two-factor-required');
          throw new AppError('forbidden', 'Your team requires two-factor login: set it up on your account screen first.');
        }
        return undefined;
      });

      scope.addHook('preValidation', async (request) => refuseNonFormBody(request));
      scope.setErrorHandler(async (error, request, reply) => renderError(deps, error, request, reply));

      scope.get('/assets/admin.css', async (_request, reply) =>
        reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
      );
      scope.get('/assets/admin.js', async (_request, reply) =>
        reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(js),
      );
      scope.get('/assets/component-picker.js', async (_request, reply) =>
        reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(pickerScript),
      );
      const webauthnJs = webauthnBrowserBundle();
      scope.get('/assets/webauthn.js', async (_request, reply) =>
        reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(webauthnJs),
      );
      scope.get('/assets/passkeys.js', async (_request, reply) =>
        reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(passkeysJs),
      );
      registerAuthRoutes(scope, deps);
      registerPasskeyLoginRoutes(scope, deps);
      registerDashboardRoutes(scope, deps);
      registerIncidentRoutes(scope, deps);
      registerMaintenanceRoutes(scope, deps);
      registerComponentRoutes(scope, deps);
      registerTemplateRoutes(scope, deps);
      registerMonitorRoutes(scope, deps);
      registerAlertReceiverRoutes(scope, deps);
      registerSettingsRoutes(scope, deps);
      registerTeamRoutes(scope, deps);
      registerApiKeyRoutes(scope, deps);
      registerAuditRoutes(scope, deps);
      registerJobRoutes(scope, deps);
      registerSubscriberRoutes(scope, deps);
      registerAccountRoutes(scope, deps);
      registerPasskeyRoutes(scope, deps);
      registerMarkdownRoutes(scope, deps);
    },
    { prefix: '/admin' },
  );
}

/**
 * The admin app's error page: the code's message from the catalogue in the member's language,
 * inside the admin frame; never a stack. A specific message (written in English where the failure
 * was found) follows as details when the member reads another language.
 */
async function renderError(deps: AppDeps, error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error, reqId: request.id }, 'admin request failed');
  const session = maybeSessionOf(request);
  const locale = adminLocale(request, session?.user.locale);
  const t = translator(locale);
  const pageName = await getPage(deps.ctx).then(
    (p) => p.name,
    () => 'Aviso',
  );
  const specific = appError.message !== errorCatalogue[appError.code].message;
  const headline = locale === 'en' && specific ? appError.message : t(`errorCode.${appError.code}`);
  return sendHtml(
    reply,
    <Layout
      title={t('adminError.title', { status: appError.status })}
      locale={locale}
      pageName={pageName}
      session={session}
      section="none"
      can={(p) => session !== null && can(session.user.role, p)}
    >
      <h1>{headline}</h1>
      {locale !== 'en' && specific && (
        <p>
          {t('adminError.detailsInEnglish')} <span lang="en">{appError.message}</span>
        </p>
      )}
      {appError.status >= 500 && (
        <p>
          {t('adminError.reference')} <code>{String(request.id)}</code>
        </p>
      )}
      {appError.code === 'unauthorized' ? (
        <p>
          <a href="/admin/login">{t('adminError.logIn')}</a>
        </p>
      ) : (
        <p>
          <a href="/admin">{t('adminError.backToDashboard')}</a>
        </p>
      )}
    </Layout>,
    appError.status,
  );
}
