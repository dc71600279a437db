import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/context.ts';
import { fromTimestamp, toTimestamp } from '../../storage/dialect.ts';
import type { Database } from '../../storage/tables.ts';
import type { AuditEntry, AuditEvent } from './audit-event.ts';

const toJson = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

export async function insertAuditEvent(db: Kysely<Database>, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({
      at: toTimestamp(at),
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    })
    .execute();
}

export async function selectAuditEvents(
  db: Kysely<Database>,
  filter: { limit: number; before?: number; entityType?: string; entityId?: string },
): Promise<AuditEvent[]> {
  let query = db.selectFrom('auditEvents').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  if (filter.entityType !== undefined) query = query.where('entityType', '=', filter.entityType);
  if (filter.entityId !== undefined) query = query.where('entityId', '=', filter.entityId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: String(row.id),
    at: fromTimestamp(row.at),
    actor: { kind: row.actorKind as Actor['kind'], id: row.actorId, name: row.actorName },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}
