import { isIP } from 'node:net';
import { lookup, Resolver } from 'node:dns/promises';
import { OutboundError } from './outbound-failure.ts';

/** Resolves the names of outbound targets: through the configured DNS servers, or the system's resolver. */
export interface NameResolver {
  /** Every address the name resolves to (IPv4 and IPv6); throws an OutboundError when there is none. */
  resolve(name: string): Promise<string[]>;
  /** The servers asked (`ip` or `ip:port`, IPv6 in brackets), or none for the system's resolver. */
  readonly servers: readonly string[];
}

/**
 * Reads `AVISO_DNS_SERVERS`: addresses with an optional port, separated by commas
 * (`10.0.0.53`, `127.0.0.1:5353`, `[fd00::53]:53`).
 */
export function parseDnsServers(text: string | undefined): { ok: true; servers: string[] } | { ok: false; problem: string } {
  const items = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!isServerAddress(item))
      return { ok: false, problem: `"${item}" is not an address with an optional port, such as 10.0.0.53 or 127.0.0.1:5353` };
  }
  return { ok: true, servers: items };
}

function isServerAddress(item: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(item);
  const [host, port] = bracketed !== null ? [bracketed[1]!, bracketed[2]] : isIP(item) === 6 ? [item, undefined] : item.split(':');
  return isIP(host ?? '') !== 0 && (port === undefined || (/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536));
}

export function createNameResolver(servers: readonly string[], timeoutMs = 2000): NameResolver {
  if (servers.length === 0) {
    return {
      servers,
      async resolve(name) {
        try {
          return (await lookup(name, { all: true, verbatim: true })).map((found) => found.address);
        } catch (error) {
          throw resolutionFailure(name, error);
        }
      },
    };
  }
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  resolver.setServers([...servers]);
  return {
    servers,
    async resolve(name) {
      const [v4, v6] = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
      const addresses = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
      if (addresses.length > 0) return addresses;
      throw resolutionFailure(name, v4.status === 'rejected' ? v4.reason : v6.status === 'rejected' ? v6.reason : undefined);
    },
  };
}

function resolutionFailure(name: string, error: unknown): OutboundError {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === undefined || code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NODATA' || code === 'EAI_NONAME')
    return new OutboundError('dns', `${name} could not be resolved`);
  return new OutboundError(
    'dns',
    `${name} could not be resolved (${typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'DNS error'})`,
  );
}
