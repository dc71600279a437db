export * from './role.ts';
export * from './api-key.ts';
export { createApiKey } from './create-api-key.ts';
export { listApiKeys } from './list-api-keys.ts';
export { revokeApiKey } from './revoke-api-key.ts';
export { authenticateApiKey, apiKeyFromAuthorization } from './authenticate-api-key.ts';
