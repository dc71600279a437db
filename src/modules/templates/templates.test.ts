import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listAuditEvents } from '../audit/index.ts';
import { createComponent, createComponentGroup } from '../components/index.ts';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './index.ts';

describe('incident templates', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  test('a template is created with defaults, listed by name, edited and deleted', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const outage = await createTemplate(t.ctx, {
      name: 'Outage',
      title: 'API errors',
      body: 'We are looking into errors.',
      componentIds: [api.id],
    });
    await createTemplate(t.ctx, { name: 'Degraded', title: 'Slow responses' });
    assert.equal(outage.updateStatus, 'investigating');
    assert.equal(outage.shouldSendNotifications, true);
    assert.deepEqual(
      (await listTemplates(t.ctx)).map((x) => x.name),
      ['Degraded', 'Outage'],
    );

    t.clock.advance(1000);
    const edited = await updateTemplate(t.ctx, outage.id, { updateStatus: 'identified', shouldSendNotifications: false });
    assert.equal(edited.title, 'API errors');
    assert.equal(edited.updateStatus, 'identified');
    assert.deepEqual(await getTemplate(t.ctx, outage.id), edited);

    await deleteTemplate(t.ctx, outage.id);
    await assert.rejects(getTemplate(t.ctx, outage.id), { code: 'template_not_found' });
    const actions = (await listAuditEvents(t.ctx, { entityType: 'incident_template' })).map((e) => e.action);
    assert.deepEqual(actions, [
      'incident_template.delete',
      'incident_template.update',
      'incident_template.create',
      'incident_template.create',
    ]);
  });

  test('unknown components, groups and bad fields are refused and nothing is stored', async () => {
    const a = await createComponent(t.ctx, { name: 'A' });
    const group = await createComponentGroup(t.ctx, { name: 'G', componentIds: [a.id] });
    await assert.rejects(createTemplate(t.ctx, { name: 'X', title: 'X', componentIds: ['zzzzzzzzzzzz'] }), { code: 'component_not_found' });
    await assert.rejects(createTemplate(t.ctx, { name: 'X', title: 'X', componentIds: [group.id] }), { code: 'component_group_invalid' });
    await assert.rejects(createTemplate(t.ctx, { name: '', title: 'X' }), (e: any) => e.issues[0].path[0] === 'name');
    await assert.rejects(
      createTemplate(t.ctx, { name: 'X', title: 'X', updateStatus: 'exploded' as never }),
      (e: any) => e.issues[0].path[0] === 'updateStatus',
    );
    assert.deepEqual(await listTemplates(t.ctx), []);
  });
});
