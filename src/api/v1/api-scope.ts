import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiCaller } from './api-key-auth.ts';

// What a route file of /api/v1 needs to declare its routes; plugin.ts registers those files and sets the caller.
declare module 'fastify' {
  interface FastifyRequest {
    apiCaller: ApiCaller | null;
  }
}

export const withZod = (instance: FastifyInstance) => instance.withTypeProvider<ZodTypeProvider>();
export type ApiScope = ReturnType<typeof withZod>;

/** The caller resolved by the scope's hook; every route under /api/v1 has one. */
export function callerOf(request: { apiCaller: ApiCaller | null }): ApiCaller {
  return request.apiCaller!;
}
