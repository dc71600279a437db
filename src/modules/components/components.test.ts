import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import {
  createComponent,
  createComponentGroup,
  deleteComponent,
  listComponentsInOrder,
  listStatusChanges,
  updateComponent,
} from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('components and groups', () => {
  test('components are listed in page order with groups before their children', async () => {
    await createComponent(t.ctx, { name: 'API' });
    const cdn = await createComponent(t.ctx, { name: 'CDN' });
    const dns = await createComponent(t.ctx, { name: 'DNS' });
    const group = await createComponentGroup(t.ctx, { name: 'Edge', componentIds: [dns.id, cdn.id] });
    const names = (await listComponentsInOrder(t.ctx)).map((c) => `${c.name}@${c.position}`);
    assert.deepEqual(names, ['API@1', 'Edge@4', 'DNS@1', 'CDN@2']);
    assert.equal(group.isGroup, true);
    assert.match(group.id, /^[0-9a-z]{12}$/);
  });

  test('a group shows the worst status of its children', async () => {
    const a = await createComponent(t.ctx, { name: 'A' });
    const b = await createComponent(t.ctx, { name: 'B' });
    const group = await createComponentGroup(t.ctx, { name: 'G', componentIds: [a.id, b.id] });
    await updateComponent(t.ctx, a.id, { status: 'degraded_performance' });
    await updateComponent(t.ctx, b.id, { status: 'partial_outage' });
    const listed = await listComponentsInOrder(t.ctx);
    assert.equal(listed.find((c) => c.id === group.id)?.status, 'partial_outage');
  });

  test('every status change is recorded with its time and cause', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    t.clock.advance(60_000);
    await updateComponent(t.ctx, api.id, { status: 'major_outage' });
    t.clock.advance(60_000);
    await updateComponent(t.ctx, api.id, { status: 'operational' }, { cause: 'monitor', causeId: null });
    const history = await listStatusChanges(t.ctx.db, api.id);
    assert.deepEqual(
      history.map((h) => [h.status, h.changedAt.toISOString(), h.cause]),
      [
        ['operational', '2025-11-20T12:00:00.000Z', 'manual'],
        ['major_outage', '2025-11-20T12:01:00.000Z', 'manual'],
        ['operational', '2025-11-20T12:02:00.000Z', 'monitor'],
      ],
    );
  });

  test('deleting the last component of a group deletes the group; deleting a group keeps its components', async () => {
    const a = await createComponent(t.ctx, { name: 'A' });
    const b = await createComponent(t.ctx, { name: 'B' });
    const c = await createComponent(t.ctx, { name: 'C' });
    const g1 = await createComponentGroup(t.ctx, { name: 'G1', componentIds: [a.id] });
    const g2 = await createComponentGroup(t.ctx, { name: 'G2', componentIds: [b.id, c.id] });
    await deleteComponent(t.ctx, a.id);
    await deleteComponent(t.ctx, g2.id);
    const listed = await listComponentsInOrder(t.ctx);
    assert.deepEqual(
      listed.map((x) => [x.name, x.groupId]),
      [
        ['B', null],
        ['C', null],
      ],
    );
    assert.equal(
      listed.some((x) => x.id === g1.id),
      false,
    );
  });

  test('a group cannot go inside a group, nor a component under a component', async () => {
    const a = await createComponent(t.ctx, { name: 'A' });
    const b = await createComponent(t.ctx, { name: 'B' });
    const g = await createComponentGroup(t.ctx, { name: 'G', componentIds: [a.id] });
    await assert.rejects(createComponent(t.ctx, { name: 'X', groupId: b.id }), { code: 'component_group_invalid' });
    await assert.rejects(createComponentGroup(t.ctx, { name: 'H', componentIds: [g.id] }), { code: 'component_group_invalid' });
  });

  test('a bad input is refused and changes nothing', async () => {
    await assert.rejects(createComponent(t.ctx, { name: '' }), { name: 'ZodError' });
    await assert.rejects(createComponent(t.ctx, { name: 'X', groupId: 'aaaaaaaaaaaa' }), { code: 'component_not_found' });
    assert.equal((await listComponentsInOrder(t.ctx)).length, 0);
  });

  test('every write bumps the data revision', async () => {
    const before = t.ctx.revisions.current;
    await createComponent(t.ctx, { name: 'A' });
    assert.equal(t.ctx.revisions.current, before + 1);
  });
});
