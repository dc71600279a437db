import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';

/** Email only: no request is made, but adding a subscriber takes the client that checks endpoints. */
const outbound = createTestOutbound();
import { listJobs } from '../../jobs/index.ts';
import { addSubscriber, getSubscriber, reactivateSubscribers, resendConfirmations, unsubscribeSubscribers } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('bulk subscriber actions', () => {
  test('act on every subscriber given, a repeated id once', async () => {
    const ann = await addSubscriber(t.ctx, { address: 'ann@example.com', skipConfirmation: true }, outbound);
    const bob = await addSubscriber(t.ctx, { address: 'bob@example.com', skipConfirmation: true }, outbound);
    const gone = await unsubscribeSubscribers(t.ctx, [ann.id, bob.id, ann.id]);
    assert.deepEqual(
      gone.map((s) => s.state),
      ['unsubscribed', 'unsubscribed'],
    );
    const back = await reactivateSubscribers(t.ctx, [ann.id, bob.id]);
    assert.deepEqual(
      back.map((s) => s.state),
      ['active', 'active'],
    );
  });

  test('all or nothing: an unknown id, or one that cannot take the action, leaves every subscriber as it was', async () => {
    const ann = await addSubscriber(t.ctx, { address: 'ann@example.com', skipConfirmation: true }, outbound);
    await assert.rejects(unsubscribeSubscribers(t.ctx, [ann.id, 'aaaaaaaaaaaa']), { code: 'subscriber_not_found' });
    assert.equal((await getSubscriber(t.ctx, ann.id)).state, 'active');
    const waiting = await addSubscriber(t.ctx, { address: 'cleo@example.com' }, outbound);
    const mailsBefore = (await listJobs(t.ctx.db)).length;
    await assert.rejects(resendConfirmations(t.ctx, [waiting.id, ann.id]), { code: 'conflict' });
    assert.equal((await listJobs(t.ctx.db)).length, mailsBefore, 'no mail for the first one either');
    assert.equal((await resendConfirmations(t.ctx, [waiting.id])).length, 1);
  });
});
