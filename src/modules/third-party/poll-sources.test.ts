import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { startUpstreamStatuspage } from '../../../test/support/upstream-statuspage.ts';
import type { Outbound } from '../../outbound/index.ts';
import { listAuditEvents } from '../audit/index.ts';
import {
  createComponent,
  findComponent,
  holdMirroredStatus,
  listStatusChanges,
  releaseMirroredStatus,
  updateComponent,
} from '../components/index.ts';
import { findSource, pollDueSources, type PollSettings } from './index.ts';

// Ids from the captured page: a component, and a group of which Consul is a child.
const terraformCloud = '7cgbxrw10wgr';
const hcpGroup = 'ym75hzpmfq4q';
const consul = 'b4pr9x7288zy';

describe('polling third-party sources', () => {
  let t: TestContext;
  let upstream: Awaited<ReturnType<typeof startUpstreamStatuspage>>;
  let outbound: Outbound;
  let settings: PollSettings;

  before(() => {
    outbound = createTestOutbound();
    settings = { outbound, timeoutMs: 2000, random: () => 0.5 };
  });
  after(async () => outbound.close());
  beforeEach(async () => {
    t = await createTestContext();
    upstream = await startUpstreamStatuspage();
  });
  afterEach(async () => {
    await upstream.close();
    await t.close();
  });

  async function mirror(name: string, componentId: string, sourceUrl = upstream.base) {
    return createComponent(t.ctx, { name, thirdParty: { sourceUrl, componentId } });
  }
  const statusOf = async (id: string) => (await findComponent(t.ctx.db, id))?.status;

  test('ten components of one source cost one request per interval, and a change upstream is a third_party change', async () => {
    const tf = await mirror('Terraform Cloud', terraformCloud);
    const hcp = await mirror('HCP', hcpGroup);
    const others = [];
    for (let i = 0; i < 8; i++) others.push(await mirror(`Consul ${i}`, consul));

    assert.equal(await pollDueSources(t.ctx, settings), 1);
    assert.equal(upstream.polls().length, 1);
    assert.equal(await statusOf(tf.id), 'degraded_performance', 'the captured page shows it degraded');
    assert.equal(await statusOf(hcp.id), 'degraded_performance', 'a group mirrors its worst child');

    t.clock.advance(30_000);
    assert.equal(await pollDueSources(t.ctx, settings), 0, 'not before the interval is over');
    assert.equal(upstream.polls().length, 1);

    // Nothing changed upstream: a conditional request, answered 304, writes nothing visitors see.
    t.clock.advance(30_000);
    const revision = t.ctx.revisions.current;
    assert.equal(await pollDueSources(t.ctx, settings), 1);
    const second = upstream.polls()[1];
    assert.ok(second?.headers['if-none-match'], 'the ETag of the last answer is sent back');
    assert.ok(second?.headers['if-modified-since'], 'so is its Last-Modified');
    assert.equal(second?.status, 304);
    assert.equal(t.ctx.revisions.current, revision);

    upstream.setStatus(terraformCloud, 'major_outage');
    upstream.setStatus(consul, 'partial_outage');
    t.clock.advance(60_000);
    assert.equal(await pollDueSources(t.ctx, settings), 1);
    assert.equal(upstream.polls().length, 3);
    assert.equal(await statusOf(tf.id), 'major_outage');
    assert.equal(await statusOf(hcp.id), 'partial_outage');
    for (const other of others) assert.equal(await statusOf(other.id), 'partial_outage');
    const history = await listStatusChanges(t.ctx.db, tf.id);
    assert.deepEqual(
      history.map((h) => [h.status, h.cause, h.causeId, h.changedAt.toISOString()]),
      [
        ['operational', 'manual', null, '2025-11-20T12:00:00.000Z'],
        ['degraded_performance', 'third_party', upstream.base, '2025-11-20T12:00:00.000Z'],
        ['major_outage', 'third_party', upstream.base, '2025-11-20T12:02:00.000Z'],
      ],
    );
  });

  test('a component may be named by its path on the source, as the example names Webflow and Mailgun', async () => {
    const byPath = await mirror('HCP Portal', 'HashiCorp Cloud Platform (HCP) → HCP Portal');
    upstream.setStatus('mgv1p2j9x444', 'major_outage');
    await pollDueSources(t.ctx, settings);
    assert.equal(await statusOf(byPath.id), 'major_outage');
    assert.equal((await findComponent(t.ctx.db, byPath.id))?.statusUnknownSince, null);
  });

  test('a source that cannot be read is unknown after three polls in a row, with backoff, and recovers by itself', async () => {
    const tf = await mirror('Terraform Cloud', terraformCloud);
    await pollDueSources(t.ctx, settings);
    upstream.goAway();

    // The jitter is pinned at its middle: the backoff is 1, 2 then 4 intervals.
    for (const [waitMs, failures] of [
      [60_000, 1],
      [60_000, 2],
      [120_000, 3],
    ] as const) {
      t.clock.advance(waitMs - 1000);
      assert.equal(await pollDueSources(t.ctx, settings), 0, 'not polled again before its backoff ends');
      t.clock.advance(1000);
      assert.equal(await pollDueSources(t.ctx, settings), 1);
      assert.equal((await findSource(t.ctx.db, upstream.base))?.consecutiveFailures, failures);
      const component = await findComponent(t.ctx.db, tf.id);
      if (failures < 3) assert.equal(component?.statusUnknownSince, null, 'one missed poll is not yet unknown');
      else assert.equal(component?.statusUnknownSince?.toISOString(), '2025-11-20T12:01:00.000Z', 'unknown since the first failure');
    }
    assert.equal(await statusOf(tf.id), 'degraded_performance', 'the last status read is kept, not turned operational');

    upstream.comeBack();
    t.clock.advance(240_000);
    assert.equal(await pollDueSources(t.ctx, settings), 1);
    const back = await findComponent(t.ctx.db, tf.id);
    assert.equal(back?.statusUnknownSince, null);
    assert.equal((await findSource(t.ctx.db, upstream.base))?.consecutiveFailures, 0);
  });

  test('a component the source no longer lists is unknown, and so is an unreadable answer', async () => {
    const tf = await mirror('Terraform Cloud', terraformCloud);
    const missing = await mirror('Gone', 'zzzzzzzzzzzz');
    await pollDueSources(t.ctx, settings);
    assert.equal((await findComponent(t.ctx.db, missing.id))?.statusUnknownSince?.toISOString(), t.clock.now().toISOString());
    assert.equal((await findComponent(t.ctx.db, tf.id))?.statusUnknownSince, null);
    assert.equal(await statusOf(missing.id), 'operational');

    const notAPage = await mirror('Not a page', 'abc', `${upstream.base}/elsewhere`);
    t.clock.advance(60_000);
    await pollDueSources(t.ctx, settings);
    const source = await findSource(t.ctx.db, `${upstream.base}/elsewhere`);
    assert.equal(source?.lastError, 'the source answered 404');
    assert.equal((await findComponent(t.ctx.db, notAPage.id))?.statusUnknownSince, null, 'one failure is not yet unknown');
  });

  test('two workers looking for due sources at the same moment poll each one once', async () => {
    await mirror('Terraform Cloud', terraformCloud);
    await mirror('Elsewhere', terraformCloud, `${upstream.base}/elsewhere`);
    const counts = await Promise.all([pollDueSources(t.ctx, settings), pollDueSources(t.ctx, settings), pollDueSources(t.ctx, settings)]);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      2,
    );
    assert.equal(upstream.polls().length, 1);
    assert.equal(upstream.requests.length, 2);
  });

  test('an operator holds the mirrored status for a while, in the audit log; then the source has its say again', async () => {
    const tf = await mirror('Terraform Cloud', terraformCloud);
    await pollDueSources(t.ctx, settings);
    const held = await holdMirroredStatus(t.ctx, tf.id, { status: 'major_outage', minutes: 30 });
    assert.equal(held.mirrorHeldUntil?.toISOString(), '2025-11-20T12:30:00.000Z');
    for (let i = 0; i < 29; i++) {
      t.clock.advance(60_000);
      await pollDueSources(t.ctx, settings);
    }
    assert.equal(await statusOf(tf.id), 'major_outage', 'polls leave a held status alone');
    t.clock.advance(60_000);
    await pollDueSources(t.ctx, settings);
    assert.equal(await statusOf(tf.id), 'degraded_performance', 'the hold is over');
    assert.equal((await findComponent(t.ctx.db, tf.id))?.mirrorHeldUntil, null);

    await holdMirroredStatus(t.ctx, tf.id, { status: 'operational', minutes: 60 });
    await releaseMirroredStatus(t.ctx, tf.id);
    t.clock.advance(60_000);
    await pollDueSources(t.ctx, settings);
    assert.equal(await statusOf(tf.id), 'degraded_performance', 'released early');
    const actions = (await listAuditEvents(t.ctx, {})).map((e) => e.action);
    assert.deepEqual(
      actions.filter((a) => a === 'component.hold' || a === 'component.release'),
      ['component.release', 'component.hold', 'component.hold'],
    );

    const plain = await createComponent(t.ctx, { name: 'Ours' });
    await assert.rejects(
      holdMirroredStatus(t.ctx, plain.id, { status: 'major_outage', minutes: 5 }),
      /does not mirror a third-party source/,
    );
    await assert.rejects(holdMirroredStatus(t.ctx, tf.id, { status: 'major_outage', minutes: 0 }));
  });

  test('a source nobody mirrors any more is no longer polled', async () => {
    const tf = await mirror('Terraform Cloud', terraformCloud);
    await pollDueSources(t.ctx, settings);
    await updateComponent(t.ctx, tf.id, { thirdParty: null });
    t.clock.advance(60_000);
    assert.equal(await pollDueSources(t.ctx, settings), 0);
    assert.equal(await findSource(t.ctx.db, upstream.base), undefined);
    assert.equal(upstream.polls().length, 1);
  });
});
