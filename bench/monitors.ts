/**
 * Monitors at scale: N HTTP monitors (default 1,000) at one interval (default 30 s) against a local
 * target in a child process (so its CPU is not ours), run by one job worker on a SQLite file with
 * the real clock. Reports checks per second achieved against the rate scheduled (the baseline: N /
 * interval, over the same window), scheduling lag (when a check started after its slot) p50/p99,
 * and this process's CPU share and peak RSS. A short run is the default; the issue asks for 5 min:
 *   npm run bench:monitors -- --monitors 1000 --interval 30 --seconds 300 [--warmup 10]
 */
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { JobWorker, type JobHandlerSpec } from '../src/jobs/index.ts';
import { createComponent } from '../src/modules/components/index.ts';
import { checkJobName, createMonitor, createMonitorHandlers, monitorRecurringJobs } from '../src/modules/monitors/index.ts';
import { ensurePage } from '../src/modules/page/index.ts';
import { createOutbound } from '../src/outbound/index.ts';
import { systemClock } from '../src/shared/clock.ts';
import { systemActor, type Ctx } from '../src/shared/context.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { openDatabase } from '../src/storage/database.ts';
import { migrate } from '../src/storage/migrate.ts';
import { Revisions } from '../src/storage/revisions.ts';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};

async function runTarget(): Promise<void> {
  let count = 0;
  const server = createServer((_req, res) => {
    count++;
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send!({ port: (server.address() as AddressInfo).port });
  process.on('message', () => process.send!({ count }));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const monitors = arg('monitors', 1000);
  const interval = arg('interval', 30);
  const seconds = arg('seconds', 40);
  const child = fork(new URL(import.meta.url).pathname, ['--target'], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve((m as { port: number }).port)));
  const targetCount = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => resolve((m as { count: number }).count));
      child.send('count');
    });

  const file = join(tmpdir(), `aviso-bench-monitors-${process.pid}.sqlite`);
  const database = openDatabase({ kind: 'sqlite', file });
  await migrate(database.db);
  const ctx: Ctx = { db: database.db, clock: systemClock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
  await ensurePage(ctx, { name: 'Bench', url: 'http://127.0.0.1', timeZone: 'Etc/UTC', defaultLocale: 'en', locales: ['en'] });
  const component = await createComponent(ctx, { name: 'API' });
  for (let i = 0; i < monitors; i++)
    await createMonitor(
      ctx,
      {
        name: `m${i}`,
        kind: 'http',
        componentId: component.id,
        intervalSeconds: interval,
        timeoutMs: 5000,
        allowPrivate: true,
        settings: { url: `http://127.0.0.1:${port}/health/${i}` },
      },
      { mayAllowPrivate: true },
    );

  const outbound = createOutbound({ policy: { allowPrivate: ['127.0.0.0/8'] }, dnsServers: [] });
  const handlers = createMonitorHandlers({ outbound });
  const check = handlers[checkJobName] as JobHandlerSpec;
  const lags: number[] = [];
  let measuring = false;
  handlers[checkJobName] = {
    ...check,
    run: async (jobCtx, payload: { slot: string }, job) => {
      if (measuring) lags.push(Date.now() - Date.parse(payload.slot));
      return check.run(jobCtx, payload, job);
    },
  };
  const worker = new JobWorker({ ctx, handlers, recurring: monitorRecurringJobs, pollMs: 100, batchSize: 50 });
  worker.start();
  // The slots that passed while the monitors were being created are caught up before measuring.
  await new Promise((resolve) => setTimeout(resolve, arg('warmup', 10) * 1000));
  const before = await targetCount();
  const cpuBefore = process.cpuUsage();
  let rss = 0;
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 250);
  measuring = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const achieved = ((await targetCount()) - before) / elapsed;
  clearInterval(sampler);
  await worker.stop();
  await outbound.close();
  await database.close();
  child.kill();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });

  const scheduled = monitors / interval;
  lags.sort((a, b) => a - b);
  console.log(`${monitors} HTTP monitors every ${interval} s, measured for ${elapsed.toFixed(0)} s (SQLite, one worker)`);
  console.log(`checks/s achieved ${achieved.toFixed(1)} vs scheduled ${scheduled.toFixed(1)}: ratio ${(achieved / scheduled).toFixed(3)}`);
  console.log(`scheduling lag p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms (${lags.length} checks)`);
  console.log(
    `CPU ${(((cpu.user + cpu.system) / 1000 / (elapsed * 1000)) * 100).toFixed(1)}% of one core, peak RSS ${(rss / 1024 / 1024).toFixed(0)} MiB`,
  );
}

if (process.argv.includes('--target')) await runTarget();
else await main();
