import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listJobs } from '../../jobs/index.ts';
import { createComponent, findComponent, listStatusChanges, mirrorThirdPartyStatuses } from './index.ts';

const source = 'https://status.example.com';

describe('mirrorThirdPartyStatuses', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  test('moves only the components of that source, records third_party changes for webhooks, and writes nothing when nothing changed', async () => {
    const mirror = await createComponent(t.ctx, { name: 'Mail', thirdParty: { sourceUrl: source, componentId: 'abc' } });
    const other = await createComponent(t.ctx, {
      name: 'Other',
      thirdParty: { sourceUrl: 'https://elsewhere.example.com', componentId: 'abc' },
    });
    const ours = await createComponent(t.ctx, { name: 'Ours' });
    const statuses = new Map([['abc', 'partial_outage' as const]]);
    t.clock.advance(60_000);
    assert.equal(await mirrorThirdPartyStatuses(t.ctx, source, { readable: true, statuses }), 1);
    assert.equal((await findComponent(t.ctx.db, mirror.id))?.status, 'partial_outage');
    assert.equal((await findComponent(t.ctx.db, other.id))?.status, 'operational');
    assert.equal((await findComponent(t.ctx.db, ours.id))?.status, 'operational');
    assert.deepEqual(
      (await listStatusChanges(t.ctx.db, mirror.id)).map((c) => [c.status, c.cause, c.causeId]),
      [
        ['operational', 'manual', null],
        ['partial_outage', 'third_party', source],
      ],
    );
    assert.equal((await listJobs(t.ctx.db)).filter((j) => j.name === 'notifications.fan-out').length, 1, 'for component webhooks');

    const revision = t.ctx.revisions.current;
    assert.equal(await mirrorThirdPartyStatuses(t.ctx, source, { readable: true, statuses }), 0);
    assert.equal(t.ctx.revisions.current, revision, 'an unchanged reading writes nothing');

    const since = new Date('2025-11-20T11:58:00.000Z');
    assert.equal(await mirrorThirdPartyStatuses(t.ctx, source, { readable: false, since }), 1);
    const unknown = await findComponent(t.ctx.db, mirror.id);
    assert.equal(unknown?.statusUnknownSince?.toISOString(), since.toISOString());
    assert.equal(unknown?.status, 'partial_outage', 'the last status read is kept');
    assert.equal((await listStatusChanges(t.ctx.db, mirror.id)).length, 2, 'unknown is not a status change');
  });
});
