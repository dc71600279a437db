import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Which addresses outside the public internet Aviso may reach: none (the default), every one
 * (`true`), or the listed CIDR ranges. A value, handed to each client, so a caller such as a
 * monitor can carry a permission of its own.
 */
export interface OutboundPolicy {
  readonly allowPrivate: true | readonly string[];
}

/** Only addresses on the public internet. */
export const publicTargetsOnly: OutboundPolicy = Object.freeze({ allowPrivate: Object.freeze([]) });

/** Everything, private networks included (an operator's `AVISO_ALLOW_PRIVATE_TARGETS=true`). */
export const allTargets: OutboundPolicy = Object.freeze({ allowPrivate: true });

/**
 * Reads `AVISO_ALLOW_PRIVATE_TARGETS`: `true`, `false`/`none`/empty, or CIDR ranges separated by
 * commas (a bare address is its own /32 or /128).
 */
export function parsePrivateAllowance(text: string | undefined): { ok: true; policy: OutboundPolicy } | { ok: false; problem: string } {
  const value = (text ?? '').trim();
  if (value === '' || value === 'false' || value === 'none') return { ok: true, policy: publicTargetsOnly };
  if (value === 'true') return { ok: true, policy: allTargets };
  const ranges: string[] = [];
  for (const item of value.split(',').map((s) => s.trim())) {
    const range = normaliseRange(item);
    if (range === undefined)
      return { ok: false, problem: `"${item}" is not a CIDR range such as 10.0.0.0/8 or fd00::/8 (or set true to allow every address)` };
    ranges.push(range);
  }
  return { ok: true, policy: Object.freeze({ allowPrivate: Object.freeze(ranges) }) };
}

function normaliseRange(item: string): string | undefined {
  const [address = '', bits] = item.split('/');
  const family = isIP(address);
  if (family === 0) return undefined;
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return undefined;
  return `${ipaddr.parse(address).toString()}/${prefix}`;
}

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

/** Judges addresses against a policy: public ones always pass, others only inside an allowed range. */
export class AddressGuard {
  readonly #allowAll: boolean;
  readonly #ranges: [Address, number][];

  constructor(readonly policy: OutboundPolicy) {
    this.#allowAll = policy.allowPrivate === true;
    this.#ranges = policy.allowPrivate === true ? [] : policy.allowPrivate.map((r) => ipaddr.parseCIDR(r));
  }

  /** Whether any address outside the public internet may be reached. */
  get allowsPrivate(): boolean {
    return this.#allowAll || this.#ranges.length > 0;
  }

  judge(text: string): AddressVerdict {
    if (isIP(text) === 0) return { allowed: false, range: 'not an address' };
    if (this.#allowAll) return { allowed: true };
    const address = parseAddress(text);
    const { range, embedded } = classify(address);
    if (range === 'public') return { allowed: true };
    const candidates = embedded === undefined ? [address] : [address, embedded];
    const inAllowedRange = candidates.some((a) => this.#ranges.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits)));
    return inAllowedRange ? { allowed: true } : { allowed: false, range };
  }
}

/**
 * ipaddr.js reads `::a.b.c.d` as if it were `::ffff:a.b.c.d`; the WHATWG URL parser writes every
 * IPv6 form in hexadecimal first, so IPv4-compatible and IPv4-mapped addresses stay apart.
 */
function parseAddress(text: string): Address {
  if (isIP(text) === 4 || !text.includes('.')) return ipaddr.parse(text.replace(/%.*$/, ''));
  return ipaddr.parse(new URL(`http://[${text.replace(/%.*$/, '')}]/`).hostname.slice(1, -1));
}

/**
 * Where an address belongs: `public`, or the name of the special range (ipaddr.js's names). IPv6
 * forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by the address they carry.
 */
export function classify(address: Address): { range: string; embedded?: ipaddr.IPv4 } {
  if (address.kind() === 'ipv4') {
    const range = (address as ipaddr.IPv4).range();
    return { range: range === 'unicast' ? 'public' : range };
  }
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  const carried = carriedIPv4(v6, range);
  if (carried !== undefined) {
    const inner = carried.range();
    return { range: inner === 'unicast' ? 'public' : `${range} of ${inner}`, embedded: carried };
  }
  if (range !== 'unicast') return { range };
  // Outside 2000::/3 nothing is assigned for global use; this also catches IPv4-compatible ::a.b.c.d.
  return { range: v6.match(ipaddr.IPv6.parse('2000::'), 3) ? 'public' : 'reserved' };
}

const nat64WellKnown = ipaddr.IPv6.parse('64:ff9b::');

function carriedIPv4(v6: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const p = v6.parts;
  const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  if (range === 'ipv4Mapped' || range === 'rfc6145') return v4(p[6]!, p[7]!);
  // 64:ff9b:1::/48 is for local use (RFC 8215): it stays refused as rfc6052.
  if (range === 'rfc6052' && v6.match(nat64WellKnown, 96)) return v4(p[6]!, p[7]!);
  if (range === '6to4') return v4(p[1]!, p[2]!);
  return undefined;
}
