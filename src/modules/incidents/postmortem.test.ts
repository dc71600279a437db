import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listJobs } from '../../jobs/index.ts';
import { deletePostmortem, getIncident, openIncident, publishPostmortem, revertPostmortem, savePostmortemDraft } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

const fanOuts = async () => (await listJobs(t.ctx.db)).filter((j) => j.name === 'notifications.fan-out').length;

describe('postmortems', () => {
  test('a draft is saved, published on a resolved incident (telling subscribers if asked), reverted and deleted', async () => {
    const incident = await openIncident(t.ctx, { name: 'Outage', status: 'resolved', deliverNotifications: false });
    const draft = await savePostmortemDraft(t.ctx, incident.id, { body: '## Root cause\nA full disk.' });
    assert.equal(draft.postmortem.draft, '## Root cause\nA full disk.');
    assert.equal(draft.postmortem.body, null, 'visitors see nothing yet');

    const published = await publishPostmortem(t.ctx, incident.id, { notifySubscribers: true });
    assert.equal(published.status, 'postmortem');
    assert.equal(published.postmortem.body, '## Root cause\nA full disk.');
    assert.equal(published.postmortem.notifiedSubscribers, true);
    assert.equal(await fanOuts(), 1);

    const reverted = await revertPostmortem(t.ctx, incident.id);
    assert.equal(reverted.status, 'resolved');
    assert.equal(reverted.postmortem.body, null);
    assert.equal(reverted.postmortem.draft, '## Root cause\nA full disk.');

    const deleted = await deletePostmortem(t.ctx, incident.id);
    assert.equal(deleted.postmortem.draft, null);
    assert.deepEqual(await getIncident(t.ctx, incident.id), deleted);
  });

  test('publishing without notifying tells nobody', async () => {
    const incident = await openIncident(t.ctx, { name: 'Outage', status: 'resolved', deliverNotifications: false });
    await savePostmortemDraft(t.ctx, incident.id, { body: 'Text.' });
    await publishPostmortem(t.ctx, incident.id);
    assert.equal(await fanOuts(), 0);
  });

  test('refuses to publish an open incident, or one without a draft, to revert an unpublished one and to delete a published one', async () => {
    const open = await openIncident(t.ctx, { name: 'Open', deliverNotifications: false });
    await savePostmortemDraft(t.ctx, open.id, { body: 'Too early.' });
    await assert.rejects(publishPostmortem(t.ctx, open.id, { notifySubscribers: true }), { code: 'incident_transition_invalid' });
    assert.equal(await fanOuts(), 0, 'a refused publication notifies nobody');
    const resolved = await openIncident(t.ctx, { name: 'Resolved', status: 'resolved', deliverNotifications: false });
    await assert.rejects(publishPostmortem(t.ctx, resolved.id), { code: 'incident_transition_invalid' });
    await assert.rejects(revertPostmortem(t.ctx, resolved.id), { code: 'incident_transition_invalid' });
    await savePostmortemDraft(t.ctx, resolved.id, { body: 'Text.' });
    await publishPostmortem(t.ctx, resolved.id);
    await assert.rejects(deletePostmortem(t.ctx, resolved.id), { code: 'incident_transition_invalid' });
    await assert.rejects(savePostmortemDraft(t.ctx, 'aaaaaaaaaaaa', { body: 'x' }), { code: 'incident_not_found' });
  });
});
