import ipaddr from 'ipaddr.js';

/**
 * Whose `X-Forwarded-For` Aviso believes: nobody (the default: the client is the peer of the TCP
 * connection), every peer (`true`), the nearest N proxies (a hop count), or peers whose address
 * is in a list of addresses and CIDR ranges. This is Fastify's (proxy-addr's) `trustProxy`.
 */
export type TrustProxy = boolean | number | readonly string[];

/** proxy-addr's names for whole families of private ranges, accepted in the list too. */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Parses AVISO_TRUST_PROXY: empty or `false` (nobody), `true`, a hop count, or a comma-separated list. */
export function parseTrustProxy(value: string | undefined): { ok: true; trustProxy: TrustProxy } | { ok: false; problem: string } {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return { ok: true, trustProxy: false };
  if (text === 'true') return { ok: true, trustProxy: true };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 100) return { ok: false, problem: `a hop count must be at most 100 (got ${text})` };
    return { ok: true, trustProxy: hops === 0 ? false : hops };
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const wrong = entries.filter((entry) => !namedRanges.has(entry) && !isAddressOrRange(entry));
  if (wrong.length > 0) {
    return {
      ok: false,
      problem: `must be true, false, a hop count, or a comma-separated list of addresses and CIDR ranges; not an address or range: ${wrong.join(', ')}`,
    };
  }
  return { ok: true, trustProxy: Object.freeze(entries) };
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const isV4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!isV4 && !ipaddr.IPv6.isValid(address)) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (isV4 ? 32 : 128);
}
