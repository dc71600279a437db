/**
 * The compiled build (what `npm start` runs: plain node on dist/) against the previous way (node
 * with the tsx loader on src/), in one run: cold start to /readyz 200 on the example, resident
 * memory idle and under bench:page's load (wrk on `/`, brotli), and `npx aviso --help`.
 * Targets: idle < 100 MiB, under load < 150 MiB, --help < 1 s, cold start < 2 s. See bench/README.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { wrk } from './page-load-wrk.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    runs: { type: 'string', default: '5' },
    settle: { type: 'string', default: '15' },
  },
});
const settleMs = Number(args.settle) * 1000;
const load = { seconds: Number(args.seconds), connections: Number(args.connections), threads: 2 };
const runs = Number(args.runs);

if (spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const ways = [
  { name: 'compiled (npm start)', command: ['--max-semi-space-size=1', 'dist/main.js'], cli: ['bin/aviso.js'] },
  { name: 'tsx loader (before)', command: ['--import', 'tsx', 'src/main.ts'], cli: ['--import', 'tsx', 'src/cli/aviso.ts'] },
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Starts a server, returns it and the milliseconds from spawn to the first 200 from /readyz. */
async function start(command: string[], dataDir: string): Promise<{ child: ChildProcess; url: string; readyMs: number }> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, command, {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      AVISO_DATA_DIR: dataDir,
      AVISO_EXAMPLE: 'kinescope',
      AVISO_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, url, readyMs: performance.now() - began };
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (performance.now() - began > 60_000) throw new Error('not ready after 60 s');
    await sleep(10);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function timeCommand(file: string, commandArgs: string[]): number {
  const began = performance.now();
  const result = spawnSync(file, commandArgs, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${file} ${commandArgs.join(' ')} exited with ${result.status}`);
  return performance.now() - began;
}

const rows: string[][] = [];
for (const way of ways) {
  const dir = mkdtempSync(join(tmpdir(), 'aviso-bench-runtime-'));
  try {
    // Cold start on an empty data directory (the example is loaded), then again on the same data.
    const first = await start(way.command, dir);
    await stop(first.child);
    const colds: number[] = [];
    for (let i = 0; i < runs; i++) {
      const again = await start(way.command, dir);
      colds.push(again.readyMs);
      if (i < runs - 1) await stop(again.child);
      else {
        const { child, url } = again;
        const pid = child.pid ?? 0;
        // Idle: no request for `settle` seconds after the start, and again after a warm-up load.
        await sleep(settleMs);
        const idleFresh = rssMiB(pid);
        await wrk({ url: `${url}/`, headers: { 'accept-encoding': 'br' }, ...load, seconds: 3 });
        await sleep(settleMs);
        const idleWarm = rssMiB(pid);
        let peak = idleWarm;
        const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 100);
        const loaded = await wrk({ url: `${url}/`, headers: { 'accept-encoding': 'br' }, ...load });
        clearInterval(timer);
        await stop(child);
        const helps = Array.from({ length: runs }, () => timeCommand(process.execPath, [...way.cli, '--help']));
        rows.push([
          way.name,
          first.readyMs.toFixed(0),
          median(colds).toFixed(0),
          idleFresh.toFixed(1),
          idleWarm.toFixed(1),
          peak.toFixed(1),
          loaded.requestsPerSecond.toFixed(0),
          median(helps).toFixed(0),
        ]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const npx = Array.from({ length: runs }, () => timeCommand('npx', ['aviso', '--help']));

const header = ['', 'first start ms', 'restart ms', 'idle MiB', 'idle warm MiB', 'load peak MiB', 'req/s', '--help ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)) + 2);
console.log(
  `\nstarts: spawn to the first /readyz 200 (median of ${runs}); idle: ${args.settle} s without requests; load: wrk -t2 -c${load.connections} -d${load.seconds}s on / (br)`,
);
for (const row of [header, ...rows])
  console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(''));
const [compiled, before] = rows;
if (compiled !== undefined && before !== undefined) {
  const ratio = (i: number) => (Number(compiled[i]) / Number(before[i])).toFixed(2);
  console.log(`ratio compiled/tsx: restart ${ratio(2)}, idle ${ratio(3)}, load peak ${ratio(5)}, req/s ${ratio(6)}, --help ${ratio(7)}`);
}
console.log(`npx aviso --help (compiled, through npx): median ${median(npx).toFixed(0)} ms of ${runs}`);
