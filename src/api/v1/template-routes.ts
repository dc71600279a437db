import { z } from 'zod';
import {
  createTemplate,
  createTemplateSchema,
  deleteTemplate,
  getTemplate,
  listTemplates,
  updateTemplate,
  updateTemplateSchema,
} from '../../modules/templates/index.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

const idParams = z.object({ id: z.string() });

export function registerTemplateRoutes(scope: ApiScope): void {
  const tags = ['Incident templates'];
  scope.get('/templates', { schema: { tags, summary: 'Prepared incidents' } }, async (request) => ({
    templates: await listTemplates(callerOf(request).ctx),
  }));
  scope.post('/templates', { schema: { tags, summary: 'Prepare an incident', body: createTemplateSchema } }, async (request, reply) =>
    reply.code(201).send(await createTemplate(callerOf(request).ctx, request.body)),
  );
  scope.get('/templates/:id', { schema: { tags, summary: 'One template', params: idParams } }, async (request) =>
    getTemplate(callerOf(request).ctx, request.params.id),
  );
  scope.patch(
    '/templates/:id',
    { schema: { tags, summary: 'Edit a template', params: idParams, body: updateTemplateSchema } },
    async (request) => updateTemplate(callerOf(request).ctx, request.params.id, request.body),
  );
  scope.delete('/templates/:id', { schema: { tags, summary: 'Delete a template', params: idParams } }, async (request) =>
    deleteTemplate(callerOf(request).ctx, request.params.id),
  );
}
