import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { sendCached, type CachedResponse, type Rendered } from '../../http/cached-response.ts';

/** Where a read's renderings are kept: the app's per-revision cache unless the read needs another. */
export interface RenderCache {
  get(key: string, render: () => Promise<Rendered> | Rendered): Promise<CachedResponse>;
}

/** Anyone may read these from any origin: they are the public status, nothing private. */
export const corsHeaders: Readonly<Record<string, string>> = { 'access-control-allow-origin': '*' };

const preflightHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-max-age': '86400',
};

/**
 * Registers a cacheable public read at `path`: rendered once per data revision (per `key`), served
 * from memory with ETag, CORS on every copy, and a preflight answer for browsers that send
 * conditional headers from script.
 */
export function publicRead(
  app: FastifyInstance,
  deps: AppDeps,
  path: string,
  key: (request: FastifyRequest) => string,
  render: (request: FastifyRequest) => Promise<Rendered> | Rendered,
  cacheFor: (request: FastifyRequest) => RenderCache = () => deps.cache,
): void {
  app.get(path, async (request: FastifyRequest, reply: FastifyReply) => {
    const response = await cacheFor(request).get(key(request), async () => {
      const rendered = await render(request);
      return { ...rendered, headers: { ...corsHeaders, ...rendered.headers } };
    });
    return sendCached(request, reply, response);
  });
  app.options(path, async (request: FastifyRequest, reply: FastifyReply) => {
    const asked = request.headers['access-control-request-headers'];
    return reply
      .code(204)
      .headers(preflightHeaders)
      .header(
        'access-control-allow-headers',
        typeof asked === 'string' && /^[\w\-, ]{1,500}$/.test(asked) ? asked : 'If-None-Match, Accept',
      )
      .header('vary', 'Access-Control-Request-Headers')
      .send();
  });
}

/** JSON as Statuspage serves it: UTF-8, compact. */
export function jsonRendered(document: unknown): Rendered {
  return { body: JSON.stringify(document), contentType: 'application/json; charset=utf-8' };
}
