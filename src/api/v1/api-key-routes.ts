import { z } from 'zod';
import { createApiKey, createApiKeySchema, listApiKeys, revokeApiKey } from '../../modules/accounts/index.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

export function registerApiKeyRoutes(scope: ApiScope): void {
  const tags = ['API keys'];
  scope.get('/api-keys', { schema: { tags, summary: 'Every key (never the secret)' } }, async (request) => ({
    apiKeys: await listApiKeys(callerOf(request).ctx),
  }));
  scope.post(
    '/api-keys',
    { schema: { tags, summary: 'Create a key; the response is the only time the key is shown', body: createApiKeySchema } },
    async (request, reply) => reply.code(201).send(await createApiKey(callerOf(request).ctx, request.body)),
  );
  scope.delete('/api-keys/:id', { schema: { tags, summary: 'Revoke a key', params: z.object({ id: z.string() }) } }, async (request) =>
    revokeApiKey(callerOf(request).ctx, request.params.id),
  );
}
