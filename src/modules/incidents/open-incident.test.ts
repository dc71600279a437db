import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { updateBodyText } from '../../i18n/update-body.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listJobs } from '../../jobs/index.ts';
import { listAuditEvents } from '../audit/index.ts';
import { createComponent, findComponent, listStatusChanges } from '../components/index.ts';
import { getIncident, openIncident, queryIncidents } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

describe('openIncident', () => {
  test('opens an incident with its first update, moves its components and tells subscribers', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const incident = await openIncident(t.ctx, { name: 'Slow API', components: { [api.id]: 'partial_outage' } });
    assert.equal(incident.status, 'investigating');
    assert.equal(incident.impact, 'major');
    assert.deepEqual(incident.componentIds, [api.id]);
    assert.equal(incident.updates[0]?.body, '');
    assert.equal(updateBodyText(incident.updates[0]!, 'en'), 'We are currently investigating this issue.');
    assert.equal(updateBodyText(incident.updates[0]!, 'pt-BR'), 'Estamos investigando o problema.');
    assert.deepEqual(incident.updates[0]?.affectedComponents, [
      { componentId: api.id, name: 'API', oldStatus: 'operational', newStatus: 'partial_outage' },
    ]);
    assert.equal((await findComponent(t.ctx.db, api.id))?.status, 'partial_outage');
    assert.deepEqual(
      (await listStatusChanges(t.ctx.db, api.id)).map((c) => [c.status, c.cause, c.causeId]),
      [
        ['operational', 'manual', null],
        ['partial_outage', 'incident', incident.id],
      ],
    );
    assert.deepEqual(
      (await listJobs(t.ctx.db)).map((j) => j.name),
      ['notifications.fan-out', 'notifications.fan-out'],
      'the update and the component change',
    );
    assert.deepEqual(await getIncident(t.ctx, incident.id), incident);
    assert.equal((await listAuditEvents(t.ctx, { entityType: 'incident' }))[0]?.action, 'incident.open');
  });

  test('a backfilled incident is resolved from its start, tells nobody, and cannot rewrite component history', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const past = await openIncident(t.ctx, {
      name: 'Outage last week',
      backfilled: true,
      startedAt: new Date('2025-11-13T08:00:00Z'),
      componentIds: [api.id],
    });
    assert.equal(past.status, 'resolved');
    assert.equal(past.backfilled, true);
    assert.equal(past.startedAt.toISOString(), '2025-11-13T08:00:00.000Z');
    assert.equal(past.updates[0]?.displayAt.toISOString(), '2025-11-13T08:00:00.000Z');
    assert.equal(past.updates[0]?.deliverNotifications, false);
    assert.deepEqual(await listJobs(t.ctx.db), []);
    await assert.rejects(
      openIncident(t.ctx, { name: 'Rewrite', backfilled: true, components: { [api.id]: 'major_outage' } }),
      (error: { code: string; details: { path: string }[] }) =>
        error.code === 'validation_failed' && error.details[0]?.path === 'components',
    );
  });

  test('an unknown component refuses the whole incident, and nothing is written', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    await assert.rejects(openIncident(t.ctx, { name: 'Half', components: { [api.id]: 'major_outage', aaaaaaaaaaaa: 'major_outage' } }), {
      code: 'component_not_found',
    });
    assert.deepEqual(await queryIncidents(t.ctx), []);
    assert.equal((await findComponent(t.ctx.db, api.id))?.status, 'operational');
    assert.deepEqual(await listJobs(t.ctx.db), []);
  });

  test('a maintenance status is refused for an incident', async () => {
    await assert.rejects(openIncident(t.ctx, { name: 'Wrong', status: 'in_progress' as 'investigating' }), { name: 'ZodError' });
  });
});
