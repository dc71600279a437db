import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { JobWorker } from '../../jobs/index.ts';
import { allTargets, createOutbound, publicTargetsOnly, type Outbound } from '../../outbound/index.ts';
import { openIncident } from '../incidents/index.ts';
import { addSubscriber, findSubscriber, listSubscribers, subscribe } from '../subscribers/index.ts';
import { startDnsServer, type DnsServer } from '../../../test/support/dns-server.ts';
import { startHttpReceiver } from '../../../test/support/http-receiver.ts';
import { assertNoAddressIn, hostOf, internalNames, internalUrls } from '../../../test/support/internal-targets.ts';
import { publicTestNames, testPrivateTargets } from '../../../test/support/outbound.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createChannels, createNotificationHandlers, listSubscriberDeliveries } from './index.ts';

const publicUrl = 'https://status.example.test';

describe('deliveries check the endpoint again when they connect', () => {
  let dns: DnsServer;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  let t: TestContext;
  const clients: Outbound[] = [];
  const client = (policy = publicTargetsOnly) => {
    const outbound = createOutbound({ policy, dnsServers: [dns.address] });
    clients.push(outbound);
    return outbound;
  };
  const deliverWith = async (outbound: Outbound) => {
    const channels = createChannels({ outbound, webhookTimeoutMs: 2000 });
    await new JobWorker({ ctx: t.ctx, handlers: createNotificationHandlers({ publicUrl, channels }) }).tick();
  };

  before(async () => {
    dns = await startDnsServer({ ...internalNames, ...publicTestNames });
    receiver = await startHttpReceiver(() => 204);
  });
  after(async () => {
    await receiver.close();
    await dns.close();
  });
  beforeEach(async () => {
    receiver.requests.length = 0;
    t = await createTestContext();
  });
  afterEach(async () => {
    for (const outbound of clients.splice(0)) await outbound.close();
    await t.close();
  });

  test('an endpoint that points inside is refused when the delivery connects, and the log names no address', async () => {
    // Subscribed before this check existed (or under a wider policy since narrowed): only delivery stands in the way.
    const port = Number(new URL(receiver.base).port);
    const urls = internalUrls(port);
    const wide = client(allTargets);
    const hooks = [];
    for (const url of urls) hooks.push(await addSubscriber(t.ctx, { channel: 'webhook', address: url }, wide));
    await addSubscriber(t.ctx, { channel: 'slack', address: `http://localtest.me:${port}/slack` }, wide);
    await openIncident(t.ctx, { name: 'Errors' });
    await deliverWith(client());
    assert.equal(receiver.requests.length, 0, 'nothing reached the server behind the endpoints');
    for (const [index, hook] of hooks.entries()) {
      const [delivery] = await listSubscriberDeliveries(t.ctx.db, hook.id);
      assert.equal(delivery?.status, 'failed', urls[index]);
      assert.match(delivery?.lastError ?? '', /^the address (of \S+ )?is not public$/, urls[index]);
      assertNoAddressIn(delivery?.lastError ?? '', { host: hostOf(urls[index]!), port });
      assert.equal((await findSubscriber(t.ctx.db, hook.id))?.lastError, delivery?.lastError);
    }
  });

  test('a name that was public when subscribed and points to loopback when delivered is refused (DNS rebinding)', async () => {
    const address = `${receiver.base.replace('127.0.0.1', 'rebind.example.com')}/hook`;
    dns.set('rebind.example.com', { A: ['93.184.215.14'] });
    const strict = client();
    await subscribe(t.ctx, { channel: 'webhook', address }, { ip: '203.0.113.7' }, strict);
    dns.set('rebind.example.com', { A: ['127.0.0.1'] });
    await openIncident(t.ctx, { name: 'Errors' });
    await deliverWith(strict);
    assert.equal(receiver.requests.length, 0);
    const [hook] = (await listSubscribers(t.ctx, { channel: 'webhook', limit: 1, offset: 0 })).subscribers;
    const [delivery] = await listSubscriberDeliveries(t.ctx.db, hook!.id);
    assert.deepEqual([delivery?.status, delivery?.lastError], ['failed', 'the address of rebind.example.com is not public']);
  });

  test('an allowed private range is delivered to, by address and by name; a closed port is logged without its address', async () => {
    const lan = client({ allowPrivate: [testPrivateTargets] });
    const byAddress = await addSubscriber(t.ctx, { channel: 'webhook', address: `${receiver.base}/by-address` }, lan);
    const byName = await addSubscriber(
      t.ctx,
      { channel: 'webhook', address: `${receiver.base.replace('127.0.0.1', '127.0.0.1.nip.io')}/by-name` },
      lan,
    );
    const closed = await addSubscriber(t.ctx, { channel: 'webhook', address: 'http://127.0.0.1:1/closed' }, lan);
    await openIncident(t.ctx, { name: 'Errors' });
    await deliverWith(lan).catch(() => undefined);
    assert.deepEqual(receiver.requests.map((r) => r.path).sort(), ['/by-address', '/by-name']);
    for (const hook of [byAddress, byName]) assert.equal((await listSubscriberDeliveries(t.ctx.db, hook.id))[0]?.status, 'sent');
    const [refused] = await listSubscriberDeliveries(t.ctx.db, closed.id);
    assert.deepEqual([refused?.status, refused?.lastError], ['retrying', 'connection refused']);
  });
});
