import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestContext } from '../../../test/support/test-context.ts';
import { createMonitor } from '../../modules/monitors/index.ts';
import { down, up } from './0087-monitor-json-assertions.ts';

test('HTTP monitors stored before JSON assertions get none written out; an assertion and other kinds stay as they are', async (t) => {
  const c = await createTestContext();
  t.after(() => c.close());
  const plain = { name: 'Site', kind: 'http', settings: { url: 'https://example.test/' } } as const;
  const older = await createMonitor(c.ctx, plain, { mayAllowPrivate: false });
  const asserting = await createMonitor(
    c.ctx,
    { ...plain, name: 'Status', settings: { url: 'https://example.test/s.json', jsonAssertion: { path: '$.ok', expected: 'true' } } },
    { mayAllowPrivate: false },
  );
  const tcp = await createMonitor(
    c.ctx,
    { name: 'Port', kind: 'tcp', settings: { host: 'example.test', port: 22 } },
    { mayAllowPrivate: false },
  );

  const db = c.database.db as unknown as Kysely<any>;
  const settings = async (id: string) =>
    JSON.parse(
      ((await db.selectFrom('monitors').select('settings').where('id', '=', id).executeTakeFirstOrThrow()) as { settings: string })
        .settings,
    ) as Record<string, unknown>;

  await down(db);
  assert.equal('jsonAssertion' in (await settings(older.monitor.id)), false, 'as an older Aviso stored it');
  assert.equal('jsonAssertion' in (await settings(asserting.monitor.id)), false);
  const assertion = { path: '$.ok', comparison: 'equals', expected: 'true' };
  const withAssertion = JSON.stringify({ ...(await settings(asserting.monitor.id)), jsonAssertion: assertion });
  await db.updateTable('monitors').set({ settings: withAssertion }).where('id', '=', asserting.monitor.id).execute();

  await up(db);
  assert.equal((await settings(older.monitor.id))['jsonAssertion'], null);
  assert.deepEqual((await settings(asserting.monitor.id))['jsonAssertion'], assertion);
  assert.deepEqual(await settings(tcp.monitor.id), { host: 'example.test', port: 22 });
});
