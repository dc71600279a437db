import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config.ts';
import { authenticateApiKey } from '../modules/accounts/index.ts';
import { systemClock } from '../shared/clock.ts';
import { openDatabase } from '../storage/database.ts';
import { cliEnvironment, runAviso } from '../../test/support/cli.ts';

test('aviso api-key create prints a working key once; list never shows it; revoke stops it', async () => {
  const { env, close } = await cliEnvironment('aviso-cli-keys-');
  try {
    const created = await runAviso(env, 'api-key', 'create', '--name', 'Deploy bot', '--scope', 'write');
    assert.equal(created.code, 0, created.stderr);
    const key = created.stdout.trim();
    assert.match(key, /^avk_[A-Za-z0-9_-]{43}$/);
    assert.match(created.stderr, /cannot be shown again/);

    const database = openDatabase(loadConfig(env).database);
    try {
      const auth = await authenticateApiKey({ db: database.db, clock: systemClock }, key);
      assert.equal(auth?.scope, 'write');
      assert.equal(auth?.actor.name, 'Deploy bot');

      const listed = await runAviso(env, 'api-key', 'list');
      assert.match(listed.stdout, /Deploy bot/);
      assert.equal(listed.stdout.includes(key), false);

      const revoked = await runAviso(env, 'api-key', 'revoke', auth!.keyId);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.equal(await authenticateApiKey({ db: database.db, clock: systemClock }, key), null);
    } finally {
      await database.close();
    }

    const bad = await runAviso(env, 'api-key', 'create', '--name', 'x', '--scope', 'owner');
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /Allowed choices are read, write, admin/);
    const unknown = await runAviso(env, 'api-key', 'revoke', 'nosuchkey000');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No API key has the id "nosuchkey000"/);
  } finally {
    await close();
  }
});
