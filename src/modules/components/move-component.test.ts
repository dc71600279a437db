import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createComponent, createComponentGroup, listComponentsInOrder, moveComponent } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

const order = async () => (await listComponentsInOrder(t.ctx)).map((c) => `${c.name}@${c.position}`);

describe('moveComponent', () => {
  test('swaps a component with its neighbour among its siblings only, numbering them 1, 2, 3', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const eu = await createComponent(t.ctx, { name: 'EU' });
    const us = await createComponent(t.ctx, { name: 'US' });
    await createComponentGroup(t.ctx, { name: 'Regions', componentIds: [eu.id, us.id] });
    await createComponent(t.ctx, { name: 'Web' });
    assert.deepEqual(await order(), ['API@1', 'Regions@4', 'EU@1', 'US@2', 'Web@5']);
    await moveComponent(t.ctx, api.id, 'down');
    assert.deepEqual(await order(), ['Regions@1', 'EU@1', 'US@2', 'API@2', 'Web@3']);
    await moveComponent(t.ctx, us.id, 'up');
    assert.deepEqual(await order(), ['Regions@1', 'US@1', 'EU@2', 'API@2', 'Web@3']);
  });

  test('the first cannot go up nor the last down: the order stays as it was', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const web = await createComponent(t.ctx, { name: 'Web' });
    const before = await order();
    await moveComponent(t.ctx, api.id, 'up');
    await moveComponent(t.ctx, web.id, 'down');
    assert.deepEqual(await order(), before);
    await assert.rejects(moveComponent(t.ctx, 'aaaaaaaaaaaa', 'up'), { code: 'component_not_found' });
    await assert.rejects(moveComponent(t.ctx, api.id, 'sideways' as 'up'), { name: 'ZodError' });
  });
});
