import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { beginPasskeyLogin, logInWithPasskey, passkeySettingsFor, sessionLifetimeMs } from '../../modules/accounts/index.ts';
import { getPage } from '../../modules/page/index.ts';
import { cookieOptions, safeNext, sessionCookie } from '../admin-session.ts';
import { asBody, text } from '../form-values.ts';
import { answerJson } from '../json-answer.ts';

/** Reached without a session; their POSTs carry the pre-login form token like the login form. */
export const passkeyLoginPaths = ['/admin/passkeys/login/options', '/admin/passkeys/login'];

/**
 * Logging in with a passkey, for the login screen's script: a challenge, then the passkey's
 * answer, which opens a session (the same cookie as a password login). The relying party is the
 * configured public URL's host, never the request's Host.
 */
export function registerPasskeyLoginRoutes(scope: App, deps: AppDeps): void {
  const settings = async () => passkeySettingsFor(deps.config.publicUrl, (await getPage(deps.ctx)).name);

  scope.post('/passkeys/login/options', async (request, reply) =>
    answerJson(reply, async () => beginPasskeyLogin(deps.ctx, await settings(), { ip: request.ip })),
  );

  scope.post('/passkeys/login', async (request, reply) =>
    answerJson(reply, async () => {
      const body = asBody(request.body);
      const { sessionToken } = await logInWithPasskey(deps.ctx, await settings(), { response: text(body, 'response'), ip: request.ip });
      reply.setCookie(sessionCookie, sessionToken, cookieOptions(request, Math.floor(sessionLifetimeMs / 1000)));
      return { location: safeNext(text(body, 'next')) };
    }),
  );
}
