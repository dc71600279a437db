import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { startPublicOnlyOutbound } from '../../../test/support/outbound.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listJobs } from '../../jobs/index.ts';
import { createComponent } from '../components/index.ts';
import { configuredChannels, listSubscribers, requestsPerIpPerHour, subscribe } from './index.ts';

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

const visitor = { ip: '203.0.113.7' };
const mails = async () => (await listJobs(t.ctx.db)).filter((j) => j.name === 'notifications.deliver').length;

describe('subscribe', () => {
  test('without an SMTP server an email address is refused before anything is stored or queued; a webhook is still taken', async () => {
    const channels = configuredChannels({ emailReady: false });
    assert.deepEqual(channels, ['webhook', 'slack', 'discord', 'teams']);
    await assert.rejects(subscribe(t.ctx, { address: 'ann@example.com' }, visitor, endpoints.outbound, channels), {
      code: 'channel_not_configured',
      status: 422,
    });
    assert.equal((await listSubscribers(t.ctx, { limit: 10, offset: 0 })).subscribers.length, 0);
    assert.equal(await mails(), 0);
    await subscribe(t.ctx, { channel: 'webhook', address: 'https://hooks.example.com/a' }, visitor, endpoints.outbound, channels);
    assert.equal((await listSubscribers(t.ctx, { limit: 10, offset: 0 })).subscribers.length, 1);
  });

  test('an email address waits for its confirmation link; a second request sends none within ten minutes', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    assert.deepEqual(await subscribe(t.ctx, { address: 'ann@example.com', componentIds: [api.id] }, visitor, endpoints.outbound), {
      signingSecret: null,
    });
    const { subscribers } = await listSubscribers(t.ctx, { limit: 10, offset: 0 });
    assert.deepEqual(
      subscribers.map((s) => [s.address, s.state, s.scope, s.componentIds]),
      [['ann@example.com', 'unconfirmed', 'components', [api.id]]],
    );
    assert.equal(await mails(), 1);
    await subscribe(t.ctx, { address: 'ann@example.com' }, visitor, endpoints.outbound);
    assert.equal(await mails(), 1);
  });

  test('a webhook is active at once and gets its signing secret; an address already active is told nothing new', async () => {
    const first = await subscribe(t.ctx, { channel: 'webhook', address: 'https://hooks.example.com/aviso' }, visitor, endpoints.outbound);
    assert.match(first.signingSecret ?? '', /^[A-Za-z0-9_-]{32}$/);
    const again = await subscribe(t.ctx, { channel: 'webhook', address: 'https://hooks.example.com/aviso' }, visitor, endpoints.outbound);
    assert.deepEqual(again, { signingSecret: null });
    const { subscribers } = await listSubscribers(t.ctx, { limit: 10, offset: 0 });
    assert.deepEqual(
      subscribers.map((s) => s.state),
      ['active'],
    );
  });

  test('refuses inward endpoints, unknown components and a flood from one IP, keeping nothing', async () => {
    await assert.rejects(subscribe(t.ctx, { channel: 'webhook', address: 'http://127.0.0.1:8080/hook' }, visitor, endpoints.outbound), {
      code: 'validation_failed',
    });
    await assert.rejects(subscribe(t.ctx, { address: 'bob@example.com', componentIds: ['aaaaaaaaaaaa'] }, visitor, endpoints.outbound), {
      code: 'component_not_found',
    });
    await assert.rejects(subscribe(t.ctx, { address: 'not an address' }, visitor, endpoints.outbound), { name: 'ZodError' });
    assert.equal((await listSubscribers(t.ctx, { limit: 10, offset: 0 })).total, 0);
    // Refused requests were rolled back with everything else, so the limit still has room for twenty.
    for (let i = 0; i < requestsPerIpPerHour; i++) await subscribe(t.ctx, { address: `x${i}@example.com` }, visitor, endpoints.outbound);
    await assert.rejects(subscribe(t.ctx, { address: 'late@example.com' }, visitor, endpoints.outbound), { code: 'rate_limited' });
  });
});
