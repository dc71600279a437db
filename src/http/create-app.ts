import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';
import { htmlError, jsonError, toAppError } from './errors.ts';
import type { TrustProxy } from './trust-proxy.ts';

export type App = FastifyInstance;

/** Paths whose clients expect JSON errors; everything else is a page and gets an HTML error. */
export function wantsJson(url: string): boolean {
  return /^\/(api|v1|metrics)(\/|$|\?)/.test(url) || url.endsWith('.json');
}

function trustProxyOption(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  // Fastify reads a bare number as "trust nobody"; a hop count is the operator's word that this
  // many proxies stand in front and the port is reachable only through them.
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return typeof trust === 'object' ? [...trust] : trust;
}

/** A request id a proxy in front already gave (`x-request-id`), when it looks like one; else a new one. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  if (typeof given === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(given)) return given;
  return randomBytes(9).toString('base64url');
}

/**
 * The HTTP plumbing every surface shares: request ids, logging, body limit, security headers,
 * zod validation and the one error boundary.
 */
export function createHttpApp(log: Logger, options: { trustProxy?: TrustProxy } = {}): App {
  const app = Fastify({
    loggerInstance: log,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // request.ip is the TCP peer unless the operator names the proxies in front (AVISO_TRUST_PROXY).
    trustProxy: trustProxyOption(options.trustProxy ?? false),
    requestIdHeader: false,
    genReqId: requestId,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // While stopping, a response to a request that was in flight closes its connection, so the stop
  // does not wait for a kept-alive client to leave.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
    else request.log.debug({ code: appError.code, reqId: request.id }, appError.message);
    reply.code(appError.status);
    if (wantsJson(request.url)) return reply.type('application/json; charset=utf-8').send(jsonError(appError, request));
    return reply.type('text/html; charset=utf-8').send(htmlError(appError, request));
  });

  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('not_found');
    reply.code(404);
    if (wantsJson(request.url)) return reply.type('application/json; charset=utf-8').send(jsonError(error, request));
    return reply.type('text/html; charset=utf-8').send(htmlError(error, request));
  });

  return app as unknown as App;
}
