import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import {
  createIdentityProvider,
  isSetupNeeded,
  logInWithIdentityProvider,
  sessionLifetimeMs,
  type IdentityProvider,
  type PendingSignIn,
} from '../../modules/accounts/index.ts';
import { t } from '../../i18n/translate.ts';
import { AppError } from '../../shared/errors.ts';
import { adminLocale } from '../admin-locale.ts';
import { redirectTo, sendHtml } from '../admin-screen.tsx';
import { cookieOptions, safeNext, sessionCookie } from '../admin-session.ts';
import { emptyForm } from '../form-values.ts';
import { LoginScreen } from './auth-views.tsx';
import type { LoginFrame } from './auth-views.tsx';

/** Holds state, nonce and PKCE verifier while the browser is at the provider: 10 minutes, /admin only. */
export const oidcCookie = 'aviso_oidc';
export const oidcPaths = ['/admin/oidc/start', '/admin/oidc/callback'];

type Pending = PendingSignIn & { next: string };

function readPending(request: FastifyRequest): Pending | undefined {
  const raw = request.cookies[oidcCookie];
  if (raw === undefined || raw.length > 2000) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { state, nonce, codeVerifier, next } = value;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string' || typeof next !== 'string')
      return undefined;
    return { state, nonce, codeVerifier, next: safeNext(next) };
  } catch {
    return undefined;
  }
}

/**
 * "Sign in with <provider>": /admin/oidc/start sends the browser to the provider with a fresh state,
 * nonce and PKCE challenge; /admin/oidc/callback (the redirect URI registered at the provider,
 * AVISO_PUBLIC_URL + /admin/oidc/callback) checks the answer and opens a session.
 */
export function registerOidcRoutes(
  scope: App,
  deps: AppDeps,
  frame: (request: FastifyRequest, reply: FastifyReply) => Promise<LoginFrame>,
): IdentityProvider | undefined {
  const settings = deps.config.oidc;
  if (settings === undefined) return undefined;
  const callbackPath = '/admin/oidc/callback';
  const provider = createIdentityProvider(settings, `${deps.config.publicUrl}${callbackPath}`);

  const showLogin = async (request: FastifyRequest, reply: FastifyReply, message: string, status: number) =>
    sendHtml(
      reply,
      <LoginScreen
        frame={await frame(request, reply)}
        form={{ ...emptyForm(), message }}
        next="/admin"
        setupNeeded={await isSetupNeeded(deps.ctx)}
        sso={provider.name}
      />,
      status,
    );

  // A refusal (unverified email, domain, no member, a forged answer) shows the login screen with why.
  const orLogin = async (request: FastifyRequest, reply: FastifyReply, action: () => Promise<FastifyReply>) => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return showLogin(request, reply, error.message, error.status);
      throw error;
    }
  };

  scope.get<{ Querystring: { next?: string } }>('/oidc/start', async (request, reply) =>
    orLogin(request, reply, async () => {
      const { url, pending } = await provider.begin();
      const value: Pending = { ...pending, next: safeNext(request.query.next) };
      reply.setCookie(oidcCookie, Buffer.from(JSON.stringify(value)).toString('base64url'), cookieOptions(request, 600));
      return reply.code(303).redirect(url);
    }),
  );

  scope.get('/oidc/callback', async (request, reply) =>
    orLogin(request, reply, async () => {
      const pending = readPending(request);
      // Used once: a reload or a replayed answer starts over.
      reply.clearCookie(oidcCookie, cookieOptions(request));
      if (pending === undefined)
        throw new AppError('unauthorized', t(adminLocale(request, undefined), 'adminAuth.ssoExpired', { provider: provider.name }));
      // The address the provider sent the browser to, from the configured public URL (never the Host header).
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const claims = await provider.finish(new URL(`${deps.config.publicUrl}${callbackPath}${query}`), pending);
      const { sessionToken } = await logInWithIdentityProvider(deps.ctx, settings, { claims, ip: request.ip });
      reply.setCookie(sessionCookie, sessionToken, cookieOptions(request, Math.floor(sessionLifetimeMs / 1000)));
      return redirectTo(reply, pending.next);
    }),
  );
  return provider;
}
