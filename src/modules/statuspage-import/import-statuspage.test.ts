import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { statuspageFixture } from '../../../test/support/fixtures.ts';
import { startUpstreamStatuspage } from '../../../test/support/upstream-statuspage.ts';
import type { Outbound } from '../../outbound/index.ts';
import { createComponent, listComponents } from '../components/index.ts';
import { queryIncidents } from '../incidents/index.ts';
import { exportPageFile } from '../page-as-code/index.ts';
import { importStatuspage } from './index.ts';

// No recorded scheduled-maintenances.json exists; this one is written in the shape of Statuspage's
// API v2 documentation, on a component of the recorded page (HashiCorp's Consul, b4pr9x7288zy).
const maintenance = {
  scheduled_maintenances: [
    {
      id: 'w0f6l3yy2zbx',
      name: 'Consul database upgrade',
      status: 'scheduled',
      impact: 'maintenance',
      created_at: '2021-08-01T10:00:00.000Z',
      scheduled_for: '2021-08-10T02:00:00.000Z',
      scheduled_until: '2021-08-10T04:00:00.000Z',
      components: [{ id: 'b4pr9x7288zy', name: 'Consul' }],
      incident_updates: [
        {
          id: 'k9yqv4lh2m5n',
          status: 'scheduled',
          body: 'We will upgrade the Consul database.',
          created_at: '2021-08-01T10:00:00.000Z',
          display_at: '2021-08-01T10:00:00.000Z',
          affected_components: [{ code: 'b4pr9x7288zy', name: 'Consul', old_status: 'operational', new_status: 'under_maintenance' }],
        },
      ],
    },
  ],
};

describe('aviso import statuspage', () => {
  let t: TestContext;
  let upstream: Awaited<ReturnType<typeof startUpstreamStatuspage>>;
  let outbound: Outbound;

  before(() => {
    outbound = createTestOutbound();
  });
  after(async () => outbound.close());
  beforeEach(async () => {
    t = await createTestContext();
    upstream = await startUpstreamStatuspage();
    upstream.serve('/api/v2/incidents.json', { status: 200, body: statuspageFixture('emma_incidents_2019-02-21.json') });
    upstream.serve('/api/v2/scheduled-maintenances.json', { status: 200, body: JSON.stringify(maintenance) });
  });
  afterEach(async () => {
    await upstream.close();
    await t.close();
  });

  test('recreates the recorded components, groups, incidents and maintenances; the export is stable; a second import changes nothing', async () => {
    const dry = await importStatuspage(t.ctx, outbound, upstream.base, { dryRun: true });
    assert.equal(dry.applied, false);
    assert.ok(dry.changes.length > 50, 'the dry run lists what it would do');
    assert.deepEqual(await listComponents(t.ctx.db), [], 'and does nothing');

    const first = await importStatuspage(t.ctx, outbound, upstream.base);
    assert.equal(first.applied, true);
    const components = await listComponents(t.ctx.db);
    assert.equal(components.filter((c) => c.isGroup).length, 6, 'the six groups');
    assert.equal(components.filter((c) => !c.isGroup).length, 48, 'and 48 components, with the source ids');
    const consul = components.find((c) => c.id === 'b4pr9x7288zy');
    assert.equal(components.find((c) => c.id === consul?.groupId)?.name, 'HashiCorp Cloud Platform (HCP)');
    assert.equal(consul?.status, 'degraded_performance', 'the current status, as the page shows it');
    const events = await queryIncidents(t.ctx, {});
    assert.equal(events.filter((e) => e.kind === 'incident').length, 22, 'every recorded incident');
    const upgrade = events.find((e) => e.id === 'w0f6l3yy2zbx');
    assert.equal(upgrade?.kind, 'maintenance');
    assert.deepEqual(upgrade?.componentIds, ['b4pr9x7288zy']);
    const emma = events.find((e) => e.id === 'x0ljvc9m1wxj');
    assert.equal(emma?.name, 'Intermittent navigation/sending trouble for some users');
    const latest = [...(emma?.updates ?? [])].sort((a, b) => b.displayAt.getTime() - a.displayAt.getTime());
    assert.deepEqual(
      latest.map((u) => u.status),
      ['resolved', 'monitoring', 'identified', 'investigating'],
    );

    const exported = await exportPageFile(t.ctx);
    assert.equal(await exportPageFile(t.ctx), exported, 'the export is stable');
    const revision = t.ctx.revisions.current;
    const again = await importStatuspage(t.ctx, outbound, upstream.base);
    assert.deepEqual(again.changes, [], 'importing again changes nothing');
    assert.equal(t.ctx.revisions.current, revision);
    assert.equal(await exportPageFile(t.ctx), exported);
    assert.match(first.yaml, /^version: 1\npage:\n/);
  });

  test('refuses a page with other content unless --merge, which keeps it', async () => {
    const ours = await createComponent(t.ctx, { name: 'Our own API' });
    await assert.rejects(importStatuspage(t.ctx, outbound, upstream.base), /already has 1 component.*use --merge/);
    assert.equal((await listComponents(t.ctx.db)).length, 1, 'nothing was imported');
    const merged = await importStatuspage(t.ctx, outbound, upstream.base, { merge: true });
    assert.equal(merged.applied, true);
    const components = await listComponents(t.ctx.db);
    assert.ok(components.some((c) => c.id === ours.id));
    assert.equal(components.length, 55);
    assert.deepEqual((await importStatuspage(t.ctx, outbound, upstream.base, { merge: true })).changes, []);
  });

  test('errors from the source are clear, and nothing is half-imported', async () => {
    const cases = [
      [{ status: 429, body: '{}', headers: { 'retry-after': '30' } }, /answered 429: the page limits requests; try again in 30 seconds/],
      [{ status: 401, body: '{}' }, /answered 401: the page is private/],
      [{ status: 200, body: '<html>' }, /did not answer with JSON/],
    ] as const;
    for (const [answer, message] of cases) {
      upstream.serve('/api/v2/incidents.json', answer);
      await assert.rejects(importStatuspage(t.ctx, outbound, upstream.base), message);
    }
    await assert.rejects(importStatuspage(t.ctx, outbound, `${upstream.base}/nothing`), /answered 404: is this a Statuspage page/);
    upstream.goAway();
    await assert.rejects(importStatuspage(t.ctx, outbound, upstream.base), /could not be read/);
    assert.deepEqual(await listComponents(t.ctx.db), []);
    assert.deepEqual(await queryIncidents(t.ctx, {}), []);
  });
});
