import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';

/**
 * The database refuses writes while it still answers reads: on SQLite its file may not grow (the
 * disk is full, as `max_page_count` makes it), on PostgreSQL the database accepts no changes.
 */
async function refuseWrites(app: ApiTestApp): Promise<{ code: string; cause: RegExp }> {
  const db = app.aviso.deps.ctx.db;
  if (app.aviso.deps.database.kind === 'sqlite') {
    const { rows } = await sql<{ pageCount: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${rows[0]?.pageCount ?? 1}`).execute(db);
    return { code: 'database_full', cause: /disk holding the database is full/ };
  }
  await sql`alter database ${sql.id(await currentDatabase(app))} set default_transaction_read_only = on`.execute(db);
  await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(
    db,
  );
  await sql`select pg_terminate_backend(pg_backend_pid())`.execute(db).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { code: 'database_read_only', cause: /database is read-only/ };
}

async function allowWrites(app: ApiTestApp): Promise<void> {
  const db = app.aviso.deps.ctx.db;
  if (app.aviso.deps.database.kind === 'sqlite') {
    await sql.raw('pragma max_page_count = 1073741823').execute(db);
    return;
  }
  const name = await currentDatabase(app);
  await db.transaction().execute(async (tx) => {
    await sql`set transaction read write`.execute(tx);
    await sql`alter database ${sql.id(name)} set default_transaction_read_only = off`.execute(tx);
  });
  await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(
    db,
  );
  await sql`select pg_terminate_backend(pg_backend_pid())`.execute(db).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 200));
}

async function currentDatabase(app: ApiTestApp): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(app.aviso.deps.ctx.db);
  return rows[0]?.name ?? '';
}

describe('a database that refuses writes (disk full, read-only)', () => {
  let app: ApiTestApp;
  before(async () => {
    app = await createApiTestApp();
  });
  after(() => app.close());

  const post = (name: string) =>
    app.aviso.app.inject({
      method: 'POST',
      url: '/api/v1/components',
      headers: { authorization: `Bearer ${app.writeKey}` },
      payload: { name, description: 'x'.repeat(2000) },
    });
  const readiness = () => app.aviso.app.inject({ method: 'GET', url: '/readyz' });

  it('answers a write with 503 naming the cause, changes nothing, says read-only in /readyz, and recovers', async () => {
    assert.equal((await app.aviso.app.inject({ method: 'GET', url: '/' })).statusCode, 200);
    const expected = await refuseWrites(app);
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    const saved: string[] = [];
    for (let i = 0; i < 200 && refused === undefined; i++) {
      const response = await post(`Filler ${i}`);
      if (response.statusCode === 201) saved.push(`Filler ${i}`);
      else refused = response;
    }
    assert.ok(refused !== undefined, 'a write was refused');
    assert.equal(refused.statusCode, 503, refused.body);
    assert.equal(refused.headers['retry-after'], '5');
    const body = refused.json() as { error: { code: string; message: string } };
    assert.equal(body.error.code, expected.code);
    assert.match(body.error.message, expected.cause);
    assert.doesNotMatch(body.error.message, /SQLITE|rollback|25006/, 'the driver is not quoted to the client');

    const ready = await readiness();
    assert.equal(ready.statusCode, 503);
    assert.match(ready.json().checks.writes.message, /^read-only: /);
    assert.equal(ready.json().checks.database.ok, true, 'reads still work');
    assert.equal((await app.aviso.app.inject({ method: 'GET', url: '/' })).statusCode, 200, 'the public page is still served');

    await allowWrites(app);
    const listed = await app.aviso.app.inject({
      method: 'GET',
      url: '/api/v1/components',
      headers: { authorization: `Bearer ${app.readKey}` },
    });
    const names = (listed.json() as { components: { name: string }[] }).components.map((c) => c.name);
    assert.deepEqual(names, saved, 'the refused write changed nothing');
    assert.equal((await post('After the disk was freed')).statusCode, 201);
    assert.equal((await readiness()).statusCode, 200);
  });
});
