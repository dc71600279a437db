import type { Aviso } from '../../src/app.ts';
import { createApiKey } from '../../src/modules/accounts/index.ts';
import { getPage } from '../../src/modules/page/index.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import type { Ctx } from '../../src/shared/context.ts';
import type { DnsServer } from './dns-server.ts';
import { buildTestAviso } from './test-aviso.ts';
import { createTestContext } from './test-context.ts';

export interface ApiTestApp {
  aviso: Aviso;
  ctx: Ctx;
  clock: FixedClock;
  pageId: string;
  /** Raw keys, as a user copies them once. */
  writeKey: string;
  readKey: string;
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
  const writeKey = (await createApiKey(test.ctx, { name: 'Deploy bot', scope: 'write' })).key;
  const readKey = (await createApiKey(test.ctx, { name: 'Dashboard', scope: 'read' })).key;
  const pageId = (await getPage(test.ctx)).id;
  return {
    aviso,
    ctx: test.ctx,
    clock: test.clock,
    pageId,
    writeKey,
    readKey,
    dns,
    close: async () => {
      await close();
      await test.close();
    },
  };
}
