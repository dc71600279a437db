/**
 * What the outbound guard costs. The same POSTs (a webhook-sized JSON body) go to a local HTTP
 * server, in a child process so it does not take this process's CPU, through the guarded client
 * and, in the same run, through a plain undici Agent that resolves the same names through the same
 * resolver but judges nothing. Two cases: connections kept alive (a fan-out to one host) and a new
 * connection for every request (each one resolved and checked again). The two sides alternate in
 * ten slices per round. Prints requests per second and the ratio guarded/plain.
 * Run: npm run bench:outbound [-- --requests 20000 --concurrency 32 --rounds 3]
 */
import { fork } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { createServer } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { createOutbound, type Outbound } from '../src/outbound/index.ts';
import { startDnsServer } from '../test/support/dns-server.ts';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};

async function runServer(): Promise<void> {
  const server = createServer((incoming, response) => {
    incoming.resume();
    incoming.on('end', () => response.writeHead(204).end());
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send!((server.address() as AddressInfo).port);
}

const body = JSON.stringify({ meta: { unsubscribe: 'https://status.example.com/x' }, incident: { name: 'x'.repeat(1500) } });

type Send = () => Promise<boolean>;

async function measure(requests: number, concurrency: number, send: Send): Promise<{ rate: number; failures: number }> {
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) if (!(await send())) failures++;
    }),
  );
  return { rate: requests / ((performance.now() - started) / 1000), failures };
}

async function main(): Promise<void> {
  const requests = arg('requests', 20_000);
  const concurrency = arg('concurrency', 32);
  const rounds = arg('rounds', 3);
  const child = fork(new URL(import.meta.url).pathname, ['--server'], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(m as number)));
  const dns = await startDnsServer({ 'hooks.bench.example': { A: ['127.0.0.1'] } });
  const guarded: Outbound = createOutbound({ policy: { allowPrivate: ['127.0.0.0/8'] }, dnsServers: [dns.address] });

  // The baseline asks the same server for A and AAAA, as getaddrinfo does for a plain client, and judges nothing.
  const resolver = new Resolver();
  resolver.setServers([dns.address]);
  const lookup: LookupFunction = (hostname, options, callback) => {
    Promise.all([resolver.resolve4(hostname), resolver.resolve6(hostname).catch(() => [])]).then(
      ([v4]) =>
        options.all === true
          ? callback(
              null,
              v4.map((address) => ({ address, family: 4 })),
            )
          : callback(null, v4[0]!, 4),
      (error: Error) => callback(error, '', 0),
    );
  };
  const plainAgent = new Agent({ connect: { lookup } });
  const url = `http://hooks.bench.example:${port}/hook`;
  const headers = { 'content-type': 'application/json' };

  const cases: { name: string; plain: Send; guarded: Send }[] = [
    {
      name: 'kept-alive connections',
      plain: async () => {
        const r = await request(url, { dispatcher: plainAgent, method: 'POST', body, headers, signal: AbortSignal.timeout(30_000) });
        await r.body.dump();
        return r.statusCode === 204;
      },
      guarded: async () => {
        const r = await guarded.request(url, { method: 'POST', body, headers, timeoutMs: 30_000, readBody: false });
        return r.ok && r.status === 204;
      },
    },
    {
      name: 'a new connection per request',
      plain: async () => {
        const r = await request(url, {
          dispatcher: plainAgent,
          method: 'POST',
          body,
          headers: { ...headers, connection: 'close' },
          reset: true,
        });
        await r.body.dump();
        return r.statusCode === 204;
      },
      guarded: async () => {
        const r = await guarded.request(url, {
          method: 'POST',
          body,
          headers: { ...headers, connection: 'close' },
          timeoutMs: 30_000,
          readBody: false,
        });
        return r.ok && r.status === 204;
      },
    },
  ];

  console.log(
    `${requests} POSTs of ${body.length} bytes per run, ${concurrency} in flight, to a local server (name resolved by a local DNS server)`,
  );
  console.log('case                            round   plain req/s   guarded req/s   guarded/plain   failures');
  for (const c of cases) {
    await measure(Math.min(2000, requests), concurrency, c.plain);
    await measure(Math.min(2000, requests), concurrency, c.guarded);
    for (let round = 1; round <= rounds; round++) {
      // Ten alternating slices per side, so a change in the machine's load falls on both alike.
      const plain = { seconds: 0, failures: 0 };
      const withGuard = { seconds: 0, failures: 0 };
      for (let slice = 0; slice < 10; slice++) {
        for (const [side, send] of [
          [plain, c.plain],
          [withGuard, c.guarded],
        ] as const) {
          const result = await measure(requests / 10, concurrency, send);
          side.seconds += requests / 10 / result.rate;
          side.failures += result.failures;
        }
      }
      const rates = { plain: requests / plain.seconds, guarded: requests / withGuard.seconds };
      console.log(
        `${c.name.padEnd(32)}${String(round).padStart(5)}${rates.plain.toFixed(0).padStart(14)}${rates.guarded.toFixed(0).padStart(16)}${(rates.guarded / rates.plain).toFixed(2).padStart(16)}${String(plain.failures + withGuard.failures).padStart(11)}`,
      );
    }
  }
  await guarded.close();
  await plainAgent.close();
  await dns.close();
  child.kill();
}

if (process.argv.includes('--server')) await runServer();
else await main();
