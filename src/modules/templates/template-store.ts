import type { Kysely, Selectable } from 'kysely';
import { fromBool, fromTimestamp, toBool, toTimestamp } from '../../storage/dialect.ts';
import type { Database, IncidentTemplatesTable } from '../../storage/tables.ts';
import type { UpdateStatus } from '../incidents/index.ts';
import type { IncidentTemplate } from './template.ts';

type Row = Selectable<IncidentTemplatesTable>;

function toRow(t: IncidentTemplate): Row {
  return {
    id: t.id,
    name: t.name,
    title: t.title,
    body: t.body,
    updateStatus: t.updateStatus,
    componentIds: JSON.stringify(t.componentIds),
    shouldSendNotifications: fromBool(t.shouldSendNotifications),
    shouldTweet: fromBool(t.shouldTweet),
    groupId: t.groupId,
    createdAt: toTimestamp(t.createdAt),
    updatedAt: toTimestamp(t.updatedAt),
  };
}

function toTemplate(row: Row): IncidentTemplate {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    body: row.body,
    updateStatus: row.updateStatus as UpdateStatus,
    componentIds: JSON.parse(row.componentIds) as string[],
    shouldSendNotifications: toBool(row.shouldSendNotifications),
    shouldTweet: toBool(row.shouldTweet),
    groupId: row.groupId,
    createdAt: fromTimestamp(row.createdAt),
    updatedAt: fromTimestamp(row.updatedAt),
  };
}

export async function insertTemplate(db: Kysely<Database>, template: IncidentTemplate): Promise<void> {
  await db.insertInto('incidentTemplates').values(toRow(template)).execute();
}

export async function saveTemplate(db: Kysely<Database>, template: IncidentTemplate): Promise<void> {
  const { id, createdAt: _createdAt, ...rest } = toRow(template);
  await db.updateTable('incidentTemplates').set(rest).where('id', '=', id).execute();
}

export async function findTemplate(db: Kysely<Database>, id: string): Promise<IncidentTemplate | undefined> {
  const row = await db.selectFrom('incidentTemplates').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toTemplate(row);
}

export async function listTemplateRows(db: Kysely<Database>): Promise<IncidentTemplate[]> {
  const rows = await db.selectFrom('incidentTemplates').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toTemplate);
}

export async function deleteTemplateRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('incidentTemplates').where('id', '=', id).execute();
}
