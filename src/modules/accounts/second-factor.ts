import type { Db } from '../../storage/database.ts';
import { findAuthenticatorUsers } from './team-rule-store.ts';
import { findSecondFactor } from './user-store.ts';

/** What each member has besides a password: an authenticator app. */
export interface MemberFactors {
  authenticator: boolean;
}

/** Whether a member has a second factor in force, which satisfies the team's two-factor rule. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const factor = await findSecondFactor(db, userId);
  return factor !== undefined && factor.enabledAt !== null;
}

/** Every member's factors, by id (members with none are absent). */
export async function factorsOfTeam(db: Db): Promise<Map<string, MemberFactors>> {
  const withApp = await findAuthenticatorUsers(db);
  return new Map([...withApp].map((id) => [id, { authenticator: true }]));
}
