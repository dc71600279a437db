import type { Kysely } from 'kysely';
import { fromTimestamp, toTimestamp } from '../../storage/dialect.ts';
import type { Database } from '../../storage/tables.ts';
import { asLoginMethod, type LoginMethod } from './login-method.ts';

export interface SessionRow {
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  loginMethod: LoginMethod;
}

export async function insertSession(
  db: Kysely<Database>,
  tokenHash: string,
  userId: string,
  csrfToken: string,
  now: Date,
  expiresAt: Date,
  loginMethod: LoginMethod,
): Promise<void> {
  const at = toTimestamp(now);
  await db
    .insertInto('sessions')
    .values({ tokenHash, userId, csrfToken, createdAt: at, lastSeenAt: at, expiresAt: toTimestamp(expiresAt), loginMethod })
    .execute();
}

export async function findSession(db: Kysely<Database>, tokenHash: string): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['userId', 'csrfToken', 'lastSeenAt', 'expiresAt', 'loginMethod'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        userId: row.userId,
        csrfToken: row.csrfToken,
        lastSeenAt: fromTimestamp(row.lastSeenAt),
        expiresAt: fromTimestamp(row.expiresAt),
        loginMethod: asLoginMethod(row.loginMethod),
      };
}

export async function extendSession(db: Kysely<Database>, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ lastSeenAt: toTimestamp(now), expiresAt: toTimestamp(expiresAt) })
    .where('tokenHash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

/** Ends a member's sessions, all or all but one (the one they are using). */
export async function deleteUserSessions(db: Kysely<Database>, userId: string, exceptTokenHash?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptTokenHash !== undefined) query = query.where('tokenHash', '!=', exceptTokenHash);
  await query.execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<', toTimestamp(now)).execute();
}
