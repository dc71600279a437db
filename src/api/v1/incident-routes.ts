import { z } from 'zod';
import {
  deleteIncident,
  deletePostmortem,
  editIncidentUpdate,
  editIncidentUpdateSchema,
  getIncident,
  openIncident,
  openIncidentSchema,
  postIncidentUpdate,
  postIncidentUpdateSchema,
  translateIncident,
  translateIncidentSchema,
  postmortemDraftSchema,
  publishPostmortem,
  publishPostmortemSchema,
  queryIncidents,
  revertPostmortem,
  savePostmortemDraft,
  updateIncident,
  updateIncidentSchema,
} from '../../modules/incidents/index.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

const idParams = z.object({ id: z.string() });
const updateParams = z.object({ id: z.string(), updateId: z.string() });
export const listQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export function registerIncidentRoutes(scope: ApiScope): void {
  const tags = ['Incidents'];
  scope.get(
    '/incidents',
    { schema: { tags, summary: 'Incidents, most recently started first', querystring: listQuery } },
    async (request) => {
      const { q, limit, offset } = request.query;
      return {
        incidents: await queryIncidents(callerOf(request).ctx, { kind: 'incident', limit, offset, ...(q !== undefined && { query: q }) }),
      };
    },
  );
  scope.post(
    '/incidents',
    { schema: { tags, summary: 'Open (or backfill) an incident', body: openIncidentSchema } },
    async (request, reply) => reply.code(201).send(await openIncident(callerOf(request).ctx, request.body)),
  );
  scope.get(
    '/incidents/:id',
    { schema: { tags, summary: 'One incident or maintenance with its updates', params: idParams } },
    async (request) => getIncident(callerOf(request).ctx, request.params.id),
  );
  scope.patch(
    '/incidents/:id',
    { schema: { tags, summary: 'Rename, override the impact, change attached components', params: idParams, body: updateIncidentSchema } },
    async (request) => updateIncident(callerOf(request).ctx, request.params.id, request.body),
  );
  scope.delete(
    '/incidents/:id',
    { schema: { tags, summary: 'Delete an incident or maintenance', params: idParams } },
    async (request, reply) => {
      await deleteIncident(callerOf(request).ctx, request.params.id);
      return reply.code(204).send();
    },
  );
  scope.post(
    '/incidents/:id/updates',
    { schema: { tags, summary: 'Post an update (resolving included)', params: idParams, body: postIncidentUpdateSchema } },
    async (request, reply) => reply.code(201).send(await postIncidentUpdate(callerOf(request).ctx, request.params.id, request.body)),
  );
  scope.patch(
    '/incidents/:id/updates/:updateId',
    { schema: { tags, summary: "Correct an update's text or display time", params: updateParams, body: editIncidentUpdateSchema } },
    async (request) => editIncidentUpdate(callerOf(request).ctx, request.params.id, request.params.updateId, request.body),
  );

  scope.put(
    '/incidents/:id/translations/:locale',
    {
      schema: {
        tags,
        summary: "Translate an incident's name, updates and postmortem into another of the page's languages",
        params: z.object({ id: z.string(), locale: z.string() }),
        body: translateIncidentSchema,
      },
    },
    async (request) => translateIncident(callerOf(request).ctx, request.params.id, request.params.locale, request.body),
  );

  const pmTags = ['Postmortems'];
  scope.put(
    '/incidents/:id/postmortem',
    { schema: { tags: pmTags, summary: 'Save the postmortem draft', params: idParams, body: postmortemDraftSchema } },
    async (request) => savePostmortemDraft(callerOf(request).ctx, request.params.id, request.body),
  );
  scope.post(
    '/incidents/:id/postmortem/publish',
    {
      schema: {
        tags: pmTags,
        summary: 'Publish the draft on a resolved incident',
        params: idParams,
        body: publishPostmortemSchema.optional(),
      },
    },
    async (request) => publishPostmortem(callerOf(request).ctx, request.params.id, request.body ?? {}),
  );
  scope.post(
    '/incidents/:id/postmortem/revert',
    { schema: { tags: pmTags, summary: 'Take the postmortem back to draft', params: idParams } },
    async (request) => revertPostmortem(callerOf(request).ctx, request.params.id),
  );
  scope.delete(
    '/incidents/:id/postmortem',
    { schema: { tags: pmTags, summary: 'Discard the postmortem draft', params: idParams } },
    async (request) => deletePostmortem(callerOf(request).ctx, request.params.id),
  );
}
