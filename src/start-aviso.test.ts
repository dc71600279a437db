import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmdirSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { loadConfig, type Config } from './config.ts';
import { createComponent } from './modules/components/index.ts';
import { silentLogger } from './shared/logger.ts';
import { startAviso, type StartedAviso } from './start-aviso.ts';
import { createSharedDatabase, type SharedDatabase } from '../test/support/shared-database.ts';

const retryMs = { first: 50, max: 200 };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A TCP hop to the real PostgreSQL, opened later on a port that was closed: "the database is back". */
async function forward(port: number, to: { host: string; port: number }): Promise<() => Promise<void>> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(to.port, to.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => [client, upstream].forEach((s) => s.destroy()));
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
}

/**
 * Makes the database of `config` unreachable and returns the configuration that fails plus the way
 * to bring it back: PostgreSQL behind a closed port, or a SQLite file path blocked by a directory.
 */
async function cutOff(config: Config): Promise<{ config: Config; restore: () => Promise<() => Promise<void>> }> {
  const env = { AVISO_EXAMPLE: 'none', AVISO_LOG_LEVEL: 'silent', HOST: '127.0.0.1', AVISO_DATA_DIR: config.dataDir };
  if (config.database.kind === 'postgres') {
    const real = new URL(config.database.url);
    const port = await freePort();
    const closed = new URL(real);
    closed.port = String(port);
    return {
      config: loadConfig({ ...env, DATABASE_URL: closed.toString() }),
      restore: () => forward(port, { host: real.hostname, port: Number(real.port || 5432) }),
    };
  }
  const file = config.database.file;
  renameSync(file, `${file}.aside`);
  mkdirSync(file);
  return {
    config: loadConfig(env),
    restore: async () => {
      rmdirSync(file);
      renameSync(`${file}.aside`, file);
      return async () => {};
    },
  };
}

async function get(instance: StartedAviso, url: string, headers: Record<string, string> = {}) {
  return instance.aviso.app.inject({ method: 'GET', url, headers });
}

describe('starting while the database cannot be reached', () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const track = async (started: StartedAviso) => {
    cleanups.push(() => started.close());
    return started;
  };
  const shared = async (): Promise<SharedDatabase> => {
    const created = await createSharedDatabase();
    cleanups.push(() => created.close());
    return created;
  };

  it('serves the last good page with its ETag, says why it is not ready, then recovers by itself', async () => {
    const config = (await shared()).config('instance');
    const firstRun = await startAviso({ config, log: silentLogger });
    const served = await get(firstRun, '/', { 'accept-encoding': 'br' });
    assert.equal(served.statusCode, 200);
    // A change the page on disk does not show yet (the background rendering of the whole site, which
    // would keep it, is stopped first).
    await firstRun.aviso.siteRenderer?.stop();
    await createComponent(firstRun.aviso.deps.ctx, { name: 'Payments API' });
    await firstRun.close();

    const outage = await cutOff(config);
    const offline = await track(await startAviso({ config: outage.config, log: silentLogger, retryMs }));
    const kept = await get(offline, '/', { 'accept-encoding': 'br' });
    assert.equal(kept.statusCode, 200);
    assert.equal(kept.headers['content-encoding'], served.headers['content-encoding']);
    // The page as it was kept, not the change made after it, with a note saying when it was made.
    const keptPage = brotliDecompressSync(kept.rawPayload).toString('utf8');
    assert.doesNotMatch(keptPage, /Payments API/);
    assert.match(keptPage, /class="kept-copy"/);
    assert.ok(kept.headers['x-aviso-last-updated']);
    assert.equal((await get(offline, '/', { 'if-none-match': String(kept.headers['etag']) })).statusCode, 304);

    const readiness = await get(offline, '/readyz');
    assert.equal(readiness.statusCode, 503);
    assert.match(readiness.json().checks.database.message, /cannot reach the (postgres|sqlite) database/);
    assert.equal((await get(offline, '/healthz')).statusCode, 200);

    cleanups.push(await outage.restore());
    await offline.connected;
    const fresh = await get(offline, '/');
    assert.equal(fresh.statusCode, 200);
    assert.match(fresh.body, /Payments API/);
    assert.notEqual(fresh.headers['etag'], served.headers['etag']);
    assert.equal((await get(offline, '/readyz')).statusCode, 200);
  });

  it('answers 503 database_unavailable for a page it never kept, while /healthz says alive', async () => {
    const config = (await shared()).config('never-served');
    const firstRun = await startAviso({ config, log: silentLogger });
    await firstRun.close();
    const outage = await cutOff(config);
    const offline = await track(await startAviso({ config: outage.config, log: silentLogger, retryMs }));
    const page = await get(offline, '/');
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /database_unavailable|cannot be reached/);
    assert.equal((await get(offline, '/healthz')).statusCode, 200);
    assert.equal((await get(offline, '/readyz')).statusCode, 503);
    cleanups.push(await outage.restore());
  });
});
