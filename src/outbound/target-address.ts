import { isIP } from 'node:net';
import { OutboundError } from './outbound-failure.ts';

/** A host as Aviso connects to it: a name without its trailing dot, or an address without brackets. */
export interface TargetHost {
  host: string;
  isAddress: boolean;
}

/**
 * Parses an http(s) URL someone gave. The WHATWG parser already turns the numeric forms of IPv4
 * (`2130706433`, `0x7f.1`, `0177.0.0.1`) into dotted decimal and compresses IPv6, so every
 * spelling of an address reaches the guard as one canonical address.
 */
export function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OutboundError('invalid-target', 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundError('invalid-target', 'only http:// and https:// addresses can be used');
  targetHost(url.hostname);
  return url;
}

/** Reads a host (from a URL or a monitor's settings); refuses malformed names. */
export function targetHost(hostname: string): TargetHost {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (isIP(bare) !== 0) return { host: bare, isAddress: true };
  const name = bare.toLowerCase().replace(/\.$/, '');
  if (isIP(name) !== 0) return { host: name, isAddress: true };
  const labels = name.split('.');
  if (name.length === 0 || name.length > 253 || labels.some((l) => !/^(?!-)[a-z0-9_-]{1,63}(?<!-)$/.test(l)))
    throw new OutboundError('invalid-target', 'not a valid host name');
  return { host: name, isAddress: false };
}

// RFC 6761, RFC 6762, RFC 8375, ICANN's .internal, and the suffixes home routers and companies use.
const localSuffixes = ['localhost', 'local', 'home.arpa', 'internal', 'localdomain', 'lan', 'home', 'corp'];

/**
 * Names that only mean something inside a network: `localhost` and its subdomains, single labels
 * (`intranet`), and the suffixes of local networks (`.local`, `.internal`, `.home.arpa`, …).
 * With a policy that allows no private address they are refused before any lookup.
 */
export function isLocalName(name: string): boolean {
  if (!name.includes('.')) return true;
  return localSuffixes.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}
