import type { Kysely } from 'kysely';
import { toNumber, toTimestamp } from '../../storage/dialect.ts';
import type { Database } from '../../storage/tables.ts';

export type ChallengePurpose = 'register' | 'log_in';

/** Keeps a challenge until it is used or expires; expired ones are dropped on the way. */
export async function insertChallenge(
  db: Kysely<Database>,
  challenge: { challenge: string; purpose: ChallengePurpose; userId: string | null; ip: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.deleteFrom('webauthnChallenges').where('expiresAt', '<=', toTimestamp(now)).execute();
  await db
    .insertInto('webauthnChallenges')
    .values({
      challenge: challenge.challenge,
      purpose: challenge.purpose,
      userId: challenge.userId,
      ip: challenge.ip,
      expiresAt: toTimestamp(challenge.expiresAt),
    })
    .execute();
}

/**
 * Uses a challenge up: deletes it and says whether it was there, unexpired, for this purpose (and
 * member, when one registers). One conditional delete, so two answers racing with one challenge
 * cannot both pass.
 */
export async function takeChallenge(
  db: Kysely<Database>,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
  now: Date,
): Promise<boolean> {
  let query = db
    .deleteFrom('webauthnChallenges')
    .where('challenge', '=', challenge)
    .where('purpose', '=', purpose)
    .where('expiresAt', '>', toTimestamp(now));
  query = userId === null ? query.where('userId', 'is', null) : query.where('userId', '=', userId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Challenges one address holds that have not expired yet. */
export async function countOpenChallenges(db: Kysely<Database>, ip: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('webauthnChallenges')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('ip', '=', ip)
    .where('expiresAt', '>', toTimestamp(now))
    .executeTakeFirst();
  return toNumber(row?.n);
}
