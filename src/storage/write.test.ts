import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../test/support/test-context.ts';
import { findPage } from '../modules/page/index.ts';
import { write, writePrivately } from './write.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

const pageRow = async () => {
  const page = await findPage(t.ctx.db);
  assert.ok(page, 'the test database has its page');
  return page;
};

describe('write and writePrivately', () => {
  test('a visible change bumps the revision, in memory too, and moves the page forward in time', async () => {
    const before = await pageRow();
    t.clock.advance(60_000);
    await write(t.ctx, async (tx) => void (await tx.selectFrom('pages').select('id').execute()));
    const after = await pageRow();
    assert.equal(after.revision, before.revision + 1);
    assert.equal(t.ctx.revisions.current, after.revision);
    assert.equal(after.updatedAt.toISOString(), '2025-11-20T12:01:00.000Z');
  });

  test('the page never moves back in time, whatever the clock says', async () => {
    t.clock.set('2025-11-20T13:00:00.000Z');
    await write(t.ctx, async () => undefined);
    t.clock.set('2025-11-20T12:30:00.000Z');
    await write(t.ctx, async () => undefined);
    assert.equal((await pageRow()).updatedAt.toISOString(), '2025-11-20T13:00:00.000Z');
  });

  test('a failed change writes nothing: neither its rows nor the revision', async () => {
    const before = await pageRow();
    t.clock.advance(60_000);
    await assert.rejects(
      write(t.ctx, async (tx) => {
        await tx.updateTable('pages').set({ name: 'Half written' }).execute();
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    const after = await pageRow();
    assert.equal(after.name, before.name);
    assert.equal(after.revision, before.revision);
    assert.equal(after.updatedAt.getTime(), before.updatedAt.getTime());
  });

  test('a private change commits without touching the revision or the page', async () => {
    const before = await pageRow();
    t.clock.advance(60_000);
    await writePrivately(t.ctx, async (tx) => void (await tx.updateTable('pages').set({ name: 'Renamed quietly' }).execute()));
    const after = await pageRow();
    assert.equal(after.name, 'Renamed quietly');
    assert.equal(after.revision, before.revision);
    assert.equal(after.updatedAt.getTime(), before.updatedAt.getTime());
  });

  test('a visible change refuses to hide inside a private one, and the private one rolls back', async () => {
    const before = await pageRow();
    await assert.rejects(
      writePrivately(t.ctx, async (tx) => {
        await tx.updateTable('pages').set({ name: 'Never seen' }).execute();
        await write({ ...t.ctx, db: tx }, async () => undefined);
      }),
      /cannot join a transaction that does not bump the revision/,
    );
    assert.equal((await pageRow()).name, before.name);
  });

  test('nested visible changes share one transaction and one revision', async () => {
    const before = await pageRow();
    await write(t.ctx, async (tx) => {
      await write({ ...t.ctx, db: tx }, async () => undefined);
      await write({ ...t.ctx, db: tx }, async () => undefined);
    });
    assert.equal((await pageRow()).revision, before.revision + 1);
  });
});
