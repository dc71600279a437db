import type { Kysely } from 'kysely';
import { toNumber, toTimestamp } from '../../storage/dialect.ts';
import type { Database } from '../../storage/tables.ts';

/** "Forgot password" forms one address sent since a time. */
export async function countResetRequests(db: Kysely<Database>, ip: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('resetRequests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('ip', '=', ip)
    .where('at', '>=', toTimestamp(since))
    .executeTakeFirst();
  return toNumber(row?.n);
}

/** Counts one more request from an address and drops those too old to count. */
export async function recordResetRequest(db: Kysely<Database>, ip: string, at: Date, forgetBefore: Date): Promise<void> {
  await db.deleteFrom('resetRequests').where('at', '<', toTimestamp(forgetBefore)).execute();
  await db
    .insertInto('resetRequests')
    .values({ ip, at: toTimestamp(at) })
    .execute();
}
