import type { Aviso } from '../../src/app.ts';
import { createApiKey } from '../../src/modules/accounts/index.ts';
import { getPage } from '../../src/modules/page/index.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import type { Ctx } from '../../src/shared/context.ts';
import type { DnsServer } from './dns-server.ts';
import { buildTestAviso } from './test-aviso.ts';
import { createTestContext } from './test-context.ts';
import { openApiChecker, type OpenApiDocument } from './openapi-checker.ts';
import type { InjectOptions } from 'fastify';

export interface ApiTestApp {
  aviso: Aviso;
  ctx: Ctx;
  clock: FixedClock;
  pageId: string;
  /** Raw keys, as a user copies them once. */
  writeKey: string;
  readKey: string;
  /** Also reads and manages subscribers, API keys and login addresses. */
  adminKey: string;
  /** The resolver the app's outbound requests use; tests add names to it. */
  dns: DnsServer;
  close(): Promise<void>;
}

/**
 * The whole app over a fresh database with a page, a pinned clock, and a read-write and a read-only
 * API key. Outbound requests may reach 127.0.0.0/8 and resolve names through a local DNS server;
 * `env` overrides the configuration (for example `AVISO_ALLOW_PRIVATE_TARGETS: ''`).
 */
export async function createApiTestApp(options: { now?: string; env?: Record<string, string> } = {}): Promise<ApiTestApp> {
  const test = await createTestContext(options.now === undefined ? {} : { now: options.now });
  const { aviso, dns, close } = await buildTestAviso(test, options.env);
  // Every /api/v1 answer a test gets is checked against the OpenAPI document.
  const document = (await aviso.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
  const checker = openApiChecker(document);
  const inject = aviso.app.inject.bind(aviso.app);
  aviso.app.inject = (async (options: InjectOptions) => {
    const response = await inject(options);
    const url = options.url === undefined ? '' : String(options.url);
    if (url.startsWith('/api/v1/')) checker.check(options.method ?? 'GET', url, response);
    return response;
  }) as typeof aviso.app.inject;
  const writeKey = (await createApiKey(test.ctx, { name: 'Deploy bot', scope: 'write' })).key;
  const readKey = (await createApiKey(test.ctx, { name: 'Dashboard', scope: 'read' })).key;
  const adminKey = (await createApiKey(test.ctx, { name: 'Owner script', scope: 'admin' })).key;
  const pageId = (await getPage(test.ctx)).id;
  return {
    aviso,
    ctx: test.ctx,
    clock: test.clock,
    pageId,
    writeKey,
    readKey,
    adminKey,
    dns,
    close: async () => {
      await close();
      await test.close();
    },
  };
}
