import { z } from 'zod';
import { createApiKey, createApiKeySchema, listApiKeys, revokeApiKey } from '../../modules/accounts/index.ts';
import { requireAdminScope } from './api-key-auth.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

export function registerApiKeyRoutes(scope: ApiScope): void {
  const tags = ['API keys'];
  // Keys make keys: only an admin key lists, creates or revokes them, so no key can mint a stronger one.
  const admin = (request: Parameters<typeof callerOf>[0]) => {
    const caller = callerOf(request);
    requireAdminScope(caller, 'Managing API keys');
    return caller;
  };
  scope.get('/api-keys', { schema: { tags, summary: 'Every key (never the secret)' } }, async (request) => ({
    apiKeys: await listApiKeys(admin(request).ctx),
  }));
  scope.post(
    '/api-keys',
    { schema: { tags, summary: 'Create a key; the response is the only time the key is shown', body: createApiKeySchema } },
    async (request, reply) => reply.code(201).send(await createApiKey(admin(request).ctx, request.body)),
  );
  scope.delete('/api-keys/:id', { schema: { tags, summary: 'Revoke a key', params: z.object({ id: z.string() }) } }, async (request) =>
    revokeApiKey(admin(request).ctx, request.params.id),
  );
}
