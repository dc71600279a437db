import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../storage/database.ts';
import { burnAccountToken, findAccountToken, insertAccountToken, type AccountToken, type AccountTokenKind } from './account-token-store.ts';
import type { Role } from './role.ts';
import { hashSecret, newSecret } from './secret.ts';
import { linkLifetimeMs } from './user.ts';

/** Creates a one-time link token (setup, invite or reset) and returns it; only its hash is stored. */
export async function issueLinkToken(
  db: Db,
  link: { kind: AccountTokenKind; email: string | null; role: Role; createdBy: string | null },
  now: Date,
  lifetimeMs: number = linkLifetimeMs,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret(32);
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await insertAccountToken(db, hashSecret(token), { ...link, createdAt: now, expiresAt, usedAt: null });
  return { token, expiresAt };
}

/** The link's details while it is unused and unexpired; undefined otherwise. */
export async function readLinkToken(db: Db, kind: AccountTokenKind, token: string, now: Date): Promise<AccountToken | undefined> {
  if (token === '' || token.length > 200) return undefined;
  const found = await findAccountToken(db, hashSecret(token));
  if (found === undefined || found.kind !== kind || found.usedAt !== null || found.expiresAt.getTime() <= now.getTime()) return undefined;
  return found;
}

/** Inside a write: checks the link and burns it, so a second use fails even when both race. */
export async function useLinkToken(db: Db, kind: AccountTokenKind, token: string, now: Date): Promise<AccountToken> {
  const found = await readLinkToken(db, kind, token, now);
  if (found === undefined || !(await burnAccountToken(db, hashSecret(token), now))) throw new AppError('link_invalid');
  return found;
}
