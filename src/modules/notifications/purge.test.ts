import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enqueue, JobWorker } from '../../jobs/index.ts';
import { addSubscriber, findSubscriber, markAddressUndeliverable } from '../subscribers/index.ts';
import { createTestContext } from '../../../test/support/test-context.ts';
import { createChannels, createNotificationHandlers } from './index.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';

const outbound = createTestOutbound();

test('a quarantined subscriber is removed 90 days after its quarantine, not before', async (t) => {
  const { ctx, clock, close } = await createTestContext();
  t.after(close);
  const worker = new JobWorker({
    ctx,
    handlers: createNotificationHandlers({ publicUrl: 'https://status.example.test', channels: createChannels({ outbound }) }),
  });
  const bounced = await addSubscriber(ctx, { address: 'gone@example.com', skipConfirmation: true }, outbound);
  const kept = await addSubscriber(ctx, { address: 'here@example.com', skipConfirmation: true }, outbound);
  await markAddressUndeliverable(ctx.db, bounced.id, clock.now(), '550 no such mailbox');
  const purge = async () => {
    await enqueue(ctx.db, { name: 'subscribers.purge', payload: null });
    await worker.tick();
  };
  clock.advance(89 * 24 * 3600_000);
  await purge();
  assert.equal((await findSubscriber(ctx.db, bounced.id))?.state, 'quarantined');
  clock.advance(24 * 3600_000);
  await purge();
  assert.equal(await findSubscriber(ctx.db, bounced.id), undefined);
  assert.equal((await findSubscriber(ctx.db, kept.id))?.state, 'active');
});
