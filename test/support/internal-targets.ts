import assert from 'node:assert/strict';
import type { DnsEntry } from './dns-server.ts';

/**
 * Names the tests' resolver knows that point inside: public-looking names (`nip.io`,
 * `localtest.me`, a CNAME into a private zone, a name mixing a public and a private address) and
 * the local names a cloud or a home network resolves.
 */
export const internalNames: Record<string, DnsEntry> = {
  localhost: { A: ['127.0.0.1'], AAAA: ['::1'] },
  'metadata.google.internal': { A: ['169.254.169.254'] },
  intranet: { A: ['10.0.0.1'] },
  '127.0.0.1.nip.io': { A: ['127.0.0.1'] },
  'localtest.me': { A: ['127.0.0.1'], AAAA: ['::1'] },
  'cname-to-internal.example.com': { CNAME: 'db.corp.example.com' },
  'db.corp.example.com': { A: ['10.0.0.5'] },
  'mixed.example.com': { A: ['93.184.215.14', '192.168.0.10'] },
};

/** Every form of an internal address an attacker tries, as URLs to the given port. */
export function internalUrls(port: number): string[] {
  return [
    `http://localhost.:${port}/`,
    `http://metadata.google.internal./computeMetadata/v1/`,
    `http://127.0.0.1.nip.io:${port}/`,
    `http://localtest.me:${port}/`,
    `http://cname-to-internal.example.com:${port}/`,
    `http://mixed.example.com:${port}/`,
    `http://127.0.0.1:${port}/`,
    `http://[::1]:${port}/`,
    `http://[::7f00:1]:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[64:ff9b::a9fe:a9fe]:${port}/`,
    `http://[2002:7f00:1::1]:${port}/`,
    `http://198.18.0.1:${port}/`,
    `http://100.64.0.1:${port}/`,
    `http://169.254.169.254/latest/meta-data/`,
    `http://0.0.0.0:${port}/`,
    `http://2130706433:${port}/`,
    `http://0x7f.1:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://intranet:${port}/`,
  ];
}

/** A reason shown to operators may name the host someone gave, never an address or a port. */
export function assertNoAddressIn(reason: string, given: { host?: string; port?: number } = {}): void {
  const text = given.host === undefined ? reason : reason.replaceAll(given.host, '<host>');
  assert.doesNotMatch(text, /\b\d{1,3}(\.\d{1,3}){3}\b/, `no IPv4 address in "${reason}"`);
  assert.doesNotMatch(text, /[0-9a-f]{0,4}:[0-9a-f]{0,4}:[0-9a-f]{0,4}/i, `no IPv6 address in "${reason}"`);
  if (given.port !== undefined) assert.doesNotMatch(text, new RegExp(`\\b${given.port}\\b`), `no port in "${reason}"`);
}

/** The host of a URL as reasons name it (no brackets, no trailing dot). */
export const hostOf = (url: string) => new URL(url).hostname.replace(/\.$/, '');
