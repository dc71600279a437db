import type { Db } from '../../storage/database.ts';
import { countPasskeysByUser } from './passkey-store.ts';
import { findAuthenticatorUsers } from './team-rule-store.ts';
import { findSecondFactor } from './user-store.ts';

/** What each member has besides a password: an authenticator app, passkeys. */
export interface MemberFactors {
  authenticator: boolean;
  passkeys: number;
}

/** Whether a member has an authenticator app in force. */
export async function hasAuthenticator(db: Db, userId: string): Promise<boolean> {
  const factor = await findSecondFactor(db, userId);
  return factor !== undefined && factor.enabledAt !== null;
}

/**
 * Whether a member has a strong way in, which satisfies the team's two-factor rule: an
 * authenticator app (asked for after the password) or a passkey (a login of its own).
 */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  return (await hasAuthenticator(db, userId)) || (await countPasskeysByUser(db, userId)).size > 0;
}

/** Every member's factors, by id (members with none are absent). */
export async function factorsOfTeam(db: Db): Promise<Map<string, MemberFactors>> {
  const withApp = await findAuthenticatorUsers(db);
  const passkeys = await countPasskeysByUser(db);
  const factors = new Map<string, MemberFactors>();
  for (const id of new Set([...withApp, ...passkeys.keys()])) {
    factors.set(id, { authenticator: withApp.has(id), passkeys: passkeys.get(id) ?? 0 });
  }
  return factors;
}
