import { buildAviso, type Aviso } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { startDnsServer, type DnsServer } from './dns-server.ts';
import { publicTestNames, testOutboundEnv } from './outbound.ts';
import type { TestContext } from './test-context.ts';

/**
 * The whole app over a test context's database and clock, as the HTTP tests run it: outbound
 * requests may reach the tests' servers on 127.0.0.0/8 and resolve names through a local DNS
 * server; `env` overrides the configuration (for example `AVISO_ALLOW_PRIVATE_TARGETS: ''`).
 */
export async function buildTestAviso(
  test: TestContext,
  env: Record<string, string> = {},
): Promise<{ aviso: Aviso; dns: DnsServer; close(): Promise<void> }> {
  const dns = await startDnsServer(publicTestNames);
  const config = loadConfig({ AVISO_EXAMPLE: 'none', AVISO_LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...testOutboundEnv(dns), ...env });
  const aviso = await buildAviso({ config, database: test.database, log: silentLogger, clock: test.clock });
  return {
    aviso,
    dns,
    close: async () => {
      await aviso.close();
      await dns.close();
    },
  };
}
