import type { Kysely, Selectable } from 'kysely';
import { fromBool, fromTimestamp, toBool, toTimestamp } from '../../storage/dialect.ts';
import type { Database, IncidentsTable } from '../../storage/tables.ts';
import type { ComponentId, IncidentId, IncidentUpdateId } from '../../shared/ids.ts';
import type { ComponentStatus } from '../components/index.ts';
import type {
  AffectedComponent,
  EventStatus,
  Impact,
  Incident,
  GeneratedBody,
  IncidentKind,
  IncidentTranslations,
  IncidentUpdate,
  UpdateStatus,
} from './incident.ts';

type IncidentRow = Selectable<IncidentsTable>;

function toRow(i: Incident): IncidentRow {
  const s = i.schedule;
  const ts = (d: Date | null) => (d === null ? null : toTimestamp(d));
  return {
    id: i.id,
    kind: i.kind,
    name: i.name,
    status: i.status,
    impact: i.impact,
    impactOverride: i.impactOverride,
    createdAt: toTimestamp(i.createdAt),
    updatedAt: toTimestamp(i.updatedAt),
    startedAt: toTimestamp(i.startedAt),
    monitoringAt: ts(i.monitoringAt),
    resolvedAt: ts(i.resolvedAt),
    backfilled: fromBool(i.backfilled),
    scheduledFor: s ? toTimestamp(s.scheduledFor) : null,
    scheduledUntil: s ? toTimestamp(s.scheduledUntil) : null,
    scheduledRemindPrior: s?.remindPrior ?? 0,
    scheduledRemindedAt: s ? ts(s.remindedAt) : null,
    scheduledAutoInProgress: fromBool(s?.autoInProgress ?? false),
    scheduledAutoCompleted: fromBool(s?.autoCompleted ?? false),
    autoTransitionToMaintenanceState: fromBool(s?.autoTransitionToMaintenanceState ?? false),
    autoTransitionToOperationalState: fromBool(s?.autoTransitionToOperationalState ?? false),
    autoTransitionDeliverNotificationsAtStart: fromBool(s?.autoTransitionDeliverNotificationsAtStart ?? false),
    autoTransitionDeliverNotificationsAtEnd: fromBool(s?.autoTransitionDeliverNotificationsAtEnd ?? false),
    postmortemBody: i.postmortem.body,
    postmortemBodyDraft: i.postmortem.draft,
    postmortemBodyLastUpdatedAt: ts(i.postmortem.lastUpdatedAt),
    postmortemPublishedAt: ts(i.postmortem.publishedAt),
    postmortemNotifiedSubscribers: fromBool(i.postmortem.notifiedSubscribers),
    postmortemIgnored: fromBool(i.postmortem.ignored),
    metadata: JSON.stringify(i.metadata),
    translations: i.translations === undefined || Object.keys(i.translations).length === 0 ? null : JSON.stringify(i.translations),
  };
}

function toIncident(row: IncidentRow, componentIds: ComponentId[], updates: IncidentUpdate[]): Incident {
  return {
    id: row.id as IncidentId,
    kind: row.kind as IncidentKind,
    name: row.name,
    status: row.status as EventStatus,
    impact: row.impact as Impact,
    impactOverride: row.impactOverride as Impact | null,
    createdAt: fromTimestamp(row.createdAt),
    updatedAt: fromTimestamp(row.updatedAt),
    startedAt: fromTimestamp(row.startedAt),
    monitoringAt: fromTimestamp(row.monitoringAt),
    resolvedAt: fromTimestamp(row.resolvedAt),
    backfilled: toBool(row.backfilled),
    schedule:
      row.scheduledFor !== null && row.scheduledUntil !== null
        ? {
            scheduledFor: fromTimestamp(row.scheduledFor),
            scheduledUntil: fromTimestamp(row.scheduledUntil),
            remindPrior: row.scheduledRemindPrior,
            remindedAt: fromTimestamp(row.scheduledRemindedAt),
            autoInProgress: toBool(row.scheduledAutoInProgress),
            autoCompleted: toBool(row.scheduledAutoCompleted),
            autoTransitionToMaintenanceState: toBool(row.autoTransitionToMaintenanceState),
            autoTransitionToOperationalState: toBool(row.autoTransitionToOperationalState),
            autoTransitionDeliverNotificationsAtStart: toBool(row.autoTransitionDeliverNotificationsAtStart),
            autoTransitionDeliverNotificationsAtEnd: toBool(row.autoTransitionDeliverNotificationsAtEnd),
          }
        : null,
    postmortem: {
      body: row.postmortemBody,
      draft: row.postmortemBodyDraft,
      lastUpdatedAt: fromTimestamp(row.postmortemBodyLastUpdatedAt),
      publishedAt: fromTimestamp(row.postmortemPublishedAt),
      notifiedSubscribers: toBool(row.postmortemNotifiedSubscribers),
      ignored: toBool(row.postmortemIgnored),
    },
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    ...(row.translations !== null && { translations: JSON.parse(row.translations) as IncidentTranslations }),
    componentIds,
    updates,
  };
}

export interface IncidentFilter {
  kind?: IncidentKind;
  ids?: string[];
  statuses?: EventStatus[];
  /** Only events whose start is at or after this instant. */
  startedFrom?: Date;
  startedBefore?: Date;
  limit?: number;
  offset?: number;
  /** Case-insensitive match on the name. */
  query?: string;
}

/** Incidents (with components and updates, newest first), most recently started first. */
export async function listIncidents(db: Kysely<Database>, filter: IncidentFilter = {}): Promise<Incident[]> {
  let query = db.selectFrom('incidents').selectAll();
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
  if (filter.statuses !== undefined) query = query.where('status', 'in', filter.statuses.length > 0 ? filter.statuses : ['']);
  if (filter.startedFrom !== undefined) query = query.where('startedAt', '>=', toTimestamp(filter.startedFrom));
  if (filter.startedBefore !== undefined) query = query.where('startedAt', '<', toTimestamp(filter.startedBefore));
  if (filter.query !== undefined && filter.query !== '')
    query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', `%${filter.query!.toLowerCase()}%`));
  query = query.orderBy('startedAt', 'desc').orderBy('createdAt', 'desc').orderBy('id');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  if (filter.offset !== undefined) query = query.offset(filter.offset);
  const rows = await query.execute();
  return hydrate(db, rows);
}

export async function findIncident(db: Kysely<Database>, id: string): Promise<Incident | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  return (await hydrate(db, [row]))[0];
}

async function hydrate(db: Kysely<Database>, rows: IncidentRow[]): Promise<Incident[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [links, updates] = await Promise.all([
    db.selectFrom('incidentComponents').selectAll().where('incidentId', 'in', ids).orderBy('position').execute(),
    listUpdates(db, ids),
  ]);
  return rows.map((row) =>
    toIncident(
      row,
      links.filter((l) => l.incidentId === row.id).map((l) => l.componentId as ComponentId),
      updates.filter((u) => u.incidentId === row.id),
    ),
  );
}

/** Updates of the given incidents, newest first (by display time, then creation). */
async function listUpdates(db: Kysely<Database>, incidentIds: string[]): Promise<IncidentUpdate[]> {
  const rows = await db
    .selectFrom('incidentUpdates')
    .selectAll()
    .where('incidentId', 'in', incidentIds)
    .orderBy('displayAt', 'desc')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const affected = await db
    .selectFrom('incidentUpdateComponents')
    .selectAll()
    .where(
      'incidentUpdateId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id as IncidentUpdateId,
    incidentId: r.incidentId as IncidentId,
    status: r.status as UpdateStatus,
    body: r.body,
    generatedBody: r.generatedBody === null ? null : (JSON.parse(r.generatedBody) as GeneratedBody),
    createdAt: fromTimestamp(r.createdAt),
    updatedAt: fromTimestamp(r.updatedAt),
    displayAt: fromTimestamp(r.displayAt),
    deliverNotifications: toBool(r.deliverNotifications),
    affectedComponents: affected
      .filter((a) => a.incidentUpdateId === r.id)
      .map((a) => ({
        componentId: a.componentId as ComponentId,
        name: a.name,
        oldStatus: a.oldStatus as ComponentStatus,
        newStatus: a.newStatus as ComponentStatus,
      })),
  }));
}

export async function insertIncident(db: Kysely<Database>, incident: Incident): Promise<void> {
  await db.insertInto('incidents').values(toRow(incident)).execute();
  await replaceIncidentComponents(db, incident.id, incident.componentIds);
}

/** Writes every field of the incident row (not its updates). */
export async function saveIncident(db: Kysely<Database>, incident: Incident): Promise<void> {
  const { id: _id, ...fields } = toRow(incident);
  await db.updateTable('incidents').set(fields).where('id', '=', incident.id).execute();
}

export async function replaceIncidentComponents(db: Kysely<Database>, incidentId: IncidentId, componentIds: ComponentId[]): Promise<void> {
  await db.deleteFrom('incidentComponents').where('incidentId', '=', incidentId).execute();
  if (componentIds.length === 0) return;
  await db
    .insertInto('incidentComponents')
    .values(componentIds.map((componentId, index) => ({ incidentId, componentId, position: index + 1 })))
    .execute();
}

export async function insertIncidentUpdate(db: Kysely<Database>, update: IncidentUpdate): Promise<void> {
  await db
    .insertInto('incidentUpdates')
    .values({
      id: update.id,
      incidentId: update.incidentId,
      status: update.status,
      body: update.body,
      generatedBody: update.generatedBody === null ? null : JSON.stringify(update.generatedBody),
      createdAt: toTimestamp(update.createdAt),
      updatedAt: toTimestamp(update.updatedAt),
      displayAt: toTimestamp(update.displayAt),
      deliverNotifications: fromBool(update.deliverNotifications),
    })
    .execute();
  if (update.affectedComponents.length === 0) return;
  await db
    .insertInto('incidentUpdateComponents')
    .values(
      update.affectedComponents.map((a: AffectedComponent, index) => ({
        incidentUpdateId: update.id,
        componentId: a.componentId,
        position: index + 1,
        name: a.name,
        oldStatus: a.oldStatus,
        newStatus: a.newStatus,
      })),
    )
    .execute();
}

export async function saveIncidentUpdateText(
  db: Kysely<Database>,
  update: Pick<IncidentUpdate, 'id' | 'body' | 'generatedBody' | 'displayAt' | 'updatedAt' | 'deliverNotifications'>,
): Promise<void> {
  await db
    .updateTable('incidentUpdates')
    .set({
      body: update.body,
      generatedBody: update.generatedBody === null ? null : JSON.stringify(update.generatedBody),
      displayAt: toTimestamp(update.displayAt),
      updatedAt: toTimestamp(update.updatedAt),
      deliverNotifications: fromBool(update.deliverNotifications),
    })
    .where('id', '=', update.id)
    .execute();
}

export async function deleteIncidentRow(db: Kysely<Database>, id: IncidentId): Promise<void> {
  await db.deleteFrom('incidents').where('id', '=', id).execute();
}

export async function deleteIncidentUpdateRow(db: Kysely<Database>, id: IncidentUpdateId): Promise<void> {
  await db.deleteFrom('incidentUpdates').where('id', '=', id).execute();
}

export async function countIncidents(db: Kysely<Database>, kind?: IncidentKind): Promise<number> {
  let query = db.selectFrom('incidents').select((eb) => eb.fn.countAll().as('n'));
  if (kind !== undefined) query = query.where('kind', '=', kind);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}
