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

/** The audit log, newest first, a page at a time. */
export async function listAuditEvents(
  ctx: Pick<Ctx, 'db'>,
  filter: { limit?: number; before?: string; entityType?: string; entityId?: string } = {},
): Promise<AuditEvent[]> {
  const data = filterSchema.parse(filter);
  return selectAuditEvents(ctx.db, {
    limit: data.limit,
    ...(data.before !== undefined && { before: Number(data.before) }),
    ...(data.entityType !== undefined && { entityType: data.entityType }),
    ...(data.entityId !== undefined && { entityId: data.entityId }),
  });
}
