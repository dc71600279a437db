import type { Kysely } from 'kysely';
import { fromBool, toBool, toTimestamp } from '../../storage/dialect.ts';
import type { Database } from '../../storage/tables.ts';

const teamRow = 'team';

/** Whether the team requires a second factor of members who log in with a password. */
export async function findTwoFactorRequired(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('teamSettings').select('requireTwoFactor').where('id', '=', teamRow).executeTakeFirst();
  return toBool(row?.requireTwoFactor);
}

export async function saveTwoFactorRequired(db: Kysely<Database>, required: boolean, at: Date): Promise<void> {
  const values = { requireTwoFactor: fromBool(required), updatedAt: toTimestamp(at) };
  await db
    .insertInto('teamSettings')
    .values({ id: teamRow, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Which members have an authenticator app in force, by id. */
export async function findAuthenticatorUsers(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('users').select('id').where('totpEnabledAt', 'is not', null).execute();
  return new Set(rows.map((r) => r.id));
}
