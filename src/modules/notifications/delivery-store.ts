import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toTimestamp } from '../../storage/dialect.ts';
import type { Database, DeliveriesTable } from '../../storage/tables.ts';

type Db = Kysely<Database>;

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'retrying' | 'failed' | 'skipped';

export interface DeliveryRecord {
  id: number;
  key: string;
  eventId: string;
  eventKind: string;
  subscriberId: string;
  channel: string;
  status: DeliveryStatus;
  attempts: number;
  messageId: string | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

function toRecord(row: Selectable<DeliveriesTable>): DeliveryRecord {
  return {
    id: Number(row.id),
    key: row.idempotencyKey,
    eventId: row.eventId,
    eventKind: row.eventKind,
    subscriberId: row.subscriberId,
    channel: row.channel,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    messageId: row.messageId,
    lastError: row.lastError,
    createdAt: fromTimestamp(row.createdAt),
    updatedAt: fromTimestamp(row.updatedAt),
    sentAt: fromTimestamp(row.sentAt),
  };
}

export interface NewDelivery {
  key: string;
  eventId: string;
  eventKind: string;
  subscriberId: string;
  channel: string;
  messageId: string;
}

/** Adds deliveries that do not exist yet; a key seen before (a retried fan-out) is left as it is. */
export async function insertDeliveries(db: Db, deliveries: NewDelivery[], now: Date): Promise<void> {
  const at = toTimestamp(now);
  for (let i = 0; i < deliveries.length; i += 500) {
    const chunk = deliveries.slice(i, i + 500);
    await db
      .insertInto('deliveries')
      .values(
        chunk.map((d) => ({
          idempotencyKey: d.key,
          eventId: d.eventId,
          eventKind: d.eventKind,
          subscriberId: d.subscriberId,
          channel: d.channel,
          status: 'pending',
          attempts: 0,
          messageId: d.messageId,
          claimedBy: null,
          lastError: null,
          createdAt: at,
          updatedAt: at,
          sentAt: null,
        })),
      )
      .onConflict((oc) => oc.column('idempotencyKey').doNothing())
      .execute();
  }
}

/**
 * Takes the deliveries this job may send now: those waiting, and those it was itself sending when
 * it stopped (a crash), which go out again with the same Message-ID. Sent ones are never taken.
 */
export async function claimDeliveries(db: Db, keys: string[], claimant: string, now: Date): Promise<DeliveryRecord[]> {
  const rows: Selectable<DeliveriesTable>[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    rows.push(
      ...(await db
        .updateTable('deliveries')
        .set((eb) => ({ status: 'sending', claimedBy: claimant, attempts: eb('attempts', '+', 1), updatedAt: toTimestamp(now) }))
        .where('idempotencyKey', 'in', keys.slice(i, i + 500))
        .where((eb) =>
          eb.or([eb('status', 'in', ['pending', 'retrying']), eb.and([eb('status', '=', 'sending'), eb('claimedBy', '=', claimant)])]),
        )
        .returningAll()
        .execute()),
    );
  }
  return rows.map(toRecord);
}

export interface DeliveryOutcome {
  key: string;
  status: 'sent' | 'retrying' | 'failed' | 'skipped';
  error: string | null;
}

export async function recordOutcomes(db: Db, outcomes: DeliveryOutcome[], claimant: string, now: Date): Promise<void> {
  const at = toTimestamp(now);
  for (const status of ['sent', 'retrying', 'failed', 'skipped'] as const) {
    const same = outcomes.filter((o) => o.status === status && o.error === null).map((o) => o.key);
    for (let i = 0; i < same.length; i += 500) {
      await db
        .updateTable('deliveries')
        .set({ status, updatedAt: at, ...(status === 'sent' ? { sentAt: at, lastError: null } : {}) })
        .where('idempotencyKey', 'in', same.slice(i, i + 500))
        .where('claimedBy', '=', claimant)
        .execute();
    }
  }
  for (const outcome of outcomes.filter((o) => o.error !== null)) {
    await db
      .updateTable('deliveries')
      .set({ status: outcome.status, lastError: outcome.error!.slice(0, 1000), updatedAt: at })
      .where('idempotencyKey', '=', outcome.key)
      .where('claimedBy', '=', claimant)
      .execute();
  }
}

/** The delivery log of one subscriber, newest first. */
export async function listSubscriberDeliveries(db: Db, subscriberId: string, limit = 100): Promise<DeliveryRecord[]> {
  const rows = await db
    .selectFrom('deliveries')
    .selectAll()
    .where('subscriberId', '=', subscriberId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

export async function listEventDeliveries(db: Db, eventId: string): Promise<DeliveryRecord[]> {
  const rows = await db.selectFrom('deliveries').selectAll().where('eventId', '=', eventId).orderBy('id').execute();
  return rows.map(toRecord);
}

export async function countDeliveriesByStatus(db: Db, eventId?: string): Promise<Record<string, number>> {
  let query = db
    .selectFrom('deliveries')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status');
  if (eventId !== undefined) query = query.where('eventId', '=', eventId);
  const counts: Record<string, number> = {};
  for (const row of await query.execute()) counts[row.status] = Number(row.n);
  return counts;
}

/** The delivery log is kept for 90 days. */
export async function purgeDeliveries(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('deliveries').where('createdAt', '<', toTimestamp(before)).execute();
}
