/**
 * Monitors at scale, run by Aviso as it runs in production: the compiled server (`dist/main.js`
 * with `npm start`'s flags, SQLite in a temp dir, its own job worker) holding N HTTP monitors
 * (default 1,000) at one interval (default 30 s) against a local target in a child process.
 *
 * The target notes when each request arrives; the monitor's id is in the path, so the target knows
 * the slot it belongs to (offset from the id, as schedule.ts computes it) and the scheduling lag is
 * measured outside Aviso: arrival minus slot. Reports checks per second achieved against the rate
 * scheduled (N / interval over the same window), lag p50/p99, the Aviso process's CPU share (from
 * /proc, user + system) and peak resident memory, and, in the middle of the window, the cached
 * page's read throughput (`/`, brotli) with wrk against nginx serving the same bytes, both while
 * the checks run. The issue asks for 5 minutes:
 *   npm run bench:monitors -- --monitors 1000 --interval 30 --seconds 300
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createComponent } from '../src/modules/components/index.ts';
import { createMonitor, slotOffsetMs } from '../src/modules/monitors/index.ts';
import { ensurePage } from '../src/modules/page/index.ts';
import { systemClock } from '../src/shared/clock.ts';
import { systemActor, type Ctx } from '../src/shared/context.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { openDatabase } from '../src/storage/database.ts';
import { migrate } from '../src/storage/migrate.ts';
import { Revisions } from '../src/storage/revisions.ts';
import { startNginx, writeNginxConfig } from './page-load-nginx.ts';
import { wrk, type WrkResult } from './page-load-wrk.ts';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The target: answers 200, counts requests and the lag of each behind its monitor's slot. */
async function runTarget(intervalMs: number): Promise<void> {
  let count = 0;
  let measuring = false;
  const lags: number[] = [];
  const server = createServer((req, res) => {
    count++;
    const id = /^\/health\/([0-9a-z]+)$/.exec(req.url ?? '')?.[1];
    if (measuring && id !== undefined) {
      const offset = slotOffsetMs(id, intervalMs);
      lags.push((((Date.now() - offset) % intervalMs) + intervalMs) % intervalMs);
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send!({ port: (server.address() as AddressInfo).port });
  process.on('message', (m: string) => {
    if (m === 'start') measuring = true;
    if (m === 'stop') measuring = false;
    process.send!({ count, lags: m === 'stop' ? lags : [] });
  });
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function fetchRaw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') flat[name] = value;
        resolve({ status: res.statusCode ?? 0, headers: flat, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.end();
  });
}

/** CPU seconds (user + system) a process has used, from /proc/PID/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz on Linux)
}
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  const monitors = arg('monitors', 1000);
  const interval = arg('interval', 30);
  const seconds = arg('seconds', 40);
  const wrkSeconds = arg('wrk-seconds', 10);
  const children: ChildProcess[] = [];
  const root = mkdtempSync(join(tmpdir(), 'aviso-bench-monitors-'));
  chmodSync(root, 0o755);
  process.on('exit', () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  });

  const target = fork(new URL(import.meta.url).pathname, ['--target', '--interval', String(interval)], { execArgv: ['--import', 'tsx'] });
  children.push(target);
  const port = await new Promise<number>((resolve) => target.once('message', (m) => resolve((m as { port: number }).port)));
  const ask = (what: 'start' | 'stop' | 'count') =>
    new Promise<{ count: number; lags: number[] }>((resolve) => {
      target.once('message', (m) => resolve(m as { count: number; lags: number[] }));
      target.send(what);
    });

  // The monitors are written into the data directory before Aviso starts, as a restored backup would be.
  const dataDir = join(root, 'data');
  const file = join(dataDir, 'aviso.sqlite');
  mkdirSync(dataDir, { recursive: true });
  const database = openDatabase({ kind: 'sqlite', file });
  await migrate(database.db);
  const ctx: Ctx = { db: database.db, clock: systemClock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
  await ensurePage(ctx, { name: 'Bench', url: 'http://127.0.0.1', timeZone: 'Etc/UTC', defaultLocale: 'en', locales: ['en'] });
  const components = [];
  for (let c = 0; c < 10; c++) components.push(await createComponent(ctx, { name: `Service ${c + 1}` }));
  for (let i = 0; i < monitors; i++) {
    const { monitor } = await createMonitor(
      ctx,
      {
        name: `m${i}`,
        kind: 'http',
        componentId: components[i % components.length]!.id,
        intervalSeconds: interval,
        timeoutMs: 5000,
        allowPrivate: true,
        settings: { url: `http://127.0.0.1:${port}/health/PLACEHOLDER` },
      },
      { mayAllowPrivate: true },
    );
    await database.db
      .updateTable('monitors')
      .set({ settings: JSON.stringify({ ...monitor.settings, url: `http://127.0.0.1:${port}/health/${monitor.id}` }) })
      .where('id', '=', monitor.id)
      .execute();
  }
  await database.close();

  const avisoPort = await freePort();
  const aviso = spawn(process.execPath, ['--max-semi-space-size=1', 'dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(avisoPort),
      HOST: '127.0.0.1',
      AVISO_DATA_DIR: dataDir,
      AVISO_EXAMPLE: 'none',
      AVISO_LOG_LEVEL: 'warn',
      AVISO_ACCESS_LOG: 'off',
      AVISO_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(aviso);
  const pid = aviso.pid!;
  const avisoUrl = `http://127.0.0.1:${avisoPort}`;
  for (let i = 0; ; i++) {
    if ((await fetchRaw(`${avisoUrl}/readyz`).catch(() => undefined))?.status === 200) break;
    if (i > 450 || aviso.exitCode !== null) throw new Error('Aviso did not become ready');
    await sleep(200);
  }

  // nginx serves the exact bytes of the cached page.
  const page = await fetchRaw(`${avisoUrl}/`, { 'accept-encoding': 'br' });
  if (page.status !== 200) throw new Error(`Aviso answered ${page.status} on /`);
  const keep = ['content-type', 'content-encoding', 'cache-control', 'vary', 'x-content-type-options', 'referrer-policy'];
  const headers = Object.fromEntries(keep.filter((h) => page.headers[h] !== undefined).map((h) => [h, page.headers[h]!]));
  const nginxPort = await freePort();
  const nginxRoot = join(root, 'nginx');
  children.push(startNginx(nginxRoot, writeNginxConfig(nginxRoot, nginxPort, [{ path: '/page.br', body: page.body, headers }], 1)));
  const nginxUrl = `http://127.0.0.1:${nginxPort}/page.br`;
  for (let i = 0; (await fetchRaw(nginxUrl).catch(() => undefined)) === undefined; i++) {
    if (i > 50) throw new Error('nginx did not start');
    await sleep(100);
  }

  // One interval of warm-up: the slots that passed while Aviso started are caught up first.
  await sleep(arg('warmup', interval) * 1000);
  const load = { headers: { 'accept-encoding': 'br' }, connections: 32, threads: 1, seconds: wrkSeconds };
  const before = await ask('start');
  const cpuBefore = cpuSeconds(pid);
  let peakRss = rssMiB(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(pid))), 250);
  const started = performance.now();
  // The reads run in the middle of the window, Aviso then nginx, the checks going on throughout.
  await sleep(Math.max(0, (seconds / 2 - wrkSeconds) * 1000));
  const fromAviso: WrkResult = await wrk({ url: `${avisoUrl}/`, ...load });
  const fromNginx: WrkResult = await wrk({ url: nginxUrl, ...load });
  await sleep(Math.max(0, seconds * 1000 - (performance.now() - started)));
  const elapsed = (performance.now() - started) / 1000;
  const after = await ask('stop');
  const cpu = cpuSeconds(pid) - cpuBefore;
  clearInterval(sampler);

  const achieved = (after.count - before.count) / elapsed;
  const scheduled = monitors / interval;
  const lags = after.lags.sort((a, b) => a - b);
  console.log(
    `${monitors} HTTP monitors every ${interval} s, measured for ${elapsed.toFixed(0)} s after ${arg('warmup', interval)} s of warm-up (compiled Aviso, SQLite, one process)`,
  );
  console.log(`checks/s achieved ${achieved.toFixed(2)} vs scheduled ${scheduled.toFixed(2)}: ratio ${(achieved / scheduled).toFixed(3)}`);
  console.log(
    `scheduling lag (request at the target minus its slot) p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, max ${lags.at(-1)} ms (${lags.length} checks)`,
  );
  console.log(
    `Aviso process: CPU ${((cpu / elapsed) * 100).toFixed(1)}% of one core over the window (wrk's reads included), peak RSS ${peakRss.toFixed(0)} MiB`,
  );
  const row = (who: string, r: WrkResult) =>
    `  ${who.padEnd(6)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  errors ${r.errors}`;
  console.log(`cached / (br, ${(page.body.length / 1024).toFixed(1)} kB) while the checks run, wrk -t1 -c32 -d${wrkSeconds}s:`);
  console.log(row('aviso', fromAviso));
  console.log(row('nginx', fromNginx));
  console.log(`  ratio aviso/nginx ${(fromAviso.requestsPerSecond / fromNginx.requestsPerSecond).toFixed(2)}`);
  console.log(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
}

if (process.argv.includes('--target')) await runTarget(arg('interval', 30) * 1000);
else {
  await main();
  process.exit(0);
}
