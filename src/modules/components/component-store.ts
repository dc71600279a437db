import type { Kysely, Selectable } from 'kysely';
import { forUpdate, fromBool, fromTimestamp, toBool, toTimestamp } from '../../storage/dialect.ts';
import type { ComponentsTable, Database } from '../../storage/tables.ts';
import type { ComponentId } from '../../shared/ids.ts';
import type { Component, ComponentStatus, ComponentTranslations, StatusCause, StatusChange } from './component.ts';

function toComponent(row: Selectable<ComponentsTable>): Component {
  return {
    id: row.id as ComponentId,
    name: row.name,
    description: row.description,
    position: row.position,
    isGroup: toBool(row.isGroup),
    groupId: row.groupId as ComponentId | null,
    status: row.status as ComponentStatus,
    showcase: toBool(row.showcase),
    onlyShowIfDegraded: toBool(row.onlyShowIfDegraded),
    startDate: row.startDate,
    thirdParty:
      row.thirdPartySourceUrl !== null && row.thirdPartyComponentId !== null
        ? { sourceUrl: row.thirdPartySourceUrl, componentId: row.thirdPartyComponentId }
        : null,
    statusUnknownSince: fromTimestamp(row.statusUnknownSince),
    mirrorHeldUntil: fromTimestamp(row.mirrorHeldUntil),
    translations: row.translations === null ? {} : (JSON.parse(row.translations) as ComponentTranslations),
    createdAt: fromTimestamp(row.createdAt),
    updatedAt: fromTimestamp(row.updatedAt),
  };
}

function toRow(c: Component): Selectable<ComponentsTable> {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    position: c.position,
    isGroup: fromBool(c.isGroup),
    groupId: c.groupId,
    status: c.status,
    showcase: fromBool(c.showcase),
    onlyShowIfDegraded: fromBool(c.onlyShowIfDegraded),
    startDate: c.startDate,
    thirdPartySourceUrl: c.thirdParty?.sourceUrl ?? null,
    thirdPartyComponentId: c.thirdParty?.componentId ?? null,
    statusUnknownSince: c.statusUnknownSince === null ? null : toTimestamp(c.statusUnknownSince),
    mirrorHeldUntil: c.mirrorHeldUntil === null ? null : toTimestamp(c.mirrorHeldUntil),
    translations: Object.keys(c.translations).length === 0 ? null : JSON.stringify(c.translations),
    createdAt: toTimestamp(c.createdAt),
    updatedAt: toTimestamp(c.updatedAt),
  };
}

/** Every component and group, unordered (see inPageOrder). */
export async function listComponents(db: Kysely<Database>): Promise<Component[]> {
  const rows = await db.selectFrom('components').selectAll().execute();
  return rows.map(toComponent);
}

export async function findComponent(db: Kysely<Database>, id: string): Promise<Component | undefined> {
  const row = await db.selectFrom('components').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toComponent(row);
}

/**
 * The component, locked until the transaction ends, for a change that must see every other one
 * made to it: a monitor, an alert rule and a mirror attached at once are decided one at a time.
 */
export async function findComponentForUpdate(db: Kysely<Database>, id: string): Promise<Component | undefined> {
  const row = await db.selectFrom('components').selectAll().where('id', '=', id).modifyEnd(forUpdate(db)).executeTakeFirst();
  return row === undefined ? undefined : toComponent(row);
}

export async function insertComponent(db: Kysely<Database>, component: Component): Promise<void> {
  await db.insertInto('components').values(toRow(component)).execute();
}

/** Writes every field but the status, which only recordStatusChange moves. */
export async function saveComponent(db: Kysely<Database>, component: Component): Promise<void> {
  const { id: _id, status: _status, createdAt: _createdAt, ...fields } = toRow(component);
  await db.updateTable('components').set(fields).where('id', '=', component.id).execute();
}

export async function deleteComponentRow(db: Kysely<Database>, id: ComponentId): Promise<void> {
  await db.deleteFrom('components').where('id', '=', id).execute();
}

/** The next free position at the end of a parent (the top level when groupId is null). */
export async function nextPosition(db: Kysely<Database>, groupId: ComponentId | null): Promise<number> {
  const row = await db
    .selectFrom('components')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('groupId', groupId === null ? 'is' : '=', groupId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/**
 * Appends a status change and sets the component's current status to that of its latest change,
 * so a back-dated change fills history without overriding the present.
 */
export async function recordStatusChange(db: Kysely<Database>, change: StatusChange, recordedAt: Date): Promise<void> {
  await db
    .insertInto('componentStatusChanges')
    .values({
      componentId: change.componentId,
      status: change.status,
      changedAt: toTimestamp(change.changedAt),
      cause: change.cause,
      causeId: change.causeId,
      recordedAt: toTimestamp(recordedAt),
    })
    .execute();
  const latest = await db
    .selectFrom('componentStatusChanges')
    .select('status')
    .where('componentId', '=', change.componentId)
    .orderBy('changedAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('components')
    .set({ status: latest.status, updatedAt: toTimestamp(recordedAt) })
    .where('id', '=', change.componentId)
    .execute();
}

/** A component's status history, oldest first (all components when no id is given). */
export async function listStatusChanges(db: Kysely<Database>, componentId?: ComponentId): Promise<StatusChange[]> {
  let query = db.selectFrom('componentStatusChanges').selectAll().orderBy('changedAt').orderBy('id');
  if (componentId !== undefined) query = query.where('componentId', '=', componentId);
  const rows = await query.execute();
  return rows.map((r) => ({
    componentId: r.componentId as ComponentId,
    status: r.status as ComponentStatus,
    changedAt: fromTimestamp(r.changedAt),
    cause: r.cause as StatusCause,
    causeId: r.causeId,
  }));
}
