import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listAuditEvents } from '../audit/index.ts';
import { createComponent } from '../components/index.ts';
import { getIncident, openIncident, updateIncident } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('updateIncident', () => {
  test('renames, overrides the impact, attaches components and backdates the start, without posting an update', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const incident = await openIncident(t.ctx, { name: 'Errors', components: { [api.id]: 'partial_outage' } });
    const web = await createComponent(t.ctx, { name: 'Web' });
    const updated = await updateIncident(t.ctx, incident.id, {
      name: 'Web and API errors',
      impactOverride: 'critical',
      componentIds: [api.id, web.id, web.id],
      startedAt: new Date('2025-11-20T11:40:00Z'),
    });
    assert.equal(updated.name, 'Web and API errors');
    assert.equal(updated.impact, 'critical');
    assert.deepEqual(updated.componentIds, [api.id, web.id]);
    assert.equal(updated.startedAt.toISOString(), '2025-11-20T11:40:00.000Z');
    assert.equal(updated.updates.length, 1);
    // Lifting the override gives the derived impact back.
    assert.equal((await updateIncident(t.ctx, incident.id, { impactOverride: null })).impact, 'major');
    assert.equal((await listAuditEvents(t.ctx, { entityId: incident.id }))[0]?.action, 'incident.update');
  });

  test('an unknown component changes nothing', async () => {
    const incident = await openIncident(t.ctx, { name: 'Errors' });
    await assert.rejects(updateIncident(t.ctx, incident.id, { name: 'Renamed', componentIds: ['aaaaaaaaaaaa'] }), {
      code: 'component_not_found',
    });
    assert.equal((await getIncident(t.ctx, incident.id)).name, 'Errors');
  });
});
