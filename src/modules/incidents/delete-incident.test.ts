import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listAuditEvents } from '../audit/index.ts';
import { createComponent, listStatusChanges } from '../components/index.ts';
import { deleteIncident, getIncident, openIncident } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('deleteIncident', () => {
  test('deletes the incident and its updates but keeps the component history it wrote', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const incident = await openIncident(t.ctx, { name: 'Errors', components: { [api.id]: 'major_outage' } });
    const deleted = await deleteIncident(t.ctx, incident.id);
    assert.equal(deleted.id, incident.id);
    await assert.rejects(getIncident(t.ctx, incident.id), { code: 'incident_not_found' });
    assert.equal((await listStatusChanges(t.ctx.db, api.id)).length, 2);
    const [entry] = await listAuditEvents(t.ctx, { entityId: incident.id });
    assert.equal(entry?.action, 'incident.delete');
    assert.equal((entry?.before as { name: string }).name, 'Errors');
  });

  test('an unknown id is refused', async () => {
    await assert.rejects(deleteIncident(t.ctx, 'aaaaaaaaaaaa'), { code: 'incident_not_found' });
  });
});
