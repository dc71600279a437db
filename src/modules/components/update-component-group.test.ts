import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createComponent, createComponentGroup, listComponentsInOrder, updateComponentGroup } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

const layout = async () => (await listComponentsInOrder(t.ctx)).map((c) => (c.groupId === null ? c.name : `  ${c.name}`));

describe('updateComponentGroup', () => {
  test('renames the group and sets its members exactly, in order; those left out go to the top level', async () => {
    const cdn = await createComponent(t.ctx, { name: 'CDN' });
    const dns = await createComponent(t.ctx, { name: 'DNS' });
    const web = await createComponent(t.ctx, { name: 'Web' });
    const group = await createComponentGroup(t.ctx, { name: 'Edge', componentIds: [cdn.id, dns.id] });
    const updated = await updateComponentGroup(t.ctx, group.id, {
      name: 'Edge network',
      description: 'Where traffic enters.',
      componentIds: [web.id, dns.id],
    });
    assert.equal(updated.name, 'Edge network');
    assert.equal(updated.description, 'Where traffic enters.');
    assert.deepEqual(await layout(), ['Edge network', '  Web', '  DNS', 'CDN']);
  });

  test('an empty group, a component that is not a group, or an unknown member is refused and nothing moves', async () => {
    const cdn = await createComponent(t.ctx, { name: 'CDN' });
    const dns = await createComponent(t.ctx, { name: 'DNS' });
    const group = await createComponentGroup(t.ctx, { name: 'Edge', componentIds: [cdn.id, dns.id] });
    const before = await layout();
    await assert.rejects(updateComponentGroup(t.ctx, group.id, { componentIds: [] }), (error: Error) =>
      /a group needs at least one component/.test(error.message),
    );
    await assert.rejects(updateComponentGroup(t.ctx, cdn.id, { name: 'Not a group' }), { code: 'component_not_found' });
    await assert.rejects(updateComponentGroup(t.ctx, group.id, { name: 'Renamed', componentIds: [cdn.id, 'aaaaaaaaaaaa'] }), {
      code: 'component_not_found',
    });
    await assert.rejects(updateComponentGroup(t.ctx, group.id, { componentIds: [group.id] }), { code: 'component_group_invalid' });
    assert.deepEqual(await layout(), before);
  });
});
