import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import type { AuditEvent } from './audit-event.ts';
import { selectAuditEvents } from './audit-store.ts';

const filterSchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    /** An event id: lists the events before it (the next page). */
    before: z.string().regex(/^\d+$/, 'must be an audit event id').optional(),
    entityType: z.string().max(50).optional(),
    entityId: z.string().max(100).optional(),
  })
  .strict();

/** An entity as recorded, without the address a member logged in from (`ip`), which only owners and admins read. */
function withoutAddress(entity: unknown): unknown {
  if (entity === null || typeof entity !== 'object' || Array.isArray(entity) || !('ip' in entity)) return entity;
  const { ip: _hidden, ...rest } = entity as Record<string, unknown>;
  return rest;
}

/**
 * The audit log, newest first, a page at a time. The addresses members logged in from are left out
 * unless `withAddresses` (owners and admins in the app, admin-scoped API keys).
 */
export async function listAuditEvents(
  ctx: Pick<Ctx, 'db'>,
  filter: { limit?: number; before?: string; entityType?: string; entityId?: string } = {},
  options: { withAddresses?: boolean } = {},
): Promise<AuditEvent[]> {
  const data = filterSchema.parse(filter);
  const events = await selectAuditEvents(ctx.db, {
    limit: data.limit,
    ...(data.before !== undefined && { before: Number(data.before) }),
    ...(data.entityType !== undefined && { entityType: data.entityType }),
    ...(data.entityId !== undefined && { entityId: data.entityId }),
  });
  if (options.withAddresses === true) return events;
  return events.map((event) => ({ ...event, before: withoutAddress(event.before), after: withoutAddress(event.after) }));
}
