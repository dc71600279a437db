import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { startDnsServer, type DnsServer } from '../../test/support/dns-server.ts';
import { publicTargetsOnly } from './address-policy.ts';
import { createOutbound, type Outbound } from './outbound.ts';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/tls/${name}`, import.meta.url));
const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

describe('TCP connects, TLS handshakes and DNS queries through the guard', () => {
  let dns: DnsServer;
  let strict: Outbound;
  let loopback: Outbound;
  const tcp = createTcpServer((socket) => socket.end());
  const selfSigned = createTlsServer({ cert: fixture('self-signed.pem'), key: fixture('self-signed-key.pem') }, (s) => s.end());
  const expired = createTlsServer({ cert: fixture('expired.pem'), key: fixture('expired-key.pem') }, (s) => s.end());
  const ports = { tcp: 0, selfSigned: 0, expired: 0 };

  before(async () => {
    dns = await startDnsServer({
      'tls.example.com': { A: ['127.0.0.1'] },
      'expired.example.com': { A: ['127.0.0.1'] },
      'www.example.com': { CNAME: 'web.example.com' },
      'web.example.com': { A: ['93.184.215.14'], AAAA: ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'] },
      'example.com': { TXT: ['v=spf1 -all', 'verification=abc'], MX: [{ priority: 10, exchange: 'mx.example.com' }] },
      'quiet.example.com': { silent: true },
    });
    ports.tcp = await listen(tcp);
    ports.selfSigned = await listen(selfSigned);
    ports.expired = await listen(expired);
    strict = createOutbound({ policy: publicTargetsOnly, dnsServers: [dns.address] });
    loopback = strict.withPolicy({ allowPrivate: ['127.0.0.0/8'] });
  });
  after(async () => {
    await strict.close();
    await loopback.close();
    for (const server of [tcp, selfSigned, expired]) await new Promise((resolve) => server.close(resolve));
    await dns.close();
  });

  test('a TCP connect succeeds in an allowed range, is refused outside it, and reports a closed port plainly', async () => {
    assert.equal((await loopback.connectTcp('127.0.0.1', ports.tcp, { timeoutMs: 2000 })).ok, true);
    assert.equal((await loopback.connectTcp('tls.example.com', ports.tcp, { timeoutMs: 2000 })).ok, true);
    const refused = await strict.connectTcp('127.0.0.1', ports.tcp, { timeoutMs: 2000 });
    assert.deepEqual(refused.ok ? refused : [refused.kind, refused.reason], ['refused', 'the address is not public']);
    const closed = await new Promise<number>((resolve) => {
      const probe = createTcpServer().listen(0, '127.0.0.1', () => {
        const port = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(port));
      });
    });
    const down = await loopback.connectTcp('127.0.0.1', closed, { timeoutMs: 2000 });
    assert.deepEqual(down.ok ? down : [down.kind, down.reason], ['connection', 'connection refused']);
    const badPort = await loopback.connectTcp('127.0.0.1', 70000, { timeoutMs: 2000 });
    assert.deepEqual(badPort.ok ? badPort : badPort.kind, 'invalid-target');
  });

  test('a TLS handshake reads the certificate, verified or not, so its expiry can be checked', async () => {
    const valid = await loopback.handshakeTls('tls.example.com', ports.selfSigned, { timeoutMs: 2000 });
    assert.ok(valid.ok);
    assert.equal(valid.authorized, false);
    assert.equal(valid.authorizationError, 'the certificate is self-signed');
    assert.equal(valid.certificate?.subject, 'CN=tls.example.com');
    assert.deepEqual(valid.certificate?.subjectAltNames, ['DNS:tls.example.com', 'DNS:localhost', 'IP Address:127.0.0.1']);
    assert.ok(valid.certificate !== null && valid.certificate.validTo.getUTCFullYear() >= 2125);
    assert.match(valid.certificate?.fingerprint256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.equal(valid.protocol, 'TLSv1.3');

    const old = await loopback.handshakeTls('expired.example.com', ports.expired, { timeoutMs: 2000 });
    assert.ok(old.ok);
    assert.deepEqual(old.certificate?.validTo, new Date('2020-02-01T00:00:00.000Z'));
    assert.equal(old.authorized, false);

    const refused = await strict.handshakeTls('tls.example.com', ports.selfSigned, { timeoutMs: 2000 });
    assert.deepEqual(refused.ok ? refused : [refused.kind, refused.reason], ['refused', 'the address of tls.example.com is not public']);
  });

  test('HTTPS verifies certificates unless the caller turns it off', async () => {
    const https = createHttpsServer({ cert: fixture('self-signed.pem'), key: fixture('self-signed-key.pem') }, (_, response) =>
      response.writeHead(204).end(),
    );
    const port = await listen(https);
    try {
      const verified = await loopback.request(`https://tls.example.com:${port}/`, { timeoutMs: 2000 });
      assert.deepEqual(verified.ok ? verified : [verified.kind, verified.reason], ['tls', 'TLS failed: the certificate is self-signed']);
      const unverified = await loopback.request(`https://tls.example.com:${port}/`, { timeoutMs: 2000, verifyTls: false });
      assert.equal(unverified.ok && unverified.status, 204);
    } finally {
      https.closeAllConnections();
      await new Promise((resolve) => https.close(resolve));
    }
  });

  test('DNS queries go to the chosen resolver, which must itself be allowed', async () => {
    const ask = (name: string, type: Parameters<Outbound['queryDns']>[1], outbound = loopback) =>
      outbound.queryDns(name, type, { server: dns.address, timeoutMs: 1000 });
    const records = async (name: string, type: Parameters<Outbound['queryDns']>[1]) => {
      const answer = await ask(name, type);
      return answer.ok ? answer.records : answer.reason;
    };
    assert.deepEqual(await records('www.example.com', 'A'), ['93.184.215.14'], 'through the CNAME');
    assert.deepEqual(await records('www.example.com', 'AAAA'), ['2606:2800:21f:cb07:6820:80da:af6b:8b2c']);
    assert.deepEqual(await records('www.example.com', 'CNAME'), ['web.example.com']);
    assert.deepEqual(await records('example.com', 'TXT'), ['v=spf1 -all', 'verification=abc']);
    assert.deepEqual(await records('example.com', 'MX'), ['10 mx.example.com']);
    assert.deepEqual(await records('example.com', 'A'), [], 'a name without records of the type answers empty');
    assert.equal(await records('missing.example.com', 'A'), 'missing.example.com does not exist');
    const quiet = await ask('quiet.example.com', 'A');
    assert.deepEqual(quiet.ok ? quiet : [quiet.kind, quiet.reason], ['timeout', 'no answer within 1 s']);
    const refused = await ask('www.example.com', 'A', strict);
    assert.deepEqual(refused.ok ? refused : [refused.kind, refused.reason], ['refused', 'the address is not public']);
    const byDefault = await strict.queryDns('www.example.com', 'A', { timeoutMs: 1000 });
    assert.deepEqual(byDefault.ok && byDefault.records, ['93.184.215.14'], 'without a chosen resolver, the configured one answers');
  });
});
