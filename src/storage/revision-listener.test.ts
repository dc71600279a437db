import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createComponent } from '../modules/components/index.ts';
import { silentLogger } from '../shared/logger.ts';
import { startAviso, type StartedAviso } from '../start-aviso.ts';
import { createSharedDatabase, type SharedDatabase } from '../../test/support/shared-database.ts';

/** Asks until the answer is true; a change must reach the other instance within the bound. */
async function within(boundMs: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function pageOf(instance: StartedAviso): Promise<string> {
  const response = await instance.aviso.app.inject({ method: 'GET', url: '/' });
  assert.equal(response.statusCode, 200);
  return response.body;
}

describe('two instances on one database', () => {
  let shared: SharedDatabase;
  let first: StartedAviso;
  let second: StartedAviso;

  before(async () => {
    shared = await createSharedDatabase();
    first = await startAviso({ config: shared.config('first'), log: silentLogger });
    second = await startAviso({ config: shared.config('second'), log: silentLogger });
  });

  after(async () => {
    await first?.close();
    await second?.close();
    await shared?.close();
  });

  it('shows a change made on one instance on the other within a second', async () => {
    assert.doesNotMatch(await pageOf(second), /Payments API/);
    await createComponent(first.aviso.deps.ctx, { name: 'Payments API' });
    assert.ok(
      await within(1000, async () => (await pageOf(second)).includes('Payments API')),
      'the second instance still shows the old page',
    );
    assert.equal(second.aviso.deps.ctx.revisions.current, first.aviso.deps.ctx.revisions.current);
  });

  it('keeps following changes after the connection to the database was cut', async () => {
    // On PostgreSQL this cuts the LISTEN connection; the listener reconnects and catches up.
    if (second.database.kind === 'postgres') {
      const cut =
        await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`.execute(
          first.aviso.deps.ctx.db,
        );
      assert.ok(cut.rows.length >= 2, 'no LISTEN connection was found to cut');
    }
    await createComponent(first.aviso.deps.ctx, { name: 'Video Encoding' });
    assert.ok(await within(1000, async () => (await pageOf(second)).includes('Video Encoding')), 'the second instance missed the change');
  });
});
