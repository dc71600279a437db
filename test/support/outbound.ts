import { createOutbound, publicTargetsOnly, type Outbound } from '../../src/outbound/index.ts';
import { startDnsServer, type DnsEntry, type DnsServer } from './dns-server.ts';

/** The private range the tests' own servers listen in; tests that deliver to them allow it, as an operator would. */
export const testPrivateTargets = '127.0.0.0/8';

/** An outbound client that may reach the tests' servers on 127.0.0.1; names resolve through `dnsServers` when given. */
export function createTestOutbound(dnsServers: string[] = []): Outbound {
  return createOutbound({ policy: { allowPrivate: [testPrivateTargets] }, dnsServers });
}

/** Names every test resolver knows: public-looking webhook hosts (never contacted) with a public address. */
export const publicTestNames: Record<string, DnsEntry> = {
  'hooks.example.com': { A: ['93.184.215.14'] },
  'hooks.slack.com': { A: ['93.184.215.14'] },
  'discord.com': { A: ['93.184.215.14'] },
};

/** The configuration test apps start with: the tests' own servers allowed, names through the test resolver. */
export function testOutboundEnv(dns: DnsServer): Record<string, string> {
  return { AVISO_ALLOW_PRIVATE_TARGETS: testPrivateTargets, AVISO_DNS_SERVERS: dns.address };
}

/**
 * An operator's default client (public addresses only) with a local resolver that knows
 * `publicTestNames`, for tests that subscribe endpoints by name.
 */
export async function startPublicOnlyOutbound(): Promise<{ outbound: Outbound; dns: DnsServer; close(): Promise<void> }> {
  const dns = await startDnsServer(publicTestNames);
  const outbound = createOutbound({ policy: publicTargetsOnly, dnsServers: [dns.address] });
  return {
    outbound,
    dns,
    close: async () => {
      await outbound.close();
      await dns.close();
    },
  };
}
