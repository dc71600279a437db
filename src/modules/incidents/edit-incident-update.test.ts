import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createComponent } from '../components/index.ts';
import { editIncidentUpdate, getIncident, openIncident } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

describe('editIncidentUpdate', () => {
  test('corrects the text and display time; the status and component changes stay as posted', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const incident = await openIncident(t.ctx, { name: 'Errors', body: 'Typo hre.', components: { [api.id]: 'major_outage' } });
    const first = incident.updates[0]!;
    const edited = await editIncidentUpdate(t.ctx, incident.id, first.id, {
      body: 'Typo here.',
      displayAt: new Date('2025-11-20T11:55:00Z'),
    });
    const update = edited.updates[0]!;
    assert.equal(update.body, 'Typo here.');
    assert.equal(update.displayAt.toISOString(), '2025-11-20T11:55:00.000Z');
    assert.equal(update.status, 'investigating');
    assert.deepEqual(update.affectedComponents, first.affectedComponents);
  });

  test("text written over Aviso's standard sentence is the operator's from then on; moving only the time keeps Aviso's", async () => {
    const incident = await openIncident(t.ctx, { name: 'Errors' });
    const first = incident.updates[0]!;
    assert.deepEqual(first.generatedBody, { key: 'investigating' });
    const moved = await editIncidentUpdate(t.ctx, incident.id, first.id, { displayAt: new Date('2025-11-20T11:50:00Z') });
    assert.deepEqual(moved.updates[0]?.generatedBody, { key: 'investigating' });
    const written = await editIncidentUpdate(t.ctx, incident.id, first.id, { body: 'Sign-ins fail for some.' });
    assert.equal(written.updates[0]?.body, 'Sign-ins fail for some.');
    assert.equal(written.updates[0]?.generatedBody, null);
  });

  test('an empty text, an unknown update or incident is refused and nothing changes', async () => {
    const incident = await openIncident(t.ctx, { name: 'Errors', body: 'Kept.' });
    const first = incident.updates[0]!;
    await assert.rejects(editIncidentUpdate(t.ctx, incident.id, first.id, { body: '' }), { name: 'ZodError' });
    await assert.rejects(editIncidentUpdate(t.ctx, incident.id, 'aaaaaaaaaaaa', { body: 'x' }), { code: 'incident_update_not_found' });
    await assert.rejects(editIncidentUpdate(t.ctx, 'aaaaaaaaaaaa', first.id, { body: 'x' }), { code: 'incident_not_found' });
    assert.equal((await getIncident(t.ctx, incident.id)).updates[0]?.body, 'Kept.');
  });
});
