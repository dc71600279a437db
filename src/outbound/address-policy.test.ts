import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../config.ts';
import { AddressGuard, allTargets, parsePrivateAllowance, publicTargetsOnly } from './address-policy.ts';

const strict = new AddressGuard(publicTargetsOnly);

test('only addresses on the public internet pass by default', () => {
  for (const address of ['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) {
    assert.deepEqual(strict.judge(address), { allowed: true }, address);
  }
  const refused: Record<string, string> = {
    '127.0.0.1': 'loopback',
    '10.1.2.3': 'private',
    '172.20.0.1': 'private',
    '192.168.1.1': 'private',
    '169.254.169.254': 'linkLocal',
    '100.64.0.1': 'carrierGradeNat',
    '198.18.0.1': 'reserved',
    '198.19.255.255': 'reserved',
    '192.0.2.1': 'reserved',
    '203.0.113.9': 'reserved',
    '0.0.0.0': 'unspecified',
    '255.255.255.255': 'broadcast',
    '224.0.0.1': 'multicast',
    '240.0.0.1': 'reserved',
    '::1': 'loopback',
    '::': 'unspecified',
    'fe80::1': 'linkLocal',
    'fd00::1': 'uniqueLocal',
    'fc00::1': 'uniqueLocal',
    'ff02::1': 'multicast',
    '2001:db8::1': 'reserved',
    // IPv4 inside IPv6: mapped, IPv4-compatible, NAT64, 6to4, Teredo.
    '::ffff:127.0.0.1': 'ipv4Mapped of loopback',
    '::ffff:a9fe:a9fe': 'ipv4Mapped of linkLocal',
    '::7f00:1': 'reserved',
    '::10.0.0.1': 'reserved',
    '64:ff9b::a9fe:a9fe': 'rfc6052 of linkLocal',
    '64:ff9b::7f00:1': 'rfc6052 of loopback',
    '64:ff9b:1::a00:1': 'rfc6052',
    '2002:7f00:1::': '6to4 of loopback',
    '2002:a00:1::1': '6to4 of private',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2': 'teredo',
  };
  for (const [address, range] of Object.entries(refused)) assert.deepEqual(strict.judge(address), { allowed: false, range }, address);
  assert.equal(strict.judge('not-an-address').allowed, false);
});

test('an IPv6 form that carries a public IPv4 address is as public as that address (NAT64 networks reach IPv4 this way)', () => {
  assert.equal(strict.judge('64:ff9b::808:808').allowed, true);
  assert.equal(strict.judge('::ffff:8.8.8.8').allowed, true);
  assert.equal(strict.judge('2002:808:808::1').allowed, true);
});

test('the operator allows private ranges by CIDR, or everything', () => {
  const parsed = parsePrivateAllowance('127.0.0.0/8, 10.20.0.0/16,fd00::/8, 192.168.1.7');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.policy, { allowPrivate: ['127.0.0.0/8', '10.20.0.0/16', 'fd00::/8', '192.168.1.7/32'] });
  const guard = new AddressGuard(parsed.policy);
  for (const address of ['127.0.0.1', '127.9.9.9', '10.20.3.4', 'fd12::1', '192.168.1.7', '::ffff:127.0.0.1', '64:ff9b::a14:304'])
    assert.equal(guard.judge(address).allowed, true, address);
  for (const address of ['10.21.0.1', '192.168.1.8', '::1', '169.254.169.254', 'fe80::1'])
    assert.equal(guard.judge(address).allowed, false, address);
  assert.equal(guard.allowsPrivate, true);
  assert.equal(strict.allowsPrivate, false);

  const all = new AddressGuard(allTargets);
  for (const address of ['127.0.0.1', '::1', '169.254.169.254', '8.8.8.8']) assert.equal(all.judge(address).allowed, true, address);
  for (const text of [undefined, '', 'false', 'none'])
    assert.deepEqual(parsePrivateAllowance(text), { ok: true, policy: publicTargetsOnly });
  assert.deepEqual(parsePrivateAllowance('true'), { ok: true, policy: allTargets });
});

test('a bad AVISO_ALLOW_PRIVATE_TARGETS or AVISO_DNS_SERVERS stops the start with a readable problem', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({ AVISO_EXAMPLE: 'none', ...env });
      return [];
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.problems;
    }
  };
  assert.deepEqual(problems({ AVISO_ALLOW_PRIVATE_TARGETS: '10.0.0.0/8,yes' }), [
    'AVISO_ALLOW_PRIVATE_TARGETS: "yes" is not a CIDR range such as 10.0.0.0/8 or fd00::/8 (or set true to allow every address)',
  ]);
  assert.equal(problems({ AVISO_ALLOW_PRIVATE_TARGETS: '10.0.0.0/33' }).length, 1);
  assert.equal(problems({ AVISO_ALLOW_PRIVATE_TARGETS: '0x7f.1/8' }).length, 1, 'only canonical addresses');
  assert.deepEqual(problems({ AVISO_DNS_SERVERS: '127.0.0.1:53,dns.example.com' }), [
    'AVISO_DNS_SERVERS: "dns.example.com" is not an address with an optional port, such as 10.0.0.53 or 127.0.0.1:5353',
  ]);
  assert.equal(problems({ AVISO_DNS_SERVERS: '127.0.0.1:70000' }).length, 1);

  const config = loadConfig({
    AVISO_EXAMPLE: 'none',
    AVISO_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
    AVISO_DNS_SERVERS: '127.0.0.1:5353, [::1]:53',
  });
  assert.deepEqual(config.outbound, { policy: { allowPrivate: ['127.0.0.0/8'] }, dnsServers: ['127.0.0.1:5353', '[::1]:53'] });
  assert.deepEqual(
    loadConfig({ AVISO_EXAMPLE: 'none' }).outbound,
    { policy: publicTargetsOnly, dnsServers: [] },
    'default: public targets only',
  );
});
