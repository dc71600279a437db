import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toTimestamp } from '../../storage/dialect.ts';
import type { AlertReceiversTable, Database } from '../../storage/tables.ts';
import type { ComponentStatus } from '../components/index.ts';
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

export interface AlertIncident {
  incidentId: string;
  status: ComponentStatus;
}

export async function findAlertIncident(db: Kysely<Database>, receiverId: string, componentId: string): Promise<AlertIncident | undefined> {
  const row = await db
    .selectFrom('alertIncidents')
    .select(['incidentId', 'status'])
    .where('receiverId', '=', receiverId)
    .where('componentId', '=', componentId)
    .executeTakeFirst();
  return row === undefined ? undefined : { incidentId: row.incidentId, status: row.status as ComponentStatus };
}

export async function saveAlertIncident(
  db: Kysely<Database>,
  receiverId: string,
  componentId: string,
  value: AlertIncident,
): Promise<void> {
  await db
    .insertInto('alertIncidents')
    .values({ receiverId, componentId, ...value })
    .onConflict((oc) => oc.columns(['receiverId', 'componentId']).doUpdateSet({ incidentId: value.incidentId, status: value.status }))
    .execute();
}

export async function deleteAlertIncident(db: Kysely<Database>, receiverId: string, componentId: string): Promise<void> {
  await db.deleteFrom('alertIncidents').where('receiverId', '=', receiverId).where('componentId', '=', componentId).execute();
}
