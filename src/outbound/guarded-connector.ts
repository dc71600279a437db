import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import type { AddressGuard } from './address-policy.ts';
import type { NameResolver } from './name-resolver.ts';
import { notPublic, OutboundError } from './outbound-failure.ts';
import { isLocalName } from './target-address.ts';

/** The policy and the resolver every outbound connection goes through. */
export interface Guard {
  addresses: AddressGuard;
  resolver: NameResolver;
}

/**
 * Resolves a name and refuses it unless every address it has is allowed (a name that mixes a
 * public address with a private one is refused whole). Local names are refused before any lookup
 * when the policy allows no private address.
 */
export async function resolveAllowed(guard: Guard, hostname: string): Promise<string[]> {
  const name = hostname.replace(/\.$/, '').toLowerCase();
  if (!guard.addresses.allowsPrivate && isLocalName(name)) throw notPublic(name);
  const addresses = await guard.resolver.resolve(name);
  if (addresses.some((address) => !guard.addresses.judge(address).allowed)) throw notPublic(name);
  return addresses;
}

/** A `lookup` for net and tls: the addresses a connection may try are those the guard allowed. */
export function guardedLookup(guard: Guard): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(guard, hostname).then(
      (addresses) => {
        const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const usable = family === 0 ? addresses : addresses.filter((a) => isIP(a) === family);
        if (usable.length === 0) return callback(new OutboundError('dns', `${hostname} could not be resolved`), '', 0);
        if (options.all === true)
          callback(
            null,
            usable.map((address) => ({ address, family: isIP(address) })),
          );
        else callback(null, usable[0]!, isIP(usable[0]!));
      },
      (error: Error) => callback(error, '', 0),
    );
  };
}

export interface ConnectorOptions {
  timeoutMs: number;
  rejectUnauthorized: boolean;
  /** TLS sessions kept for resumption (0 for certificate checks, which must see a full handshake). */
  maxCachedSessions?: number;
}

/**
 * An undici connector that checks at connect time: an address literal before connecting, a name
 * through the guarded lookup, and then the address the socket is actually connected to, so a
 * name that resolves differently between a check and a request (DNS rebinding) cannot get through.
 */
export function guardedConnector(guard: Guard, options: ConnectorOptions): buildConnector.connector {
  const connect = buildConnector({
    timeout: options.timeoutMs,
    lookup: guardedLookup(guard),
    rejectUnauthorized: options.rejectUnauthorized,
    ...(options.maxCachedSessions !== undefined && { maxCachedSessions: options.maxCachedSessions }),
  });
  return (target, callback) => {
    const isLiteral = isIP(target.hostname) !== 0;
    const refusal = () => notPublic(isLiteral ? undefined : target.hostname.replace(/\.$/, '').toLowerCase());
    if (isLiteral && !guard.addresses.judge(target.hostname).allowed) {
      queueMicrotask(() => callback(refusal(), null));
      return;
    }
    connect(target, (error, socket) => {
      if (error !== null) return callback(error, null);
      const remote = socket.remoteAddress;
      if (remote === undefined || !guard.addresses.judge(remote).allowed) {
        socket.destroy();
        return callback(refusal(), null);
      }
      callback(null, socket);
    });
  };
}
