import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startDnsServer, type DnsServer } from '../../test/support/dns-server.ts';
import { assertNoAddressIn, hostOf, internalNames, internalUrls } from '../../test/support/internal-targets.ts';
import { parsePrivateAllowance, publicTargetsOnly } from './address-policy.ts';
import { createOutbound, type Outbound } from './outbound.ts';

describe('the guarded outbound client, against a real resolver and real servers on 127.0.0.1', () => {
  let dns: DnsServer;
  let strict: Outbound;
  let loopback: Outbound;
  let port: number;
  const received: { url: string; headers: IncomingMessage['headers']; method: string }[] = [];
  let respond: (request: IncomingMessage, response: ServerResponse) => void = (_, response) => response.end('hello');
  const server = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers, method: request.method ?? '' });
    request.resume();
    request.on('end', () => respond(request, response));
  });

  before(async () => {
    dns = await startDnsServer({
      ...internalNames,
      'hooks.example.com': { A: ['93.184.215.14'] },
      'rebind.example.com': { A: ['93.184.215.14'] },
      'slow.example.com': { silent: true },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    strict = createOutbound({ policy: publicTargetsOnly, dnsServers: [dns.address] });
    const allowed = parsePrivateAllowance('127.0.0.0/8');
    assert.ok(allowed.ok);
    loopback = strict.withPolicy(allowed.policy);
  });
  after(async () => {
    await strict.close();
    await loopback.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await dns.close();
  });

  test('every internal form is refused when checked, with a reason that names no address', async () => {
    for (const url of internalUrls(port)) {
      const result = await strict.checkUrl(url);
      assert.equal(result.ok, false, url);
      if (result.ok) continue;
      assert.equal(result.kind, 'refused', `${url}: ${result.reason}`);
      assert.match(result.reason, /not public$/);
      assertNoAddressIn(result.reason, { host: hostOf(url), port });
    }
    const named = await strict.checkUrl('http://metadata.google.internal./computeMetadata/v1/');
    assert.equal(!named.ok && named.reason, 'the address of metadata.google.internal is not public');
    assert.deepEqual(await strict.checkUrl('https://hooks.example.com./aviso'), { ok: true });
    assert.deepEqual(await strict.checkUrl('https://HOOKS.example.com/aviso'), { ok: true });
  });

  test('every internal form is refused at connect time, and the server behind it hears nothing', async () => {
    received.length = 0;
    for (const url of internalUrls(port)) {
      const result = await strict.request(url, { method: 'POST', body: '{}', timeoutMs: 2000 });
      assert.equal(result.ok, false, url);
      if (!result.ok) assert.equal(result.kind, 'refused', `${url}: ${result.reason}`);
    }
    const tcp = await strict.connectTcp('localtest.me', port, { timeoutMs: 2000 });
    assert.equal(!tcp.ok && tcp.reason, 'the address of localtest.me is not public');
    assert.equal((await strict.connectTcp('::ffff:127.0.0.1', port, { timeoutMs: 2000 })).ok, false);
    assert.equal(received.length, 0);
  });

  test('a name that was public when checked and points inside when used is refused when used (DNS rebinding)', async () => {
    received.length = 0;
    const url = `http://rebind.example.com:${port}/hook`;
    assert.deepEqual(await strict.checkUrl(url), { ok: true });
    dns.set('rebind.example.com', { A: ['127.0.0.1'] });
    const result = await strict.request(url, { method: 'POST', body: '{}', timeoutMs: 2000 });
    assert.deepEqual(result.ok ? result : { kind: result.kind, reason: result.reason }, {
      kind: 'refused',
      reason: 'the address of rebind.example.com is not public',
    });
    assert.equal(received.length, 0);
  });

  test('an allowed private range is reached, by address and by name', async () => {
    received.length = 0;
    respond = (_, response) => response.writeHead(201, { 'x-answer': 'yes' }).end('created');
    const byAddress = await loopback.request(`http://127.0.0.1:${port}/a`, { method: 'POST', body: 'ping', timeoutMs: 2000 });
    assert.ok(byAddress.ok);
    assert.equal(byAddress.status, 201);
    assert.equal(byAddress.headers['x-answer'], 'yes');
    assert.equal(byAddress.body.toString(), 'created');
    const byName = await loopback.request(`http://127.0.0.1.nip.io:${port}/b`, { timeoutMs: 2000 });
    assert.ok(byName.ok);
    assert.deepEqual(
      received.map((r) => [r.method, r.url, r.headers['user-agent']]),
      [
        ['POST', '/a', 'Aviso'],
        ['GET', '/b', 'Aviso'],
      ],
    );
    const outside = await loopback.checkUrl('http://169.254.169.254/latest/meta-data/');
    assert.equal(outside.ok, false, 'other private ranges stay refused');
    const mixed = await loopback.checkUrl(`http://localtest.me:${port}/`);
    assert.equal(mixed.ok, false, 'a name with an address outside the allowed range (::1) is refused whole');
  });

  test('redirects are answers unless the caller follows them, and each hop is checked', async () => {
    respond = (request, response) => {
      const hops: Record<string, string> = {
        '/moved': `http://127.0.0.1:${port}/final`,
        '/inward': `http://10.0.0.7:${port}/secret`,
        '/loop': '/loop',
        '/see-other': '/final',
        '/elsewhere': 'ftp://files.example.com/x',
      };
      const location = hops[request.url ?? ''];
      if (location !== undefined) response.writeHead(request.url === '/see-other' ? 303 : 302, { location }).end();
      else response.end(`${request.method} ${request.url} ${request.headers['authorization'] ?? '-'}`);
    };
    const answered = await loopback.request(`http://127.0.0.1:${port}/moved`, { timeoutMs: 2000 });
    assert.ok(answered.ok);
    assert.equal(answered.status, 302);
    const followed = await loopback.request(`http://127.0.0.1.nip.io:${port}/moved`, {
      timeoutMs: 2000,
      maxRedirects: 3,
      headers: { Authorization: 'Bearer x' },
    });
    assert.ok(followed.ok);
    assert.deepEqual([followed.status, followed.redirects, followed.url], [200, 1, `http://127.0.0.1:${port}/final`]);
    assert.equal(followed.body.toString(), 'GET /final -', 'credentials do not follow to another origin');
    const seeOther = await loopback.request(`http://127.0.0.1:${port}/see-other`, {
      method: 'POST',
      body: 'x',
      timeoutMs: 2000,
      maxRedirects: 1,
    });
    assert.equal(seeOther.ok && seeOther.body.toString(), 'GET /final -');
    const inward = await loopback.request(`http://127.0.0.1:${port}/inward`, { timeoutMs: 2000, maxRedirects: 3 });
    assert.deepEqual(inward.ok ? inward : [inward.kind, inward.reason], ['refused', 'the address is not public']);
    const loop = await loopback.request(`http://127.0.0.1:${port}/loop`, { timeoutMs: 2000, maxRedirects: 3 });
    assert.deepEqual(loop.ok ? loop : [loop.kind, loop.reason], ['redirect', 'more than 3 redirect(s)']);
    const scheme = await loopback.request(`http://127.0.0.1:${port}/elsewhere`, { timeoutMs: 2000, maxRedirects: 3 });
    assert.deepEqual(scheme.ok ? scheme : scheme.kind, 'redirect');
  });

  test('answers are capped in size, requests in time, and failures say what failed without the address', async () => {
    respond = (request, response) => {
      if (request.url === '/big') response.end(Buffer.alloc(300 * 1024, 'a'));
      else if (request.url === '/stream') {
        response.writeHead(200);
        const timer = setInterval(() => response.write(Buffer.alloc(64 * 1024, 'b')), 5);
        response.on('close', () => clearInterval(timer));
      } else if (request.url === '/slow') setTimeout(() => response.end('late'), 3000).unref();
      else response.end('ok');
    };
    const big = await loopback.request(`http://127.0.0.1:${port}/big`, { timeoutMs: 2000, maxBodyBytes: 100 * 1024 });
    assert.deepEqual(big.ok ? big : [big.kind, big.reason], ['too-large', 'the answer is larger than 100 KiB']);
    const endless = await loopback.request(`http://127.0.0.1:${port}/stream`, { timeoutMs: 5000, maxBodyBytes: 256 * 1024 });
    assert.deepEqual(endless.ok ? endless : endless.kind, 'too-large');
    const fits = await loopback.request(`http://127.0.0.1:${port}/big`, { timeoutMs: 2000 });
    assert.equal(fits.ok && fits.body.length, 300 * 1024);

    const slow = await loopback.request(`http://127.0.0.1:${port}/slow`, { timeoutMs: 300 });
    assert.deepEqual(slow.ok ? slow : [slow.kind, slow.reason], ['timeout', 'no answer within 0.3 s']);
    assert.ok(slow.durationMs < 1500, `gave up after ${slow.durationMs} ms`);

    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const free = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(free));
      });
    });
    const refused = await loopback.request(`http://127.0.0.1:${closed}/`, { timeoutMs: 2000 });
    assert.deepEqual(refused.ok ? refused : [refused.kind, refused.reason], ['connection', 'connection refused']);
    const unknown = await strict.request('http://no-such-name.example.com/', { timeoutMs: 2000 });
    assert.deepEqual(unknown.ok ? unknown : [unknown.kind, unknown.reason], ['dns', 'no-such-name.example.com could not be resolved']);
    const notHttp = await strict.checkUrl('file:///etc/passwd');
    assert.deepEqual(notHttp.ok ? notHttp : notHttp.kind, 'invalid-target');
    const silent = await strict.checkUrl('http://slow.example.com/', { timeoutMs: 300 });
    assert.deepEqual(silent.ok ? silent : silent.kind, 'dns');
  });
});
