import * as client from 'openid-client';
import { AppError } from '../../shared/errors.ts';
import type { OidcSettings } from './oidc-settings.ts';

/** What Aviso keeps between sending a browser to the provider and its return (in a short-lived cookie). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The claims Aviso reads about the person who signed in, from the ID token and the userinfo endpoint. */
export type IdentityClaims = Record<string, unknown> & { sub: string };

export interface IdentityProvider {
  readonly name: string;
  /** Where to send the browser: authorization code with PKCE (S256), state and nonce. */
  begin(): Promise<{ url: string; pending: PendingSignIn }>;
  /** Checks the provider's answer (state, issuer, nonce, ID token) and returns the person's claims. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<IdentityClaims>;
}

/**
 * The client of the operator's provider. Discovery happens on first use and is retried on the next
 * sign-in after a failure, so Aviso starts even while the provider is down. Plain http:// is accepted
 * only for a provider on this machine (a test or a development setup), never across a network.
 */
export function createIdentityProvider(settings: OidcSettings, redirectUri: string): IdentityProvider {
  let configuration: Promise<client.Configuration> | undefined;
  const issuer = new URL(settings.issuer);
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !local) {
    throw new AppError('bad_request', 'The identity provider must be reached over https:// unless it runs on this machine.');
  }
  const configure = (): Promise<client.Configuration> => {
    configuration ??= client
      .discovery(
        issuer,
        settings.clientId,
        { client_secret: settings.clientSecret, redirect_uris: [redirectUri] },
        client.ClientSecretBasic(settings.clientSecret),
        issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
  const unreachable = (error: unknown): never => {
    if (error instanceof AppError) throw error;
    throw new AppError('import_source_failed', `${settings.name} could not be reached; try again, or log in with your password.`);
  };
  return {
    name: settings.name,
    begin: async () => {
      const config = await configure().catch(unreachable);
      const pending: PendingSignIn = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },
    finish: async (callbackUrl, pending) => {
      const config = await configure().catch(unreachable);
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch {
        // A refusal by the provider, a replayed or forged answer, a wrong state or nonce: all end here.
        const denied = callbackUrl.searchParams.get('error');
        if (denied !== null) throw new AppError('unauthorized', `${settings.name} did not sign you in (${denied.slice(0, 60)}).`);
        throw new AppError('unauthorized', `The answer from ${settings.name} could not be verified; start the sign-in again.`);
      }
      const idToken = tokens.claims();
      if (idToken === undefined) throw new AppError('unauthorized', `${settings.name} sent no ID token; start the sign-in again.`);
      // Providers differ in where the email and groups are (Google: the ID token; others: userinfo); both are read.
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub).catch(() => ({}));
      return { ...userInfo, ...idToken, sub: idToken.sub };
    },
  };
}
