import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiCaller } from '../v1/api-key-auth.ts';

// What a Statuspage v1 route file needs to declare its routes; plugin.ts registers those files and sets the caller.
declare module 'fastify' {
  interface FastifyRequest {
    statuspageCaller: ApiCaller | null;
  }
}

export interface V1Request {
  caller: ApiCaller;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}
export type V1Handler = (request: V1Request, reply: FastifyReply) => Promise<unknown>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The `.json` suffix is optional on every Statuspage path, including after an id. */
function withoutJson(params: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries((params ?? {}) as Record<string, string>)) result[key] = value.replace(/\.json$/, '');
  return result;
}

/** Registers a route at `path` and at `path.json` (a trailing id param takes the suffix itself). */
export function route(scope: FastifyInstance, method: Method, path: string, handler: V1Handler): void {
  const urls = /\/:[a-z_]+$/.test(path) ? [path] : [path, `${path}.json`];
  for (const url of urls) {
    scope.route({
      method,
      url,
      handler: async (request, reply) => {
        const v1: V1Request = {
          caller: request.statuspageCaller!,
          params: withoutJson(request.params),
          query: (request.query ?? {}) as Record<string, unknown>,
          body: request.body,
        };
        return handler(v1, reply);
      },
    });
  }
}
