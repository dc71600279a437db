/**
 * Aviso's read path under load: `/` and `/api/v2/summary.json` from Aviso (the example page, SQLite
 * in a temp dir) against nginx serving the same bytes, in one run, with wrk on 127.0.0.1; then `/`
 * again while the data changes every second. See bench/README.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createComponent, listComponentsInOrder, updateComponent } from '../src/modules/components/index.ts';
import { systemClock } from '../src/shared/clock.ts';
import { systemActor, type Ctx } from '../src/shared/context.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { openDatabase } from '../src/storage/database.ts';
import { Revisions } from '../src/storage/revisions.ts';
import { startNginx, writeNginxConfig, type StaticCopy } from './page-load-nginx.ts';
import { wrk, type WrkResult } from './page-load-wrk.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    threads: { type: 'string', default: '2' },
    'nginx-workers': { type: 'string', default: '1' },
    // Node's flags for Aviso; the default is what `npm start` passes.
    'node-flags': { type: 'string', default: '--max-semi-space-size=1' },
  },
});
const load = { seconds: Number(args.seconds), connections: Number(args.connections), threads: Number(args.threads) };

function onPath(tool: string): boolean {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  return dirs.some((dir) => dir !== '' && existsSync(join(dir, tool)));
}

const missing = ['nginx', 'wrk'].filter((tool) => !onPath(tool));
if (missing.length > 0) {
  console.error(
    `The benchmark needs ${missing.join(' and ')}. On Debian or Ubuntu: sudo apt-get install ${missing.map((t) => (t === 'nginx' ? 'nginx-light' : t)).join(' ')}`,
  );
  process.exit(1);
}
if (!process.env['PATH']?.split(delimiter).includes('/usr/sbin')) process.env['PATH'] = `${process.env['PATH'] ?? ''}${delimiter}/usr/sbin`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

interface Fetched {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The exact bytes on the wire: no decompression. */
function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Aviso exited with code ${child.exitCode}`);
    const ready = await fetchRaw(url).catch(() => undefined);
    if (ready?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`Aviso did not become ready at ${url}`);
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Samples a process's resident memory while `work` runs; returns the peak. */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
  let peakMiB = rssMiB(pid);
  const timer = setInterval(() => (peakMiB = Math.max(peakMiB, rssMiB(pid))), 200);
  try {
    return { result: await work(), peakMiB };
  } finally {
    clearInterval(timer);
  }
}

/** A component status flipped once a second through the same SQLite file, from this process. */
async function changeEverySecond(ctx: Ctx, aviso: string, seconds: number): Promise<number[]> {
  const components = (await listComponentsInOrder(ctx)).filter((c) => !c.isGroup);
  const target = components[0] ?? (await createComponent(ctx, { name: 'Benchmark probe' }));
  const seenAfterMs: number[] = [];
  for (let i = 0; i < seconds; i++) {
    const started = Date.now();
    const before = (await fetchRaw(aviso)).headers['etag'];
    await updateComponent(ctx, target.id, { status: i % 2 === 0 ? 'degraded_performance' : 'operational' });
    const written = Date.now();
    while (Date.now() - written < 5000) {
      if ((await fetchRaw(aviso)).headers['etag'] !== before) break;
      await sleep(5);
    }
    seenAfterMs.push(Date.now() - written);
    await sleep(Math.max(0, 1000 - (Date.now() - started)));
  }
  return seenAfterMs;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number, digits = 2) => n.toFixed(digits).padStart(9);
const row = (label: string, server: string, r: WrkResult) =>
  `${label.padEnd(40)}${server.padEnd(7)}${fmt(r.requestsPerSecond, 0)}${fmt(r.p50Ms)}${fmt(r.p99Ms)}${fmt(r.maxMs)}${String(r.errors).padStart(8)}`;

const root = mkdtempSync(join(tmpdir(), 'aviso-bench-'));
// nginx's workers drop privileges and must be able to read the copies below.
chmodSync(root, 0o755);
const children: ChildProcess[] = [];
const stopAll = () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
process.on('exit', () => {
  stopAll();
  rmSync(root, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

try {
  const avisoPort = await freePort();
  const nginxPort = await freePort();
  const dataDir = join(root, 'data');
  // The compiled server, started as `npm start` starts it.
  const aviso = spawn(process.execPath, [...args['node-flags'].split(' ').filter(Boolean), 'dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(avisoPort),
      HOST: '127.0.0.1',
      AVISO_DATA_DIR: dataDir,
      AVISO_EXAMPLE: 'kinescope',
      AVISO_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(aviso);
  const avisoUrl = `http://127.0.0.1:${avisoPort}`;
  await waitForReady(`${avisoUrl}/readyz`, aviso);

  const targets = [
    { label: '/ (br)', path: '/', file: '/page.br', headers: { 'accept-encoding': 'br' } },
    { label: '/ (identity)', path: '/', file: '/page.html', headers: {} },
    { label: '/api/v2/summary.json (br)', path: '/api/v2/summary.json', file: '/summary.br', headers: { 'accept-encoding': 'br' } },
    { label: '/api/v2/summary.json (identity)', path: '/api/v2/summary.json', file: '/summary.json', headers: {} },
  ];
  const copies: Array<StaticCopy & { label: string; avisoPath: string; requestHeaders: Record<string, string> }> = [];
  for (const target of targets) {
    const fetched = await fetchRaw(avisoUrl + target.path, target.headers);
    if (fetched.status !== 200) {
      console.log(`skipping ${target.label}: Aviso answered ${fetched.status}`);
      continue;
    }
    const keep = [
      'content-type',
      'content-encoding',
      'cache-control',
      'vary',
      'x-content-type-options',
      'referrer-policy',
      'access-control-allow-origin',
    ];
    const headers = Object.fromEntries(keep.filter((h) => fetched.headers[h] !== undefined).map((h) => [h, fetched.headers[h] as string]));
    copies.push({
      label: `${target.label} ${(fetched.body.length / 1024).toFixed(1)} kB`,
      avisoPath: target.path,
      path: target.file,
      body: fetched.body,
      headers,
      requestHeaders: target.headers,
    });
  }
  if (copies.length === 0) throw new Error('Aviso served nothing to measure');

  const nginxRoot = join(root, 'nginx');
  const nginx = startNginx(nginxRoot, writeNginxConfig(nginxRoot, nginxPort, copies, Number(args['nginx-workers'])));
  children.push(nginx);
  const nginxUrl = `http://127.0.0.1:${nginxPort}`;
  for (const copy of copies) {
    const [fromAviso, fromNginx] = await Promise.all([
      fetchRaw(avisoUrl + copy.avisoPath, copy.requestHeaders),
      waitForNginx(nginxUrl + copy.path),
    ]);
    if (!fromAviso.body.equals(fromNginx.body))
      throw new Error(
        `nginx does not serve the same bytes for ${copy.label}: ${fromAviso.body.length} vs ${fromNginx.body.length} bytes (${fromNginx.status})`,
      );
  }

  // Warm both servers (the JIT, the caches) before anything is measured.
  await wrk({ url: `${avisoUrl}/`, headers: {}, ...load, seconds: 3 });
  await wrk({ url: `${nginxUrl}${copies[0]?.path ?? '/'}`, headers: {}, ...load, seconds: 2 });
  await sleep(1000);
  const idleMiB = rssMiB(aviso.pid ?? 0);

  console.log(
    `\nwrk -t${load.threads} -c${load.connections} -d${load.seconds}s on 127.0.0.1; nginx ${args['nginx-workers']} worker(s); Aviso one process`,
  );
  console.log(
    `${'target'.padEnd(40)}${'server'.padEnd(7)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'errors'.padStart(8)}`,
  );
  let peakMiB = idleMiB;
  const ratios: string[] = [];
  for (const copy of copies) {
    const measured = await peakRss(aviso.pid ?? 0, () => wrk({ url: avisoUrl + copy.avisoPath, headers: copy.requestHeaders, ...load }));
    peakMiB = Math.max(peakMiB, measured.peakMiB);
    const fromNginx = await wrk({ url: nginxUrl + copy.path, headers: copy.requestHeaders, ...load });
    console.log(row(copy.label, 'aviso', measured.result));
    console.log(row('', 'nginx', fromNginx));
    const ratio = measured.result.requestsPerSecond / fromNginx.requestsPerSecond;
    console.log(`${''.padEnd(40)}ratio aviso/nginx ${ratio.toFixed(2)}`);
    ratios.push(`${copy.label}: ${ratio.toFixed(2)}`);
  }

  // The data changes every second while `/` is under load: no stall, every change shown.
  const database = openDatabase({ kind: 'sqlite', file: join(dataDir, 'aviso.sqlite') });
  const ctx: Ctx = { db: database.db, clock: systemClock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
  const first = copies[0];
  const [changing, seenAfter] = await Promise.all([
    peakRss(aviso.pid ?? 0, () => wrk({ url: `${avisoUrl}/`, headers: first?.requestHeaders ?? {}, ...load })),
    changeEverySecond(ctx, `${avisoUrl}/`, Math.max(1, load.seconds - 1)),
  ]);
  await database.close();
  peakMiB = Math.max(peakMiB, changing.peakMiB);
  console.log(row('/ (br), data changing every 1 s', 'aviso', changing.result));
  const sorted = [...seenAfter].sort((a, b) => a - b);
  console.log(
    `change visible on / after: median ${pct(sorted, 50)} ms, max ${sorted.at(-1)} ms (${sorted.length} changes, written by another process, seen through the revision poll)`,
  );

  console.log(`\nAviso resident memory: idle ${idleMiB.toFixed(1)} MiB, under load (peak) ${peakMiB.toFixed(1)} MiB`);
  console.log(`ratios aviso/nginx: ${ratios.join('; ')}`);
} finally {
  stopAll();
}

async function waitForNginx(url: string): Promise<Fetched> {
  for (let i = 0; i < 50; i++) {
    const fetched = await fetchRaw(url).catch(() => undefined);
    if (fetched !== undefined) return fetched;
    await sleep(100);
  }
  throw new Error(`nginx did not answer at ${url}; see its error log`);
}
