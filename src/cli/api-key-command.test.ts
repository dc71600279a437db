import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadTestDatabase, loadConfig } from '../config.ts';
import { authenticateApiKey } from '../modules/accounts/index.ts';
import { systemClock } from '../shared/clock.ts';
import { openDatabase } from '../storage/database.ts';
import { createTestDatabase } from '../../test/support/test-db.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/aviso.js', import.meta.url).pathname;

async function aviso(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...env, AVISO_LOG_LEVEL: 'silent' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('aviso api-key create prints a working key once; list never shows it; revoke stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aviso-cli-keys-'));
  const pg = loadTestDatabase().kind === 'postgres' ? await createTestDatabase() : undefined;
  const env: Record<string, string> = { AVISO_DATA_DIR: dir, ...(pg?.target.kind === 'postgres' && { DATABASE_URL: pg.target.url }) };
  try {
    const created = await aviso(env, 'api-key', 'create', '--name', 'Deploy bot', '--scope', 'write');
    assert.equal(created.code, 0, created.stderr);
    const key = created.stdout.trim();
    assert.match(key, /^avk_[A-Za-z0-9_-]{43}$/);
    assert.match(created.stderr, /cannot be shown again/);

    const database = openDatabase(loadConfig(env).database);
    try {
      const auth = await authenticateApiKey({ db: database.db, clock: systemClock }, key);
      assert.equal(auth?.scope, 'write');
      assert.equal(auth?.actor.name, 'Deploy bot');

      const listed = await aviso(env, 'api-key', 'list');
      assert.match(listed.stdout, /Deploy bot/);
      assert.equal(listed.stdout.includes(key), false);

      const revoked = await aviso(env, 'api-key', 'revoke', auth!.keyId);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.equal(await authenticateApiKey({ db: database.db, clock: systemClock }, key), null);
    } finally {
      await database.close();
    }

    const bad = await aviso(env, 'api-key', 'create', '--name', 'x', '--scope', 'admin');
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /Allowed choices are read, write/);
    const unknown = await aviso(env, 'api-key', 'revoke', 'nosuchkey000');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No API key has the id "nosuchkey000"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await pg?.close();
  }
});
