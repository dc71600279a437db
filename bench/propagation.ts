/**
 * How soon a write on one instance shows on another's page under steady public load: two Aviso
 * processes (`npm start`, dist/) on one PostgreSQL of the bench's own (a private cluster, never the
 * shared server), the example page (six languages, so the background rendering of the whole site
 * has plenty to do), a paced load of `--rate` requests a second on B's pages and API, and a new
 * component written on A every `--every` seconds; each lag is from A's 201 to the component's name
 * appearing on B's `/`. Prints p50, p90 and max per rate. Target (issue 10): within 1 s.
 *
 *   node --import tsx bench/propagation.ts --rates 50,200 --writes 20
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runAviso } from '../test/support/cli.ts';
import { startPrivatePostgres } from '../test/support/private-postgres.ts';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.ts';

const { values: args } = parseArgs({
  options: {
    rates: { type: 'string', default: '50,200' },
    writes: { type: 'string', default: '20' },
    every: { type: 'string', default: '1' },
    settle: { type: 'string', default: '20' },
  },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadUrls = ['/', '/?locale=en', '/?locale=ru', '/api/v2/summary.json', '/history', '/api/v2/status.json', '/uptime', '/history.atom'];

/** `rate` requests a second spread over the URLs, each started on schedule whatever the previous ones do. */
function pacedLoad(server: ServerProcess, rate: number) {
  let running = true;
  let sent = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  const loop = (async () => {
    while (running) {
      const due = started + (sent * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      const url = loadUrls[sent++ % loadUrls.length] as string;
      const request = fetch(server.baseUrl + url, { headers: { 'accept-encoding': 'br' } })
        .then((r) => r.arrayBuffer().then(() => void (r.status !== 200 && failed++)))
        .catch(() => void failed++)
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await Promise.all(inFlight);
      return { sent, failed, seconds: (Date.now() - started) / 1000 };
    },
  };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;

if (spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const postgres = await startPrivatePostgres();
const dir = mkdtempSync(join(tmpdir(), 'aviso-propagation-'));
const servers: ServerProcess[] = [];
try {
  const env = (name: string) => ({
    DATABASE_URL: postgres.url,
    AVISO_DATA_DIR: join(dir, name),
    AVISO_ACCESS_LOG: 'off',
    AVISO_LOG_LEVEL: 'info',
  });
  const a = await startServerProcess(env('a'));
  servers.push(a);
  const b = await startServerProcess(env('b'));
  servers.push(b);
  const key = (await runAviso(env('cli'), 'api-key', 'create', '--name', 'bench', '--scope', 'write')).stdout.trim();
  await sleep(Number(args.settle) * 1000);
  for (const rate of args.rates.split(',').map(Number)) {
    const load = pacedLoad(b, rate);
    await sleep(3000);
    const lags: number[] = [];
    for (let i = 0; i < Number(args.writes); i++) {
      const name = `Propagation ${rate}-${i}-${Date.now()}`;
      const response = await fetch(`${a.baseUrl}/api/v1/components`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      if (response.status !== 201) throw new Error(`write ${response.status}: ${await response.text()}`);
      const writtenAt = performance.now();
      for (;;) {
        const page = await fetch(`${b.baseUrl}/`).then((r) => r.text());
        if (page.includes(name)) break;
        if (performance.now() - writtenAt > 30_000) throw new Error(`${name} not on B after 30 s`);
        await sleep(5);
      }
      lags.push(performance.now() - writtenAt);
      await sleep(Number(args.every) * 1000);
    }
    const done = await load.stop();
    const f = (ms: number) => `${Math.round(ms)} ms`;
    console.log(
      `${rate} req/s asked (${Math.round(done.sent / done.seconds)} sent/s, ${done.failed} failed): ` +
        `write on A → visible on B's / p50 ${f(percentile(lags, 50))}, p90 ${f(percentile(lags, 90))}, max ${f(Math.max(...lags))} (${lags.length} writes)`,
    );
  }
} finally {
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => server.exited));
  await postgres.destroy();
  rmSync(dir, { recursive: true, force: true });
}
