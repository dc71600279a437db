import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { startPublicOnlyOutbound } from '../../../test/support/outbound.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listJobs } from '../../jobs/index.ts';
import { listAuditEvents } from '../audit/index.ts';
import { createComponent } from '../components/index.ts';
import {
  addSubscriber,
  countSubscribers,
  getSubscriber,
  listSubscribers,
  reactivateSubscriber,
  removeSubscriber,
  resendConfirmation,
  setSubscriberComponents,
  unsubscribeSubscriber,
} from './index.ts';

let t: TestContext;
let endpoints: Awaited<ReturnType<typeof startPublicOnlyOutbound>>;
before(async () => (endpoints = await startPublicOnlyOutbound()));
after(() => endpoints.close());
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

const deliverJobs = async () => (await listJobs(t.ctx.db)).filter((j) => j.name === 'notifications.deliver').length;

describe('subscribers managed by the team', () => {
  test('an email added by a member confirms unless vouched for; endpoints are active at once', async () => {
    const waiting = await addSubscriber(t.ctx, { address: 'ann@example.com' }, endpoints.outbound);
    const vouched = await addSubscriber(t.ctx, { address: 'bob@example.com', skipConfirmation: true }, endpoints.outbound);
    const hook = await addSubscriber(t.ctx, { channel: 'slack', address: 'https://hooks.slack.com/services/T/B/x' }, endpoints.outbound);
    assert.deepEqual([waiting.state, vouched.state, hook.state], ['unconfirmed', 'active', 'active']);
    assert.equal(await deliverJobs(), 1, 'one confirmation mail');
    await assert.rejects(addSubscriber(t.ctx, { address: 'bob@example.com' }, endpoints.outbound), { code: 'conflict' });
    assert.deepEqual(await countSubscribers(t.ctx), { active: 2, unconfirmed: 1, quarantined: 0, unsubscribed: 0 });
    assert.deepEqual(await countSubscribers(t.ctx, 'slack'), { active: 1, unconfirmed: 0, quarantined: 0, unsubscribed: 0 });
    const found = await listSubscribers(t.ctx, { q: 'ann', limit: 10, offset: 0 });
    assert.deepEqual(
      found.subscribers.map((s) => s.id),
      [waiting.id],
    );
    assert.equal((await getSubscriber(t.ctx, hook.id)).address, 'https://hooks.slack.com/services/T/B/x');
    assert.equal((await listAuditEvents(t.ctx, { entityType: 'subscriber' })).length, 3);
  });

  test('confirmation is sent again only to unconfirmed addresses', async () => {
    const waiting = await addSubscriber(t.ctx, { address: 'ann@example.com' }, endpoints.outbound);
    await resendConfirmation(t.ctx, waiting.id);
    assert.equal(await deliverJobs(), 2);
    const active = await addSubscriber(t.ctx, { address: 'bob@example.com', skipConfirmation: true }, endpoints.outbound);
    await assert.rejects(resendConfirmation(t.ctx, active.id), { code: 'conflict' });
  });

  test('a member unsubscribes, reactivates, narrows and removes a subscriber', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const sub = await addSubscriber(t.ctx, { address: 'ann@example.com', skipConfirmation: true }, endpoints.outbound);
    assert.equal((await unsubscribeSubscriber(t.ctx, sub.id)).state, 'unsubscribed');
    const back = await reactivateSubscriber(t.ctx, sub.id);
    assert.deepEqual([back.state, back.unsubscribedAt], ['active', null]);
    assert.deepEqual((await setSubscriberComponents(t.ctx, sub.id, [api.id])).componentIds, [api.id]);
    await assert.rejects(setSubscriberComponents(t.ctx, sub.id, ['aaaaaaaaaaaa']), { code: 'component_not_found' });
    await removeSubscriber(t.ctx, sub.id);
    await assert.rejects(getSubscriber(t.ctx, sub.id), { code: 'subscriber_not_found' });
    await assert.rejects(removeSubscriber(t.ctx, sub.id), { code: 'subscriber_not_found' });
  });
});
