import type { Kysely } from 'kysely';
import { fromBool, toNumber, toTimestamp } from '../../storage/dialect.ts';
import type { Database } from '../../storage/tables.ts';

export async function recordLoginAttempt(
  db: Kysely<Database>,
  attempt: { email: string; ip: string; succeeded: boolean; at: Date },
): Promise<void> {
  await db
    .insertInto('loginAttempts')
    .values({ email: attempt.email, ip: attempt.ip, succeeded: fromBool(attempt.succeeded), at: toTimestamp(attempt.at) })
    .execute();
}

/** Failed logins since a time, for an email, an address, or the pair when both are given. */
export async function countFailures(db: Kysely<Database>, of: { email?: string; ip?: string }, since: Date): Promise<number> {
  let query = db
    .selectFrom('loginAttempts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('at', '>=', toTimestamp(since))
    .where('succeeded', '=', 0);
  if (of.email !== undefined) query = query.where('email', '=', of.email);
  if (of.ip !== undefined) query = query.where('ip', '=', of.ip);
  const row = await query.executeTakeFirst();
  return toNumber(row?.n);
}

/** A successful login forgives the email's earlier failures; old attempts are dropped. */
export async function forgetFailures(db: Kysely<Database>, email: string, olderThan: Date): Promise<void> {
  await db.deleteFrom('loginAttempts').where('email', '=', email).where('succeeded', '=', 0).execute();
  await db.deleteFrom('loginAttempts').where('at', '<', toTimestamp(olderThan)).execute();
}
