import type { Actor, Ctx } from '../../shared/context.ts';
import { hasSecondFactor } from './second-factor.ts';
import { hashSecret } from './secret.ts';
import { deleteSession, extendSession, findSession } from './session-store.ts';
import { findTwoFactorRequired } from './team-rule-store.ts';
import { sessionLifetimeMs, type User } from './user.ts';
import { findUser } from './user-store.ts';

/** Sliding expiry is written at most this often, so most requests only read. */
const extendEveryMs = 60 * 60_000;

export interface SessionMember {
  user: User;
  actor: Actor;
  csrfToken: string;
  /**
   * The team requires a second factor and this member, logged in with a password, has none yet:
   * they may only set one up. A login through the identity provider is the provider's to govern.
   */
  mustSetUpTwoFactor: boolean;
}

/** The member behind a session token and the session's CSRF token; null when unknown or expired. */
export async function authenticateSession(ctx: Pick<Ctx, 'db' | 'clock'>, token: string): Promise<SessionMember | null> {
  if (token === '' || token.length > 200) return null;
  const tokenHash = hashSecret(token);
  const session = await findSession(ctx.db, tokenHash);
  if (session === undefined) return null;
  const now = ctx.clock.now();
  if (session.expiresAt.getTime() <= now.getTime()) {
    await deleteSession(ctx.db, tokenHash);
    return null;
  }
  const user = await findUser(ctx.db, session.userId);
  if (user === undefined) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= extendEveryMs) {
    await extendSession(ctx.db, tokenHash, now, new Date(now.getTime() + sessionLifetimeMs));
  }
  const mustSetUpTwoFactor =
    session.loginMethod !== 'oidc' && (await findTwoFactorRequired(ctx.db)) && !(await hasSecondFactor(ctx.db, user.id));
  return { user, actor: { kind: 'user', id: user.id, name: user.name }, csrfToken: session.csrfToken, mustSetUpTwoFactor };
}
