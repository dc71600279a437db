import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, isDatabaseFailure } from '../shared/errors.ts';
import { isDeeperThan, maxBodyDepth } from '../shared/json-depth.ts';
import type { Logger } from '../shared/logger.ts';
import { DatabaseEpisodes } from './database-episodes.ts';
import { htmlError, jsonError, toAppError } from './errors.ts';
import { refuseRepeatedQuery } from './input-shape.ts';
import { applySecurityHeaders } from './security-headers.ts';
import type { TrustProxy } from './trust-proxy.ts';

export type App = FastifyInstance;

/** Paths whose clients expect JSON errors; everything else is a page and gets an HTML error. */
export function wantsJson(url: string): boolean {
  return /^\/(api|v1|metrics|alerts|heartbeat)(\/|$|\?)/.test(url) || url.endsWith('.json');
}

function trustProxyOption(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  // Fastify reads a bare number as "trust nobody"; a hop count is the operator's word that this
  // many proxies stand in front and the port is reachable only through them.
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return typeof trust === 'object' ? [...trust] : trust;
}

const routeLists = new WeakMap<object, readonly { method: string; url: string }[]>();

/** Every route the app has, as registered (`/admin/incidents/:id`): what the input fuzz walks. */
export function routesOf(app: App): readonly { method: string; url: string }[] {
  return routeLists.get(app) ?? [];
}

/**
 * A surface's own error page for the paths it serves (the public page's header, navigation and
 * language); `undefined` leaves the plain page. It must not throw, and is given no more than a second.
 */
export type HtmlErrorPage = (error: AppError, request: FastifyRequest) => Promise<string | undefined>;

const errorPages = new WeakMap<object, HtmlErrorPage>();

/** Lets a surface render the HTML errors of the paths it serves (one per app). */
export function setHtmlErrorPage(app: App, page: HtmlErrorPage): void {
  errorPages.set(app, page);
}

async function htmlErrorPage(app: object, error: AppError, request: FastifyRequest): Promise<string> {
  const page = errorPages.get(app);
  if (page === undefined) return htmlError(error, request);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), 1000);
  });
  try {
    return (await Promise.race([page(error, request), late])) ?? htmlError(error, request);
  } catch {
    return htmlError(error, request);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An error in the shape of the surface the path belongs to: Statuspage's `{"message"}` under /v1,
 * Aviso's `{"error":{code,message}}` on its other JSON paths, and a page everywhere else.
 */
async function sendError(app: object, error: AppError, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  reply.code(error.status);
  if (/^\/v1(\/|$|\?)/.test(request.url)) return reply.type('application/json; charset=utf-8').send({ message: error.message });
  if (wantsJson(request.url)) return reply.type('application/json; charset=utf-8').send(jsonError(error, request));
  const body = await htmlErrorPage(app, error, request);
  return reply.type('text/html; charset=utf-8').send(body);
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
    // Refusals before routing (a malformed or overlong path) answer in the surface's shape too.
    frameworkErrors: (error, request, reply) => {
      const appError = toAppError(error);
      request.log.debug({ code: appError.code, reqId: request.id }, appError.message);
      void sendError(app, appError, request, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();
  // JSON as Fastify parses it (prototype poisoning refused), and refused past a fixed depth, so no
  // handler, serializer or export ever meets a value nested deeper than it can walk.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parseJson(request, body.toString(), (error: Error | null, value?: unknown) => {
      if (error !== null) return done(error, undefined);
      if (isDeeperThan(value, maxBodyDepth)) {
        return done(new AppError('payload_too_deep', `The body is nested more than ${maxBodyDepth} levels deep.`), undefined);
      }
      return done(null, value);
    });
  });
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
    applySecurityHeaders(request, reply);
    return payload;
  });

  const routes: { method: string; url: string }[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.addHook('onRequest', async (request) => refuseRepeatedQuery(request));

  const episodes = new DatabaseEpisodes(log);
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) episodes.succeeded();
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (isDatabaseFailure(appError.code)) episodes.failed(appError, request);
    else if (appError.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
    else request.log.debug({ code: appError.code, reqId: request.id }, appError.message);
    if (appError.status === 503) reply.header('retry-after', '5');
    return sendError(app, appError, request, reply);
  });

  app.setNotFoundHandler((request, reply) => sendError(app, new AppError('not_found'), request, reply));

  return app as unknown as App;
}
