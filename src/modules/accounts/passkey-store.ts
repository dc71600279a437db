import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toNumber, toTimestamp } from '../../storage/dialect.ts';
import type { Database, PasskeysTable } from '../../storage/tables.ts';
import type { Passkey, StoredPasskey } from './passkey.ts';

function toStored(row: Selectable<PasskeysTable>): StoredPasskey {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    createdAt: fromTimestamp(row.createdAt),
    lastUsedAt: fromTimestamp(row.lastUsedAt),
    credentialId: row.credentialId,
    publicKey: row.publicKey,
    counter: toNumber(row.counter),
    transports: JSON.parse(row.transports) as string[],
  };
}

export async function insertPasskey(db: Kysely<Database>, passkey: StoredPasskey): Promise<void> {
  await db
    .insertInto('passkeys')
    .values({
      id: passkey.id,
      userId: passkey.userId,
      credentialId: passkey.credentialId,
      publicKey: passkey.publicKey,
      counter: passkey.counter,
      transports: JSON.stringify(passkey.transports),
      name: passkey.name,
      createdAt: toTimestamp(passkey.createdAt),
      lastUsedAt: null,
    })
    .execute();
}

/** A member's passkeys, oldest first, as the account screen lists them. */
export async function listUserPasskeys(db: Kysely<Database>, userId: string): Promise<StoredPasskey[]> {
  const rows = await db.selectFrom('passkeys').selectAll().where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute();
  return rows.map(toStored);
}

export async function findPasskeyByCredential(db: Kysely<Database>, credentialId: string): Promise<StoredPasskey | undefined> {
  const row = await db.selectFrom('passkeys').selectAll().where('credentialId', '=', credentialId).executeTakeFirst();
  return row === undefined ? undefined : toStored(row);
}

export async function findUserPasskey(db: Kysely<Database>, userId: string, id: string): Promise<Passkey | undefined> {
  const row = await db.selectFrom('passkeys').selectAll().where('userId', '=', userId).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toStored(row);
}

export async function recordPasskeyUse(db: Kysely<Database>, id: string, counter: number, at: Date): Promise<void> {
  await db
    .updateTable('passkeys')
    .set({ counter, lastUsedAt: toTimestamp(at) })
    .where('id', '=', id)
    .execute();
}

export async function deletePasskeyRow(db: Kysely<Database>, userId: string, id: string): Promise<void> {
  await db.deleteFrom('passkeys').where('userId', '=', userId).where('id', '=', id).execute();
}

/** How many passkeys each member has, by id (members with none are absent). */
export async function countPasskeysByUser(db: Kysely<Database>, userId?: string): Promise<Map<string, number>> {
  let query = db
    .selectFrom('passkeys')
    .select(['userId', (eb) => eb.fn.countAll().as('n')])
    .groupBy('userId');
  if (userId !== undefined) query = query.where('userId', '=', userId);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.userId, toNumber(r.n)]));
}
