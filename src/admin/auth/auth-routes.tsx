import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import {
  acceptInvite,
  completeSetup,
  describeInvite,
  isSetupNeeded,
  isSetupTokenValid,
  isResetLinkValid,
  logIn,
  logOut,
  requestPasswordReset,
  resetPassword,
  sessionLifetimeMs,
} from '../../modules/accounts/index.ts';
import { getPage } from '../../modules/page/index.ts';
import { sendHtml, redirectTo, submitForm } from '../admin-screen.tsx';
import { anonymousFormToken, cookieOptions, safeNext, sessionCookie } from '../admin-session.ts';
import { asBody, emptyForm, text } from '../form-values.ts';
import { adminLocale } from '../admin-locale.ts';
import { noticeText } from '../notices.ts';
import { oidcPaths, registerOidcRoutes } from './oidc-routes.tsx';
import { passkeyLoginPaths } from './passkey-login-routes.ts';
import { ForgotScreen, InviteScreen, LinkInvalidScreen, LoginScreen, ResetScreen, SetupScreen } from './auth-views.tsx';

/** Screens reachable without a session; their POSTs carry the pre-login form token. */
export const publicPaths = new Set([
  '/admin/login',
  '/admin/setup',
  '/admin/invite',
  '/admin/forgot',
  '/admin/reset',
  '/admin/assets/admin.css',
  '/admin/assets/admin.js',
  '/admin/assets/component-picker.js',
  '/admin/assets/webauthn.js',
  '/admin/assets/passkeys.js',
  ...passkeyLoginPaths,
  ...oidcPaths,
]);

type WithToken = { Querystring: { token?: string; next?: string; notice?: string } };

/** Logs in and sets the session cookie: HttpOnly, SameSite=Lax, Secure over TLS, only for /admin. */
async function startSession(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  email: string,
  password: string,
  code?: string,
): Promise<void> {
  const { sessionToken } = await logIn(deps.ctx, { email, password, ip: request.ip, ...(code !== undefined && { code }) });
  reply.setCookie(sessionCookie, sessionToken, cookieOptions(request, Math.floor(sessionLifetimeMs / 1000)));
}

/** Login, logout, first-owner setup and invitation acceptance. */
export function registerAuthRoutes(scope: App, deps: AppDeps): void {
  const frame = async (request: FastifyRequest, reply: FastifyReply, notice?: unknown) => {
    const locale = adminLocale(request, undefined);
    return {
      pageName: (await getPage(deps.ctx)).name,
      token: anonymousFormToken(request, reply),
      notice: noticeText(notice, locale),
      locale,
    };
  };
  const sso = registerOidcRoutes(scope, deps, (request, reply) => frame(request, reply))?.name;

  scope.get<WithToken>('/login', async (request, reply) => {
    const f = await frame(request, reply, request.query.notice);
    return sendHtml(
      reply,
      <LoginScreen
        frame={f}
        form={emptyForm()}
        next={safeNext(request.query.next)}
        setupNeeded={await isSetupNeeded(deps.ctx)}
        sso={sso}
      />,
    );
  });

  scope.post('/login', async (request, reply) => {
    const body = asBody(request.body);
    const next = safeNext(text(body, 'next'));
    return submitForm(
      reply,
      { email: text(body, 'email') },
      async () => {
        await startSession(deps, request, reply, text(body, 'email'), text(body, 'password'), text(body, 'code'));
        return redirectTo(reply, next);
      },
      async (form, status) => {
        const f = await frame(request, reply);
        return sendHtml(
          reply,
          <LoginScreen frame={f} form={{ ...form, errors: {} }} next={next} setupNeeded={await isSetupNeeded(deps.ctx)} sso={sso} />,
          status,
        );
      },
    );
  });

  scope.get('/forgot', async (request, reply) => {
    const f = await frame(request, reply);
    return sendHtml(reply, <ForgotScreen frame={f} form={emptyForm()} sent={false} />);
  });

  // The same answer whether or not the address belongs to a member; the mail goes out from a job.
  // One client address (request.ip: the peer, or what a trusted proxy says) may ask five times in 15 minutes.
  scope.post('/forgot', async (request, reply) => {
    const body = asBody(request.body);
    return submitForm(
      reply,
      { email: text(body, 'email') },
      async () => {
        await requestPasswordReset(deps.ctx, { email: text(body, 'email'), ip: request.ip });
        return sendHtml(reply, <ForgotScreen frame={await frame(request, reply)} form={emptyForm()} sent />);
      },
      async (form, status) => sendHtml(reply, <ForgotScreen frame={await frame(request, reply)} form={form} sent={false} />, status),
    );
  });

  scope.get<WithToken>('/reset', async (request, reply) => {
    const linkToken = request.query.token ?? '';
    const f = await frame(request, reply);
    // The link's token must not travel to another site in a Referer.
    reply.header('referrer-policy', 'no-referrer');
    if (!(await isResetLinkValid(deps.ctx, linkToken))) return sendHtml(reply, <LinkInvalidScreen frame={f} what="reset" />, 410);
    return sendHtml(reply, <ResetScreen frame={f} form={emptyForm()} linkToken={linkToken} />);
  });

  scope.post('/reset', async (request, reply) => {
    const body = asBody(request.body);
    const linkToken = text(body, 'token');
    reply.header('referrer-policy', 'no-referrer');
    return submitForm(
      reply,
      {},
      async () => {
        await resetPassword(deps.ctx, { token: linkToken, password: text(body, 'password') });
        return redirectTo(reply, '/admin/login', 'password-reset');
      },
      async (form, status) => {
        const f = await frame(request, reply);
        if (status === 410) return sendHtml(reply, <LinkInvalidScreen frame={f} what="reset" />, 410);
        return sendHtml(reply, <ResetScreen frame={f} form={form} linkToken={linkToken} />, status);
      },
    );
  });

  scope.post('/logout', async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token !== undefined) await logOut(deps.ctx, token);
    reply.clearCookie(sessionCookie, cookieOptions(request));
    return redirectTo(reply, '/admin/login', 'logged-out');
  });

  scope.get<WithToken>('/setup', async (request, reply) => {
    const linkToken = request.query.token ?? '';
    const f = await frame(request, reply);
    if (!(await isSetupTokenValid(deps.ctx, linkToken))) return sendHtml(reply, <LinkInvalidScreen frame={f} what="setup" />, 410);
    return sendHtml(reply, <SetupScreen frame={f} form={emptyForm()} linkToken={linkToken} />);
  });

  scope.post('/setup', async (request, reply) => {
    const body = asBody(request.body);
    const linkToken = text(body, 'token');
    return submitForm(
      reply,
      { name: text(body, 'name'), email: text(body, 'email'), _csrf: text(body, '_csrf') },
      async () => {
        const user = await completeSetup(deps.ctx, linkToken, {
          email: text(body, 'email'),
          name: text(body, 'name'),
          password: text(body, 'password'),
        });
        await startSession(deps, request, reply, user.email, text(body, 'password'));
        return redirectTo(reply, '/admin', 'welcome');
      },
      async (form, status) => {
        const f = await frame(request, reply);
        if (status === 410) return sendHtml(reply, <LinkInvalidScreen frame={f} what="setup" />, 410);
        return sendHtml(reply, <SetupScreen frame={f} form={form} linkToken={linkToken} />, status);
      },
    );
  });

  scope.get<WithToken>('/invite', async (request, reply) => {
    const linkToken = request.query.token ?? '';
    const f = await frame(request, reply);
    const invite = await describeInvite(deps.ctx, linkToken);
    if (invite === null) return sendHtml(reply, <LinkInvalidScreen frame={f} what="invite" />, 410);
    return sendHtml(reply, <InviteScreen frame={f} form={emptyForm()} linkToken={linkToken} email={invite.email} role={invite.role} />);
  });

  scope.post('/invite', async (request, reply) => {
    const body = asBody(request.body);
    const linkToken = text(body, 'token');
    const invite = await describeInvite(deps.ctx, linkToken);
    const f = await frame(request, reply);
    if (invite === null) return sendHtml(reply, <LinkInvalidScreen frame={f} what="invite" />, 410);
    return submitForm(
      reply,
      { name: text(body, 'name'), _csrf: text(body, '_csrf') },
      async () => {
        const user = await acceptInvite(deps.ctx, linkToken, { name: text(body, 'name'), password: text(body, 'password') });
        await startSession(deps, request, reply, user.email, text(body, 'password'));
        return redirectTo(reply, '/admin', 'welcome');
      },
      (form, status) =>
        sendHtml(reply, <InviteScreen frame={f} form={form} linkToken={linkToken} email={invite.email} role={invite.role} />, status),
    );
  });
}
