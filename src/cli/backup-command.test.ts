import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runAviso } from '../../test/support/cli.ts';
import { assertBuilt, startServerProcess } from '../../test/support/server-process.ts';

// The SQLite backup itself, whichever database the rest of the suite runs on.
// Hooks run in the order they were added: a test that starts a server stops it in its own hook,
// added after this one, so the directory is removed last of all, once nothing writes to it.
type Server = Awaited<ReturnType<typeof startServerProcess>>;
function sqliteDirectory(t: { after(fn: () => void | Promise<void>): void }): {
  dir: string;
  env: Record<string, string>;
  /** Servers writing into this directory: stopped before it is removed. */
  servers: Server[];
} {
  const dir = mkdtempSync(join(tmpdir(), 'aviso-backup-'));
  const servers: Server[] = [];
  t.after(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });
  return { dir, env: { AVISO_DATA_DIR: dir }, servers };
}

/** Incident names in a data directory, read back through `aviso export`. */
async function incidentNames(env: Record<string, string>): Promise<Set<string>> {
  const exported = await runAviso(env, 'export');
  assert.equal(exported.code, 0, exported.stderr);
  return new Set([...exported.stdout.matchAll(/name: (write \d+)$/gm)].map((m) => m[1] as string));
}

test('a backup taken while Aviso writes restores with every write acknowledged before it began', async (t) => {
  assertBuilt();
  const live = sqliteDirectory(t);
  const key = (await runAviso(live.env, 'api-key', 'create', '--name', 'writer', '--scope', 'write')).stdout.trim();
  const server = await startServerProcess({ ...live.env, AVISO_EXAMPLE: 'none', AVISO_ACCESS_LOG: 'off' });
  live.servers.push(server);

  // One writer, one write at a time: each acknowledgement (201) is a committed write.
  const acknowledged: { n: number; at: number }[] = [];
  let writing = true;
  const writer = (async () => {
    for (let n = 1; writing; n++) {
      const response = await fetch(`${server.baseUrl}/api/v1/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `write ${n}`, status: 'investigating', body: 'Written during a backup.' }),
      });
      assert.equal(response.status, 201);
      acknowledged.push({ n, at: Date.now() });
    }
  })();
  while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 20));

  const file = join(live.dir, 'backup.sqlite');
  const startedAt = Date.now();
  const backup = await runAviso(live.env, 'backup', file);
  const finishedAt = Date.now();
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /^Backed up .*aviso\.sqlite to .*backup\.sqlite \(\d+\.\d MiB, data revision \d+\)\.\n$/);
  while (acknowledged.filter((a) => a.at > finishedAt).length < 10) await new Promise((resolve) => setTimeout(resolve, 20));
  writing = false;
  await writer;

  const restored = sqliteDirectory(t);
  const restore = await runAviso(restored.env, 'restore', file);
  assert.equal(restore.code, 0, restore.stderr);
  const names = await incidentNames(restored.env);
  const before = acknowledged.filter((a) => a.at < startedAt);
  for (const { n } of before) assert.ok(names.has(`write ${n}`), `write ${n}, acknowledged before the backup, is in it`);
  // A consistent copy of one moment: the writes it holds are exactly the first k, with no gap.
  const held = [...names].map((name) => Number(name.slice('write '.length))).sort((a, b) => a - b);
  assert.deepEqual(
    held,
    Array.from({ length: held.length }, (_, i) => i + 1),
  );
  assert.ok(held.length < acknowledged.length, 'writes acknowledged after the backup are not in it');
  assert.ok(held.length >= before.length);
});

test('restore refuses to replace the database of a running Aviso, and keeps the database it replaces', async (t) => {
  assertBuilt();
  const live = sqliteDirectory(t);
  const server = await startServerProcess({ ...live.env, AVISO_EXAMPLE: 'kinescope' });
  live.servers.push(server);
  const file = join(live.dir, 'kinescope.sqlite');
  assert.equal((await runAviso(live.env, 'backup', file)).code, 0);

  const refused = await runAviso(live.env, 'restore', file);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /^aviso: Aviso is running on this database \(pid \d+ on .+\): stop it first\./);
  assert.equal((await fetch(`${server.baseUrl}/readyz`)).status, 200, 'the running instance was not disturbed');

  server.child.kill('SIGTERM');
  assert.equal((await server.exited).code, 0);
  const restored = await runAviso(live.env, 'restore', file);
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, /The database it replaced is kept as .*aviso\.sqlite\.before-restore-/);
  assert.equal(readdirSync(live.dir).filter((f) => /^aviso\.sqlite\.before-restore-[^.]+$/.test(f)).length, 1);
  assert.match((await runAviso(live.env, 'export')).stdout, /name: Kinescope/);
});

test('restore refuses a file that is not an Aviso backup and changes nothing', async (t) => {
  const live = sqliteDirectory(t);
  assert.equal((await runAviso({ ...live.env, AVISO_EXAMPLE: 'kinescope' }, 'migrate')).code, 0);
  const junk = join(live.dir, 'junk.sqlite');
  writeFileSync(junk, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
  const refused = await runAviso(live.env, 'restore', junk);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /junk\.sqlite is not a SQLite database/);
  assert.doesNotMatch(refused.stderr, /\n\s+at /);
  assert.equal(existsSync(join(live.dir, 'aviso.sqlite')), true);
  assert.deepEqual(
    readdirSync(live.dir).filter((f) => f.includes('before-restore')),
    [],
  );

  const missing = await runAviso(live.env, 'restore', join(live.dir, 'nothing-here.sqlite'));
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nothing-here\.sqlite does not exist/);
  const postgres = await runAviso({ ...live.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' }, 'backup', junk);
  assert.match(postgres.stderr, /uses PostgreSQL: back it up with pg_dump/);
});
