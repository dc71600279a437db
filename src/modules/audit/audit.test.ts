import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createComponent, listComponents, updateComponent } from '../components/index.ts';
import { openIncident, postIncidentUpdate } from '../incidents/index.ts';
import { createApiKey } from '../accounts/index.ts';
import { listAuditEvents } from './index.ts';

describe('the audit log', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  const ana = { kind: 'user' as const, id: 'user00000001', name: 'Ana' };

  test('a write records who, what, when, and the entity before and after', async () => {
    const ctx = { ...t.ctx, actor: ana };
    const api = await createComponent(ctx, { name: 'API' });
    t.clock.advance(60_000);
    await updateComponent(ctx, api.id, { status: 'partial_outage' });
    const [latest] = await listAuditEvents(t.ctx, { entityType: 'component' });
    assert.ok(latest);
    assert.deepEqual(latest.actor, ana);
    assert.equal(latest.action, 'component.update');
    assert.equal(latest.entityId, api.id);
    assert.deepEqual(latest.at, t.clock.now());
    assert.equal((latest.before as { status: string }).status, 'operational');
    assert.equal((latest.after as { status: string }).status, 'partial_outage');
  });

  test('an incident update is recorded compactly: the incident and the new update, not the history', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const incident = await openIncident(
      { ...t.ctx, actor: ana },
      { name: 'Errors', body: 'Looking', components: { [api.id]: 'major_outage' } },
    );
    for (let i = 0; i < 3; i++) await postIncidentUpdate(t.ctx, incident.id, { status: 'identified', body: `Note ${i}` });
    const [event] = await listAuditEvents(t.ctx, { entityType: 'incident', limit: 1 });
    const after = event?.after as { status: string; update: { body: string }; updates?: unknown };
    assert.equal(event?.action, 'incident.post_update');
    assert.equal(after.update.body, 'Note 2');
    assert.equal(after.updates, undefined);
    assert.deepEqual(event?.actor, { kind: 'system', id: null, name: 'Aviso' });
  });

  test('a failed write records nothing', async () => {
    const before = (await listAuditEvents(t.ctx)).length;
    await assert.rejects(updateComponent(t.ctx, 'nosuchcompnt', { status: 'major_outage' }), { code: 'component_not_found' });
    await assert.rejects(openIncident(t.ctx, { name: 'Bad', components: { zzzzzzzzzzzz: 'major_outage' } }), {
      code: 'component_not_found',
    });
    assert.equal((await listAuditEvents(t.ctx)).length, before);
  });

  test('a write whose audit entry cannot be stored is rolled back', async () => {
    await sql`drop table audit_events`.execute(t.ctx.db);
    await assert.rejects(createComponent(t.ctx, { name: 'Ghost' }));
    assert.deepEqual(await listComponents(t.ctx.db), []);
  });

  test('the log is read newest first, a page at a time, and never shows a secret', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await createComponent(t.ctx, { name });
    const { key } = await createApiKey(t.ctx, { name: 'bot', scope: 'write' });
    const first = await listAuditEvents(t.ctx, { limit: 3 });
    assert.deepEqual(
      first.map((e) => e.action),
      ['api_key.create', 'component.create', 'component.create'],
    );
    const next = await listAuditEvents(t.ctx, { limit: 3, before: first[2]!.id });
    assert.deepEqual(
      next.map((e) => (e.after as { name: string }).name),
      ['c', 'b', 'a'],
    );
    const all = JSON.stringify(await listAuditEvents(t.ctx, { limit: 500 }));
    assert.equal(all.includes(key), false);
    assert.equal(all.includes(key.slice(0, 20)), false);
  });
});
