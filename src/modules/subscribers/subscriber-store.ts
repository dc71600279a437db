import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toNumber, toTimestamp } from '../../storage/dialect.ts';
import type { Database, SubscribersTable } from '../../storage/tables.ts';
import type { Locale } from '../../shared/locales.ts';
import type { Channel, Subscriber, SubscriberId, SubscriberState, SubscriptionScope } from './subscriber.ts';

type Db = Kysely<Database>;

function toSubscriber(row: Selectable<SubscribersTable>, componentIds: string[]): Subscriber {
  return {
    id: row.id as SubscriberId,
    channel: row.channel as Channel,
    address: row.address,
    scope: row.scope as SubscriptionScope,
    incidentId: row.incidentId,
    componentIds,
    state: row.state as SubscriberState,
    locale: row.locale as Locale,
    tokenKey: row.tokenKey,
    signingSecret: row.signingSecret,
    notifyEmail: row.notifyEmail,
    failureCount: row.failureCount,
    lastFailureAt: fromTimestamp(row.lastFailureAt),
    lastError: row.lastError,
    confirmedAt: fromTimestamp(row.confirmedAt),
    quarantinedAt: fromTimestamp(row.quarantinedAt),
    purgeAt: fromTimestamp(row.purgeAt),
    unsubscribedAt: fromTimestamp(row.unsubscribedAt),
    createdAt: fromTimestamp(row.createdAt),
    updatedAt: fromTimestamp(row.updatedAt),
  };
}

function toRow(s: Subscriber, key: string): SubscribersTable {
  const ts = (d: Date | null) => (d === null ? null : toTimestamp(d));
  return {
    id: s.id,
    channel: s.channel,
    address: s.address,
    addressKey: key,
    scope: s.scope,
    incidentId: s.incidentId,
    state: s.state,
    locale: s.locale,
    tokenKey: s.tokenKey,
    signingSecret: s.signingSecret,
    notifyEmail: s.notifyEmail,
    failureCount: s.failureCount,
    lastFailureAt: ts(s.lastFailureAt),
    lastError: s.lastError,
    confirmedAt: ts(s.confirmedAt),
    quarantinedAt: ts(s.quarantinedAt),
    purgeAt: ts(s.purgeAt),
    unsubscribedAt: ts(s.unsubscribedAt),
    createdAt: toTimestamp(s.createdAt),
    updatedAt: toTimestamp(s.updatedAt),
  };
}

async function componentsOf(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('subscriberComponents')
      .selectAll()
      .where('subscriberId', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) byId.set(row.subscriberId, [...(byId.get(row.subscriberId) ?? []), row.componentId]);
  }
  return byId;
}

async function withComponents(db: Db, rows: Selectable<SubscribersTable>[]): Promise<Subscriber[]> {
  if (rows.length === 0) return [];
  const components = await componentsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toSubscriber(row, (components.get(row.id) ?? []).sort()));
}

export async function findSubscriber(db: Db, id: string): Promise<Subscriber | undefined> {
  const row = await db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : (await withComponents(db, [row]))[0];
}

export async function findSubscriberByKey(db: Db, key: string): Promise<Subscriber | undefined> {
  const row = await db.selectFrom('subscribers').selectAll().where('addressKey', '=', key).executeTakeFirst();
  return row === undefined ? undefined : (await withComponents(db, [row]))[0];
}

export async function findSubscribers(db: Db, ids: string[]): Promise<Subscriber[]> {
  if (ids.length === 0) return [];
  const rows: Selectable<SubscribersTable>[] = [];
  for (let i = 0; i < ids.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('subscribers')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return withComponents(db, rows);
}

/** Inserts or replaces the subscriber and its component list. */
export async function saveSubscriber(db: Db, subscriber: Subscriber, key: string): Promise<void> {
  const row = toRow(subscriber, key);
  const { id, ...rest } = row;
  await db
    .insertInto('subscribers')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(rest))
    .execute();
  await db.deleteFrom('subscriberComponents').where('subscriberId', '=', id).execute();
  if (subscriber.componentIds.length > 0) {
    await db
      .insertInto('subscriberComponents')
      .values(subscriber.componentIds.map((componentId) => ({ subscriberId: id, componentId })))
      .execute();
  }
}

/** Inserts many new subscribers at once (imports, benchmarks); existing keys are left alone. */
export async function insertSubscribers(db: Db, subscribers: { subscriber: Subscriber; key: string }[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < subscribers.length; i += 200) {
    const chunk = subscribers.slice(i, i + 200);
    const rows = await db
      .insertInto('subscribers')
      .values(chunk.map((s) => toRow(s.subscriber, s.key)))
      .onConflict((oc) => oc.column('addressKey').doNothing())
      .returning('id')
      .execute();
    inserted += rows.length;
    // An address already subscribed was skipped: its scope stays as it is (and its new id does not exist).
    const added = new Set(rows.map((r) => r.id));
    const links = chunk
      .filter((s) => added.has(s.subscriber.id))
      .flatMap((s) => s.subscriber.componentIds.map((componentId) => ({ subscriberId: s.subscriber.id, componentId })));
    if (links.length > 0)
      await db
        .insertInto('subscriberComponents')
        .values(links)
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
  return inserted;
}

export async function deleteSubscriberRow(db: Db, id: string): Promise<boolean> {
  await db.deleteFrom('subscriberComponents').where('subscriberId', '=', id).execute();
  const result = await db.deleteFrom('subscribers').where('id', '=', id).executeTakeFirst();
  return toNumber(result.numDeletedRows) > 0;
}

export interface SubscriberFilter {
  q?: string;
  channel?: Channel;
  state?: SubscriberState;
  incidentId?: string;
  limit: number;
  offset: number;
}

export async function querySubscribers(db: Db, filter: SubscriberFilter): Promise<{ subscribers: Subscriber[]; total: number }> {
  let query = db.selectFrom('subscribers');
  if (filter.q !== undefined && filter.q !== '')
    query = query.where('addressKey', 'like', `%${filter.q.toLowerCase().replace(/[%_]/g, '')}%`);
  if (filter.channel !== undefined) query = query.where('channel', '=', filter.channel);
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.incidentId !== undefined) query = query.where('incidentId', '=', filter.incidentId);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  return { subscribers: await withComponents(db, rows), total: toNumber(total.n) };
}

export async function countSubscribersByState(db: Db, channel?: Channel): Promise<Record<SubscriberState, number>> {
  let query = db
    .selectFrom('subscribers')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state');
  if (channel !== undefined) query = query.where('channel', '=', channel);
  const rows = await query.execute();
  const counts: Record<SubscriberState, number> = { unconfirmed: 0, active: 0, quarantined: 0, unsubscribed: 0 };
  for (const row of rows) counts[row.state as SubscriberState] = toNumber(row.n);
  return counts;
}

/** Who hears about an event, in id order from `after`, a page at a time. */
export interface RecipientQuery {
  channels: readonly Channel[];
  incidentId: string | null;
  componentIds: string[];
  after: string;
  limit: number;
}

export async function listRecipients(db: Db, q: RecipientQuery): Promise<{ id: string; channel: Channel }[]> {
  const rows = await db
    .selectFrom('subscribers as s')
    .select(['s.id', 's.channel'])
    .where('s.state', '=', 'active')
    .where('s.channel', 'in', [...q.channels])
    .where('s.id', '>', q.after)
    .where((eb) => {
      const scopes = [eb('s.scope', '=', 'page')];
      if (q.incidentId !== null) scopes.push(eb.and([eb('s.scope', '=', 'incident'), eb('s.incidentId', '=', q.incidentId)]));
      if (q.componentIds.length > 0) {
        scopes.push(
          eb.and([
            eb('s.scope', '=', 'components'),
            eb.exists(
              eb
                .selectFrom('subscriberComponents as sc')
                .select('sc.componentId')
                .whereRef('sc.subscriberId', '=', 's.id')
                .where('sc.componentId', 'in', q.componentIds),
            ),
          ]),
        );
      }
      return eb.or(scopes);
    })
    .orderBy('s.id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel as Channel }));
}

/** Counts a subscribe request; returns how many of that kind and key happened since `since`. */
export async function countRequests(db: Db, kind: string, key: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('subscribeRequests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('at', '>=', toTimestamp(since))
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

export async function recordRequest(db: Db, kind: string, key: string, at: Date): Promise<void> {
  await db
    .insertInto('subscribeRequests')
    .values({ kind, key, at: toTimestamp(at) })
    .execute();
}

export async function pruneRequests(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('subscribeRequests').where('at', '<', toTimestamp(before)).execute();
}

export async function purgeQuarantined(db: Db, now: Date): Promise<number> {
  const ids = (
    await db.selectFrom('subscribers').select('id').where('state', '=', 'quarantined').where('purgeAt', '<=', toTimestamp(now)).execute()
  ).map((r) => r.id);
  for (const id of ids) await deleteSubscriberRow(db, id);
  return ids.length;
}

export async function listAllSubscribers(db: Db, after: string, limit: number): Promise<Subscriber[]> {
  const rows = await db.selectFrom('subscribers').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute();
  return withComponents(db, rows);
}
