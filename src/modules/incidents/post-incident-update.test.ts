import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { updateBodyText } from '../../i18n/update-body.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listJobs } from '../../jobs/index.ts';
import { createComponent, findComponent } from '../components/index.ts';
import { getIncident, openIncident, postIncidentUpdate, publishPostmortem, savePostmortemDraft } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

describe('postIncidentUpdate', () => {
  test('moves the status and components, keeps the worst impact reached, and resolves', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const web = await createComponent(t.ctx, { name: 'Web' });
    const incident = await openIncident(t.ctx, { name: 'Errors', components: { [api.id]: 'major_outage' } });
    t.clock.advance(10 * 60_000);
    const identified = await postIncidentUpdate(t.ctx, incident.id, {
      status: 'identified',
      body: 'A bad deploy.',
      components: { [api.id]: 'degraded_performance', [web.id]: 'degraded_performance' },
    });
    assert.equal(identified.status, 'identified');
    assert.deepEqual(identified.componentIds, [api.id, web.id]);
    // The blend of the worst each reached: API's major outage beside Web's degraded performance.
    assert.equal(identified.impact, 'major');
    t.clock.advance(10 * 60_000);
    const resolved = await postIncidentUpdate(t.ctx, incident.id, {
      status: 'resolved',
      components: { [api.id]: 'operational', [web.id]: 'operational' },
    });
    assert.equal(resolved.resolvedAt?.toISOString(), '2025-11-20T12:20:00.000Z');
    assert.deepEqual(
      resolved.updates.map((u) => [u.status, updateBodyText(u, 'en')]),
      [
        ['resolved', 'This incident has been resolved.'],
        ['identified', 'A bad deploy.'],
        ['investigating', 'We are currently investigating this issue.'],
      ],
    );
    assert.deepEqual(
      resolved.updates.map((u) => [u.body, u.generatedBody]),
      [
        ['', { key: 'resolved' }],
        ['A bad deploy.', null],
        ['', { key: 'investigating' }],
      ],
      "Aviso's sentences are kept as keys, the operator's text as written",
    );
    assert.equal((await findComponent(t.ctx.db, web.id))?.status, 'operational');
    assert.deepEqual(await getIncident(t.ctx, incident.id), resolved);
  });

  test('an update without notifications is not sent to subscribers', async () => {
    const incident = await openIncident(t.ctx, { name: 'Quiet', deliverNotifications: false });
    await postIncidentUpdate(t.ctx, incident.id, { status: 'monitoring', deliverNotifications: false });
    assert.deepEqual(await listJobs(t.ctx.db), []);
    await postIncidentUpdate(t.ctx, incident.id, { status: 'resolved' });
    assert.equal((await listJobs(t.ctx.db)).length, 1);
  });

  test('refuses a status of the other kind, an update after a published postmortem, and an unknown incident', async () => {
    const incident = await openIncident(t.ctx, { name: 'Errors' });
    await assert.rejects(postIncidentUpdate(t.ctx, incident.id, { status: 'in_progress' }), { code: 'incident_transition_invalid' });
    await postIncidentUpdate(t.ctx, incident.id, { status: 'resolved' });
    await savePostmortemDraft(t.ctx, incident.id, { body: 'What happened.' });
    await publishPostmortem(t.ctx, incident.id);
    await assert.rejects(postIncidentUpdate(t.ctx, incident.id, { status: 'investigating' }), { code: 'incident_transition_invalid' });
    await assert.rejects(postIncidentUpdate(t.ctx, 'aaaaaaaaaaaa', { status: 'resolved' }), { code: 'incident_not_found' });
    assert.equal((await getIncident(t.ctx, incident.id)).updates.length, 2);
  });
});
