import { z } from 'zod';
import {
  queryIncidents,
  rescheduleMaintenance,
  rescheduleMaintenanceSchema,
  scheduleMaintenance,
  scheduleMaintenanceSchema,
} from '../../modules/incidents/index.ts';
import { listQuery } from './incident-routes.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

/** Maintenances share the incidents' updates, edits and deletion (`/incidents/{id}/…`). */
export function registerMaintenanceRoutes(scope: ApiScope): void {
  const tags = ['Maintenances'];
  scope.get(
    '/maintenances',
    { schema: { tags, summary: 'Scheduled maintenances, latest start first', querystring: listQuery } },
    async (request) => {
      const { q, limit, offset } = request.query;
      return {
        maintenances: await queryIncidents(callerOf(request).ctx, {
          kind: 'maintenance',
          limit,
          offset,
          ...(q !== undefined && { query: q }),
        }),
      };
    },
  );
  scope.post(
    '/maintenances',
    { schema: { tags, summary: 'Schedule a maintenance window', body: scheduleMaintenanceSchema } },
    async (request, reply) => reply.code(201).send(await scheduleMaintenance(callerOf(request).ctx, request.body)),
  );
  scope.patch(
    '/maintenances/:id',
    {
      schema: {
        tags,
        summary: 'Move the window or change its automation',
        params: z.object({ id: z.string() }),
        body: rescheduleMaintenanceSchema,
      },
    },
    async (request) => rescheduleMaintenance(callerOf(request).ctx, request.params.id, request.body),
  );
}
