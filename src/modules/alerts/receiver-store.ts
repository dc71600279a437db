import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toTimestamp } from '../../storage/dialect.ts';
import type { AlertReceiversTable, Database } from '../../storage/tables.ts';
import type { ComponentStatus } from '../components/index.ts';
import type { Receiver, Rule } from './receiver.ts';

const toReceiver = (row: Selectable<AlertReceiversTable>): Receiver => ({
  id: row.id,
  name: row.name,
  // Rules stored before templates could be chosen have none.
  rules: (JSON.parse(row.rules) as Rule[]).map((r) => ({ ...r, incidentTemplateId: r.incidentTemplateId ?? null })),
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

export async function saveReceiver(db: Kysely<Database>, receiver: Receiver): Promise<void> {
  await db
    .updateTable('alertReceivers')
    .set({ name: receiver.name, rules: JSON.stringify(receiver.rules), updatedAt: toTimestamp(receiver.updatedAt) })
    .where('id', '=', receiver.id)
    .execute();
}

export async function setReceiverTokenHash(db: Kysely<Database>, id: string, tokenHash: string): Promise<void> {
  await db.updateTable('alertReceivers').set({ tokenHash }).where('id', '=', id).execute();
}

/** Each receiver's token hash by id (page files carry the hash, never the token). */
export async function listReceiverTokenHashes(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('alertReceivers').select(['id', 'tokenHash']).execute();
  return new Map(rows.map((r) => [r.id, r.tokenHash]));
}

/** One alert a receiver took in, as its admin screen lists it. */
export interface AlertReceipt {
  receivedAt: Date;
  format: string;
  fingerprint: string;
  firing: boolean;
  summary: string | null;
  labels: Record<string, string>;
  /** The components it moved; empty when no rule matched (or it resolved). */
  componentIds: string[];
}

/** How many received alerts each receiver keeps. */
export const keptReceipts = 20;

export async function insertReceipts(db: Kysely<Database>, receiverId: string, receipts: (AlertReceipt & { id: string })[]): Promise<void> {
  if (receipts.length === 0) return;
  await db
    .insertInto('alertReceipts')
    .values(
      receipts.map((r) => ({
        id: r.id,
        receiverId,
        receivedAt: toTimestamp(r.receivedAt),
        format: r.format,
        fingerprint: r.fingerprint,
        firing: r.firing ? 1 : 0,
        summary: r.summary,
        labels: JSON.stringify(r.labels),
        componentIds: JSON.stringify(r.componentIds),
      })),
    )
    .execute();
  const keep = await db
    .selectFrom('alertReceipts')
    .select('id')
    .where('receiverId', '=', receiverId)
    .orderBy('receivedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(keptReceipts)
    .execute();
  await db
    .deleteFrom('alertReceipts')
    .where('receiverId', '=', receiverId)
    .where(
      'id',
      'not in',
      keep.map((k) => k.id),
    )
    .execute();
}

export async function listReceipts(db: Kysely<Database>, receiverId: string): Promise<AlertReceipt[]> {
  const rows = await db
    .selectFrom('alertReceipts')
    .selectAll()
    .where('receiverId', '=', receiverId)
    .orderBy('receivedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(keptReceipts)
    .execute();
  return rows.map((r) => ({
    receivedAt: fromTimestamp(r.receivedAt),
    format: r.format,
    fingerprint: r.fingerprint,
    firing: r.firing === 1,
    summary: r.summary,
    labels: JSON.parse(r.labels) as Record<string, string>,
    componentIds: JSON.parse(r.componentIds) as string[],
  }));
}
