import { z } from 'zod';
import { listAuditEvents } from '../../modules/audit/index.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.string().regex(/^\d+$/, 'must be an audit event id').optional(),
  entityType: z.string().max(50).optional(),
});

export function registerAuditRoutes(scope: ApiScope): void {
  scope.get(
    '/audit-events',
    { schema: { tags: ['Audit log'], summary: 'Who changed what and when, newest first', querystring: auditQuery } },
    async (request) => {
      const { limit, before, entityType } = request.query;
      const caller = callerOf(request);
      return {
        auditEvents: await listAuditEvents(
          caller.ctx,
          { limit, ...(before !== undefined && { before }), ...(entityType !== undefined && { entityType }) },
          // Where members logged in from: admin keys only.
          { withAddresses: caller.scope === 'admin' },
        ),
      };
    },
  );
}
