import { isIP } from 'node:net';
import { Resolver } from 'node:dns/promises';
import type { AddressGuard } from './address-policy.ts';
import { parseDnsServers } from './name-resolver.ts';
import { describeError, formatSeconds, notPublic, OutboundError, type OutboundFailure } from './outbound-failure.ts';
import { targetHost } from './target-address.ts';

export const dnsRecordTypes = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA'] as const;
export type DnsRecordType = (typeof dnsRecordTypes)[number];

/** The records of one type, each as one line (`10 mail.example.com` for MX, TXT strings joined). */
export interface DnsAnswer {
  ok: true;
  records: string[];
  durationMs: number;
}

export interface DnsQueryOptions {
  /** The resolver to ask (`ip` or `ip:port`); by default the configured ones, or the system's. */
  server?: string;
  timeoutMs: number;
}

/**
 * Asks a resolver for the records of a name. A chosen resolver is a target like any other: it
 * must be public unless the policy allows it. A name with no records of the type is an empty answer;
 * a name that does not exist is a `dns` failure.
 */
export async function queryDns(
  addresses: AddressGuard,
  defaultServers: readonly string[],
  name: string,
  type: DnsRecordType,
  options: DnsQueryOptions,
): Promise<DnsAnswer | OutboundFailure> {
  const started = performance.now();
  const resolver = new Resolver({ timeout: options.timeoutMs, tries: 1 });
  const timer = setTimeout(() => resolver.cancel(), options.timeoutMs);
  try {
    const host = targetHost(name).host;
    if (options.server !== undefined) resolver.setServers([checkedServer(addresses, options.server)]);
    else if (defaultServers.length > 0) resolver.setServers([...defaultServers]);
    const records = await ask(resolver, host, type).catch((error: unknown) => {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENODATA') return [];
      if (code === 'ENOTFOUND') throw new OutboundError('dns', `${host} does not exist`);
      if (code === 'ETIMEOUT' || code === 'ECANCELLED')
        throw new OutboundError('timeout', `no answer within ${formatSeconds(options.timeoutMs)}`);
      if (code === 'ESERVFAIL') throw new OutboundError('dns', 'the DNS server could not answer (SERVFAIL)');
      if (code === 'EREFUSED' || code === 'ECONNREFUSED') throw new OutboundError('dns', 'the DNS server refused the query');
      throw new OutboundError('dns', `the query failed (${typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'DNS error'})`);
    });
    return { ok: true, records, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return describeError(error, options.timeoutMs, started);
  } finally {
    clearTimeout(timer);
  }
}

function checkedServer(addresses: AddressGuard, server: string): string {
  const parsed = parseDnsServers(server);
  if (!parsed.ok || parsed.servers.length !== 1)
    throw new OutboundError('invalid-target', 'the DNS server must be an address with an optional port');
  const host = server.startsWith('[') ? server.slice(1, server.indexOf(']')) : isIP(server) === 6 ? server : server.split(':')[0]!;
  if (!addresses.judge(host).allowed) throw notPublic(undefined);
  return server;
}

const caaTags = ['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone'] as const;

async function ask(resolver: Resolver, name: string, type: DnsRecordType): Promise<string[]> {
  switch (type) {
    case 'A':
      return resolver.resolve4(name);
    case 'AAAA':
      return resolver.resolve6(name);
    case 'CNAME':
      return resolver.resolveCname(name);
    case 'NS':
      return resolver.resolveNs(name);
    case 'MX':
      return (await resolver.resolveMx(name)).map((r) => `${r.priority} ${r.exchange}`);
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
    case 'SRV':
      return (await resolver.resolveSrv(name)).map((r) => `${r.priority} ${r.weight} ${r.port} ${r.name}`);
    case 'CAA':
      return (await resolver.resolveCaa(name)).map((r) => {
        const tag = caaTags.find((t) => r[t] !== undefined);
        return `${r.critical} ${tag ?? ''} "${tag === undefined ? '' : String(r[tag])}"`;
      });
  }
}
