import type { Kysely } from 'kysely';
import { fromTimestamp, toTimestamp } from '../../storage/dialect.ts';
import type { Database } from '../../storage/tables.ts';
import type { ComponentStatus } from '../components/index.ts';
import type { ComponentId } from '../../shared/ids.ts';
import type { NoDataStretch, Signal, SignalSource } from './signal.ts';

export async function listSignals(db: Kysely<Database>, componentId?: string): Promise<Signal[]> {
  let query = db.selectFrom('componentSignals').selectAll().orderBy('raisedAt');
  if (componentId !== undefined) query = query.where('componentId', '=', componentId);
  return (await query.execute()).map((r) => ({
    componentId: r.componentId as ComponentId,
    source: r.source as SignalSource,
    sourceId: r.sourceId,
    status: r.status as ComponentStatus,
    summary: r.summary,
    raisedAt: fromTimestamp(r.raisedAt),
  }));
}

export async function upsertSignal(db: Kysely<Database>, signal: Signal): Promise<void> {
  const row = { ...signal, raisedAt: toTimestamp(signal.raisedAt) };
  await db
    .insertInto('componentSignals')
    .values(row)
    .onConflict((oc) => oc.columns(['componentId', 'source', 'sourceId']).doUpdateSet({ status: row.status, summary: row.summary }))
    .execute();
}

/** Removes a source's signals, on one component or on all; returns the components they were on. */
export async function deleteSignals(db: Kysely<Database>, source: SignalSource, sourceId: string, componentId?: string): Promise<string[]> {
  let query = db.deleteFrom('componentSignals').where('source', '=', source).where('sourceId', '=', sourceId);
  if (componentId !== undefined) query = query.where('componentId', '=', componentId);
  return (await query.returning('componentId').execute()).map((r) => r.componentId);
}

export async function findAutomation(
  db: Kysely<Database>,
  componentId: string,
): Promise<{ baselineStatus: ComponentStatus; appliedStatus: ComponentStatus } | undefined> {
  const row = await db.selectFrom('componentAutomation').selectAll().where('componentId', '=', componentId).executeTakeFirst();
  return row === undefined
    ? undefined
    : { baselineStatus: row.baselineStatus as ComponentStatus, appliedStatus: row.appliedStatus as ComponentStatus };
}

export async function saveAutomation(
  db: Kysely<Database>,
  componentId: string,
  value: { baselineStatus: ComponentStatus; appliedStatus: ComponentStatus },
): Promise<void> {
  await db
    .insertInto('componentAutomation')
    .values({ componentId, ...value })
    .onConflict((oc) => oc.column('componentId').doUpdateSet({ appliedStatus: value.appliedStatus }))
    .execute();
}

export async function deleteAutomation(db: Kysely<Database>, componentId: string): Promise<void> {
  await db.deleteFrom('componentAutomation').where('componentId', '=', componentId).execute();
}

export async function insertNoData(db: Kysely<Database>, stretch: NoDataStretch): Promise<void> {
  await db
    .insertInto('componentNoData')
    .values({
      componentId: stretch.componentId,
      source: stretch.source,
      sourceId: stretch.sourceId,
      fromAt: toTimestamp(stretch.from),
      toAt: toTimestamp(stretch.to),
    })
    .execute();
}

/** Every stretch without data, oldest first. */
export async function listNoData(db: Kysely<Database>): Promise<NoDataStretch[]> {
  const rows = await db.selectFrom('componentNoData').selectAll().orderBy('fromAt').orderBy('id').execute();
  return rows.map((r) => ({
    componentId: r.componentId as ComponentId,
    source: r.source as SignalSource,
    sourceId: r.sourceId,
    from: fromTimestamp(r.fromAt),
    to: fromTimestamp(r.toAt),
  }));
}
