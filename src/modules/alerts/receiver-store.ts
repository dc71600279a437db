import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toTimestamp } from '../../storage/dialect.ts';
import type { AlertReceiversTable, Database } from '../../storage/tables.ts';
import type { Receiver, Rule } from './receiver.ts';

const toReceiver = (row: Selectable<AlertReceiversTable>): Receiver => ({
  id: row.id,
  name: row.name,
  rules: JSON.parse(row.rules) as Rule[],
  createdAt: fromTimestamp(row.createdAt),
  updatedAt: fromTimestamp(row.updatedAt),
});

export async function insertReceiver(db: Kysely<Database>, receiver: Receiver, tokenHash: string): Promise<void> {
  await db
    .insertInto('alertReceivers')
    .values({
      id: receiver.id,
      name: receiver.name,
      tokenHash,
      rules: JSON.stringify(receiver.rules),
      createdAt: toTimestamp(receiver.createdAt),
      updatedAt: toTimestamp(receiver.updatedAt),
    })
    .execute();
}

export async function listReceiverRows(db: Kysely<Database>): Promise<Receiver[]> {
  return (await db.selectFrom('alertReceivers').selectAll().orderBy('createdAt').orderBy('id').execute()).map(toReceiver);
}

export async function findReceiver(db: Kysely<Database>, id: string): Promise<Receiver | undefined> {
  const row = await db.selectFrom('alertReceivers').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toReceiver(row);
}

export async function findReceiverByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<Receiver | undefined> {
  const row = await db.selectFrom('alertReceivers').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  return row === undefined ? undefined : toReceiver(row);
}

export async function deleteReceiverRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('alertReceivers').where('id', '=', id).execute();
}
