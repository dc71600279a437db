import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';

/** Email only: no request is made, but adding a subscriber takes the client that checks endpoints. */
const outbound = createTestOutbound();
import { createComponent } from '../components/index.ts';
import { openIncident } from '../incidents/index.ts';
import {
  addSubscriber,
  changeSubscribedComponents,
  confirmSubscription,
  subscriberFromToken,
  subscriberToken,
  unsubscribe,
} from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('the subscriber’s own links', () => {
  test('the confirmation link activates the address once; an old link is refused', async () => {
    const added = await addSubscriber(t.ctx, { address: 'ann@example.com' }, outbound);
    const token = subscriberToken(added, 'confirm');
    assert.equal((await subscriberFromToken(t.ctx, token, 'confirm')).id, added.id);
    const confirmed = await confirmSubscription(t.ctx, token);
    assert.equal(confirmed.state, 'active');
    assert.equal(confirmed.confirmedAt?.getTime(), t.clock.now().getTime());
    assert.equal((await confirmSubscription(t.ctx, token)).state, 'active', 'following it again is harmless');
    await assert.rejects(subscriberFromToken(t.ctx, token, 'manage'), { code: 'link_invalid' }, 'a confirm link does not manage');
    await assert.rejects(confirmSubscription(t.ctx, `${added.id}.forged`), { code: 'link_invalid' });
  });

  test('the manage link changes the components followed and unsubscribes, once', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const added = await addSubscriber(t.ctx, { address: 'ann@example.com', skipConfirmation: true }, outbound);
    const manage = subscriberToken(added, 'manage');
    const following = await changeSubscribedComponents(t.ctx, manage, [api.id, api.id]);
    assert.deepEqual([following.scope, following.componentIds], ['components', [api.id]]);
    assert.deepEqual((await changeSubscribedComponents(t.ctx, manage, [])).scope, 'page');
    await assert.rejects(changeSubscribedComponents(t.ctx, manage, ['aaaaaaaaaaaa']), { code: 'component_not_found' });
    const gone = await unsubscribe(t.ctx, manage);
    assert.equal(gone.state, 'unsubscribed');
    assert.equal((await unsubscribe(t.ctx, manage)).unsubscribedAt?.getTime(), gone.unsubscribedAt?.getTime());
  });

  test('a subscription to one incident has no components to choose', async () => {
    const incident = await openIncident(t.ctx, { name: 'Errors', deliverNotifications: false });
    const added = await addSubscriber(t.ctx, { address: 'ann@example.com', incidentId: incident.id, skipConfirmation: true }, outbound);
    await assert.rejects(changeSubscribedComponents(t.ctx, subscriberToken(added, 'manage'), []), { code: 'conflict' });
  });
});
