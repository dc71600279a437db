import { z } from 'zod';
import {
  createComponent,
  createComponentGroup,
  createComponentGroupSchema,
  createComponentSchema,
  deleteComponent,
  listComponentsInOrder,
  updateComponentSchema,
} from '../../modules/components/index.ts';
import { updateComponentKeepingOneWriter } from '../../modules/third-party/index.ts';
import { notFound } from '../../shared/errors.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

const idParams = z.object({ id: z.string() });

export function registerComponentRoutes(scope: ApiScope): void {
  const tags = ['Components'];
  scope.get('/components', { schema: { tags, summary: 'Every component and group in page order' } }, async (request) => ({
    components: await listComponentsInOrder(callerOf(request).ctx),
  }));
  scope.post('/components', { schema: { tags, summary: 'Add a component', body: createComponentSchema } }, async (request, reply) =>
    reply.code(201).send(await createComponent(callerOf(request).ctx, request.body)),
  );
  scope.post(
    '/component-groups',
    { schema: { tags, summary: 'Group existing components', body: createComponentGroupSchema } },
    async (request, reply) => reply.code(201).send(await createComponentGroup(callerOf(request).ctx, request.body)),
  );
  scope.get('/components/:id', { schema: { tags, summary: 'One component or group', params: idParams } }, async (request) => {
    const found = (await listComponentsInOrder(callerOf(request).ctx)).find((c) => c.id === request.params.id);
    if (found === undefined) throw notFound('component', request.params.id);
    return found;
  });
  scope.patch(
    '/components/:id',
    { schema: { tags, summary: 'Edit a component or set its status', params: idParams, body: updateComponentSchema } },
    async (request) => updateComponentKeepingOneWriter(callerOf(request).ctx, request.params.id, request.body),
  );
  scope.delete(
    '/components/:id',
    { schema: { tags, summary: 'Delete a component or group', params: idParams } },
    async (request, reply) => {
      await deleteComponent(callerOf(request).ctx, request.params.id);
      return reply.code(204).send();
    },
  );
}
