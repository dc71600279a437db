import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { environment, loadTestDatabase } from '../config.ts';
import { openDatabase } from './database.ts';

// Always PostgreSQL (the one at TEST_DATABASE_URL): the failure is the pg driver's, SQLite has no connection to lose.
const postgres = loadTestDatabase({ ...environment(), TEST_DB: 'postgres' });
const url = postgres.kind === 'postgres' ? postgres.url : '';

describe('a PostgreSQL connection lost while in use', () => {
  const database = openDatabase({ kind: 'postgres', url, max: 4 });
  after(() => database.close());

  it('fails the transaction holding it, keeps the process alive, and the pool serves the next query', async () => {
    let crashed: unknown;
    const onCrash = (error: unknown) => (crashed = error);
    process.on('uncaughtException', onCrash);
    try {
      const failed = await database.db
        .transaction()
        .execute(async (tx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
          // Another connection ends this one while the transaction holds it between two statements.
          await sql`select pg_terminate_backend(${rows[0]?.pid})`.execute(database.db);
          await new Promise((resolve) => setTimeout(resolve, 200));
          await sql`select 1`.execute(tx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      assert.ok(failed instanceof Error, 'the transaction on the lost connection fails');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(crashed, undefined, 'no unhandled error event');
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      assert.equal(rows[0]?.one, 1);
    } finally {
      process.off('uncaughtException', onCrash);
    }
  });
});
