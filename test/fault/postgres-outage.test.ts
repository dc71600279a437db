/**
 * The seed's failure, tried as an operator would: two Aviso processes (`npm start`) on one
 * PostgreSQL of the test's own, steady public load on both, and PostgreSQL stopped with
 * `pg_ctl stop -m immediate` for a few seconds and started again, five times. Run with
 * `npm run test:fault` (not part of `npm test`: it stops a database server).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runAviso } from '../support/cli.ts';
import { startPrivatePostgres } from '../support/private-postgres.ts';
import { assertBuilt, startServerProcess, type ServerProcess } from '../support/server-process.ts';

const cycles = 5;
const downMs = 3000;
// Every public surface; each is visited before the first outage, so a kept copy exists.
const publicUrls = [
  '/',
  '/?locale=ru',
  '/history',
  '/uptime',
  '/revision.json',
  '/api/v2/summary.json',
  '/api/v2/status.json',
  '/api/v2/components.json',
  '/api/v2/incidents.json',
  '/api/v2/scheduled-maintenances.json',
  '/history.atom',
  '/history.rss',
  '/maintenances.ics',
  '/badge.svg',
  '/embed.js',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Load {
  ok: number;
  failures: string[];
  stop(): Promise<void>;
}

/** Requests every public URL in turn from `workers` loops until stopped, counting what failed. */
function steadyLoad(server: ServerProcess, workers: number): Load {
  const load: Load = { ok: 0, failures: [], stop: async () => {} };
  let running = true;
  const loop = async (offset: number) => {
    for (let i = offset; running; i++) {
      const url = publicUrls[i % publicUrls.length] as string;
      try {
        const response = await fetch(server.baseUrl + url, { signal: AbortSignal.timeout(5000) });
        await response.arrayBuffer();
        if (response.status === 200) load.ok++;
        else load.failures.push(`${new Date().toISOString()} ${url} ${response.status}`);
      } catch (error) {
        load.failures.push(`${new Date().toISOString()} ${url} ${error instanceof Error ? error.message : String(error)}`);
      }
      await sleep(10);
    }
  };
  // /readyz polled as a load balancer does: it may say "not ready", it must not bring the process down.
  const probe = async () => {
    while (running) {
      await fetch(`${server.baseUrl}/readyz`).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      await sleep(250);
    }
  };
  const loops = [...Array.from({ length: workers }, (_, i) => loop(i * 3)), probe()];
  load.stop = async () => {
    running = false;
    await Promise.all(loops);
  };
  return load;
}

async function postComponent(server: ServerProcess, key: string, name: string) {
  const response = await fetch(`${server.baseUrl}/api/v1/components`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

test(
  'two instances under load survive PostgreSQL being killed and restarted, and catch up within a second',
  { timeout: 180_000 },
  async (t) => {
    assertBuilt();
    const postgres = await startPrivatePostgres();
    const dir = mkdtempSync(join(tmpdir(), 'aviso-fault-'));
    const servers: ServerProcess[] = [];
    const loads: Load[] = [];
    try {
      const env = (name: string) => ({
        DATABASE_URL: postgres.url,
        AVISO_DATA_DIR: join(dir, name),
        AVISO_LOG_LEVEL: 'info',
        AVISO_ACCESS_LOG: 'errors',
      });
      const a = await startServerProcess(env('a'));
      servers.push(a);
      const b = await startServerProcess(env('b'));
      servers.push(b);
      let crashed = 0;
      const watch = (server: ServerProcess) => void server.exited.then(() => crashed++);
      servers.forEach(watch);
      const key = (await runAviso(env('cli'), 'api-key', 'create', '--name', 'fault test', '--scope', 'write')).stdout.trim();
      assert.match(key, /\S{20,}/, 'an API key was created');
      for (const server of servers)
        for (const url of publicUrls) {
          const response = await fetch(server.baseUrl + url);
          await response.arrayBuffer();
          assert.equal(response.status, 200, `${url} is served before the outage`);
        }

      loads.push(...servers.map((server) => steadyLoad(server, 3)));
      const lags: number[] = [];
      const acceptedAfter: number[] = [];
      const refusals: string[] = [];
      const followers = [b];
      for (let cycle = 1; cycle <= cycles; cycle++) {
        await sleep(1000);
        await postgres.stopHard();
        const stoppedAt = Date.now();
        await sleep(500);
        const refused = await postComponent(a, key, `Written during outage ${cycle}`);
        assert.equal(refused.status, 503, JSON.stringify(refused.body));
        assert.equal(refused.body.error?.code, 'database_unavailable');
        assert.match(refused.body.error?.message ?? '', /database/);
        refusals.push(refused.body.error?.message ?? '');
        if (cycle === 1) {
          // A third instance started while PostgreSQL is down, with the pages A kept on disk.
          cpSync(join(dir, 'a', 'rendered'), join(dir, 'c', 'rendered'), { recursive: true });
          const c = await startServerProcess(env('c'));
          servers.push(c);
          watch(c);
          for (const url of publicUrls) {
            const response = await fetch(c.baseUrl + url);
            await response.arrayBuffer();
            assert.equal(response.status, 200, `${url} is served by an instance started during the outage`);
          }
          loads.push(steadyLoad(c, 1));
          followers.push(c);
        }
        await sleep(Math.max(0, downMs - (Date.now() - stoppedAt)));
        await postgres.start();
        const startedAt = Date.now();

        const name = `Written after outage ${cycle}`;
        let accepted = await postComponent(a, key, name);
        for (let tries = 0; accepted.status !== 201 && tries < 50; tries++) {
          await sleep(100);
          accepted = await postComponent(a, key, name);
        }
        assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
        const writtenAt = Date.now();
        acceptedAfter.push(writtenAt - startedAt);
        await Promise.all(
          followers.map(async (follower) => {
            for (;;) {
              const seen = await fetch(`${follower.baseUrl}/api/v2/components.json`).then(
                (r) => r.text(),
                () => '',
              );
              if (seen.includes(name) || Date.now() - writtenAt > 5000) break;
              await sleep(10);
            }
            lags.push(Date.now() - writtenAt);
          }),
        );
        assert.equal(crashed, 0, `an instance exited in cycle ${cycle}:\n${servers.map((s) => s.output().slice(-3000)).join('\n---\n')}`);
      }
      await Promise.all(loads.map((load) => load.stop()));

      const served = loads.reduce((sum, load) => sum + load.ok, 0);
      const failures = loads.flatMap((load) => load.failures);
      const summary =
        `${cycles} cycles of ${downMs / 1000} s down: ${crashed} crashed instances, ${served} public requests served, ` +
        `${failures.length} failed; A took a write ${acceptedAfter.join(', ')} ms after PostgreSQL was back; ` +
        `it was visible on B (and C, started during the first outage) after ${lags.join(', ')} ms (worst ${Math.max(...lags)} ms); ` +
        `during the outage a write answered 503: "${refusals[0]}"`;
      console.log(summary);
      t.diagnostic(summary);
      assert.equal(crashed, 0);
      assert.deepEqual(failures.slice(0, 20), [], `${failures.length} public requests failed`);
      assert.ok(served > 1000, `steady load (${served} requests)`);
      for (const lag of lags) assert.ok(lag <= 1000, `a write on A showed on another instance after ${lag} ms`);
    } finally {
      await Promise.all(loads.map((load) => load.stop()));
      for (const server of servers) server.child.kill('SIGTERM');
      await Promise.all(servers.map((server) => server.exited));
      await postgres.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
