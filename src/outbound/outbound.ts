import { Agent } from 'undici';
import { AddressGuard, type OutboundPolicy } from './address-policy.ts';
import { queryDns, type DnsAnswer, type DnsQueryOptions, type DnsRecordType } from './dns-query.ts';
import { guardedConnector, resolveAllowed, type Guard } from './guarded-connector.ts';
import { sendHttpRequest, type HttpRequestOptions, type HttpResult } from './http-request.ts';
import { createNameResolver, type NameResolver } from './name-resolver.ts';
import { describeError, notPublic, OutboundError, type OutboundFailure } from './outbound-failure.ts';
import { connectTcp, handshakeTls, type TcpConnected, type TlsHandshake, type TlsOptions } from './socket-checks.ts';
import { parseHttpUrl, targetHost } from './target-address.ts';

export interface OutboundSettings {
  policy: OutboundPolicy;
  /** `AVISO_DNS_SERVERS`; empty for the system's resolver. */
  dnsServers: readonly string[];
  userAgent?: string;
}

/**
 * The one way Aviso reaches an address someone gave it: HTTP(S) requests, TCP connects, TLS
 * handshakes and DNS queries, each refused at connect time unless the address is public or the
 * policy allows it. Failures are values whose reasons can be shown to operators.
 */
export interface Outbound {
  readonly policy: OutboundPolicy;
  /** Checks an http(s) URL without requesting it: its form and every address its name has now. */
  checkUrl(url: string, options?: { timeoutMs?: number }): Promise<{ ok: true } | OutboundFailure>;
  request(url: string, options: HttpRequestOptions): Promise<HttpResult>;
  connectTcp(host: string, port: number, options: { timeoutMs: number }): Promise<TcpConnected | OutboundFailure>;
  handshakeTls(host: string, port: number, options: TlsOptions): Promise<TlsHandshake | OutboundFailure>;
  queryDns(name: string, type: DnsRecordType, options: DnsQueryOptions): Promise<DnsAnswer | OutboundFailure>;
  /** The same client under another policy (a monitor with its own permission); it shares the resolver, not the connections. */
  withPolicy(policy: OutboundPolicy): Outbound;
  /** Closes the kept-alive connections of this client (not of those made with `withPolicy`). */
  close(): Promise<void>;
}

/** Connections are reused while they stay open; a new connection is checked again. */
const connectTimeoutMs = 10_000;

export function createOutbound(settings: OutboundSettings): Outbound {
  return buildOutbound(settings.policy, createNameResolver(settings.dnsServers), settings.userAgent ?? 'Aviso');
}

function buildOutbound(policy: OutboundPolicy, resolver: NameResolver, userAgent: string): Outbound {
  const guard: Guard = { addresses: new AddressGuard(policy), resolver };
  const agents = new Map<boolean, Agent>();
  const agentFor = (verifyTls: boolean) => {
    let agent = agents.get(verifyTls);
    if (agent === undefined) {
      agent = new Agent({ connect: guardedConnector(guard, { timeoutMs: connectTimeoutMs, rejectUnauthorized: verifyTls }) });
      agents.set(verifyTls, agent);
    }
    return agent;
  };
  return {
    policy,
    checkUrl: (url, options) => checkUrl(guard, url, options?.timeoutMs ?? 5000),
    request: (url, options) => sendHttpRequest(agentFor(options.verifyTls !== false), userAgent, url, options),
    connectTcp: (host, port, options) => connectTcp(guard, host, port, options),
    handshakeTls: (host, port, options) => handshakeTls(guard, host, port, options),
    queryDns: (name, type, options) => queryDns(guard.addresses, resolver.servers, name, type, options),
    withPolicy: (next) => buildOutbound(next, resolver, userAgent),
    close: async () => {
      const closing = [...agents.values()].map((agent) => agent.close());
      agents.clear();
      await Promise.all(closing);
    },
  };
}

async function checkUrl(guard: Guard, url: string, timeoutMs: number): Promise<{ ok: true } | OutboundFailure> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const { host, isAddress } = targetHost(parseHttpUrl(url).hostname);
    if (isAddress) {
      if (!guard.addresses.judge(host).allowed) throw notPublic(undefined);
      return { ok: true };
    }
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OutboundError('dns', `${host} could not be resolved in time`)), timeoutMs);
    });
    await Promise.race([resolveAllowed(guard, host), deadline]);
    return { ok: true };
  } catch (error) {
    return describeError(error, timeoutMs, started);
  } finally {
    clearTimeout(timer);
  }
}
