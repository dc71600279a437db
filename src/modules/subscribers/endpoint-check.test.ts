import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { createOutbound, publicTargetsOnly, type Outbound } from '../../outbound/index.ts';
import { isAppError } from '../../shared/errors.ts';
import { startDnsServer, type DnsServer } from '../../../test/support/dns-server.ts';
import { assertNoAddressIn, hostOf, internalNames, internalUrls } from '../../../test/support/internal-targets.ts';
import { publicTestNames } from '../../../test/support/outbound.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { addSubscriber, countSubscribers, importSubscribersCsv, subscribe } from './index.ts';

describe('endpoints are checked when they are subscribed, through a real resolver', () => {
  let dns: DnsServer;
  let strict: Outbound;
  let t: TestContext;
  before(async () => {
    dns = await startDnsServer({ ...internalNames, ...publicTestNames });
    strict = createOutbound({ policy: publicTargetsOnly, dnsServers: [dns.address] });
  });
  after(() => dns.close());
  beforeEach(async () => (t = await createTestContext()));
  afterEach(() => t.close());

  /** The refusal a surface shows: `validation_failed` on `address`, with a reason naming no address. */
  const refusedFor = (url: string) => (error: unknown) => {
    assert.ok(isAppError(error), String(error));
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.details?.[0]?.path, 'address');
    assert.match(error.message, /^address: the address (of \S+ )?is not public$/, `${url}: ${error.message}`);
    assertNoAddressIn(error.message, { host: hostOf(url), port: 8080 });
    return true;
  };

  test('every internal form is refused from the public form and by a team member, for every endpoint channel', async () => {
    let visitor = 0;
    for (const url of internalUrls(8080)) {
      await assert.rejects(
        subscribe(t.ctx, { channel: 'webhook', address: url }, { ip: `203.0.113.${++visitor}` }, strict),
        refusedFor(url),
      );
      await assert.rejects(addSubscriber(t.ctx, { channel: 'webhook', address: url }, strict), refusedFor(url));
    }
    const mapped = 'http://[::ffff:169.254.169.254]/hook';
    for (const channel of ['slack', 'discord', 'teams'] as const)
      await assert.rejects(addSubscriber(t.ctx, { channel, address: mapped }, strict), refusedFor(mapped));
    assert.deepEqual(await countSubscribers(t.ctx), { unconfirmed: 0, active: 0, quarantined: 0, unsubscribed: 0 });
    const accepted = await addSubscriber(t.ctx, { channel: 'slack', address: 'https://hooks.slack.com/services/T0/B0/x' }, strict);
    assert.equal(accepted.state, 'active');
    const fromForm = await subscribe(
      t.ctx,
      { channel: 'webhook', address: 'https://hooks.example.com./aviso' },
      { ip: '203.0.113.99' },
      strict,
    );
    assert.match(fromForm.signingSecret ?? '', /^[A-Za-z0-9_-]{32}$/);
  });

  test('a CSV import with one internal endpoint imports nothing and names each refused line', async () => {
    const csv = [
      'channel,address',
      'email,ann@example.com',
      'webhook,https://hooks.example.com/ok',
      'webhook,http://localtest.me/',
      'discord,http://[64:ff9b::a9fe:a9fe]/x',
      'webhook,http://2130706433/',
    ].join('\n');
    await assert.rejects(importSubscribersCsv(t.ctx, csv, strict), (error: unknown) => {
      assert.ok(isAppError(error));
      assert.equal(error.message, 'Some rows of the CSV are not valid; nothing was imported.');
      assert.deepEqual(error.details, [
        { path: 'line 4', message: 'address: the address of localtest.me is not public' },
        { path: 'line 5', message: 'address: the address is not public' },
        { path: 'line 6', message: 'address: the address is not public' },
      ]);
      return true;
    });
    assert.equal((await countSubscribers(t.ctx)).active, 0);
    assert.deepEqual(await importSubscribersCsv(t.ctx, csv.split('\n').slice(0, 3).join('\n'), strict), { added: 2, skipped: 0 });
  });

  test('an operator’s allowed range is accepted; other private addresses stay refused', async () => {
    const lan = strict.withPolicy({ allowPrivate: ['10.0.0.0/8'] });
    const intranet = await addSubscriber(t.ctx, { channel: 'webhook', address: 'http://intranet:8080/hook' }, lan);
    assert.equal(intranet.address, 'http://intranet:8080/hook');
    await addSubscriber(t.ctx, { channel: 'webhook', address: 'http://cname-to-internal.example.com/hook' }, lan);
    await assert.rejects(
      addSubscriber(t.ctx, { channel: 'webhook', address: 'http://127.0.0.1.nip.io/' }, lan),
      refusedFor('http://127.0.0.1.nip.io/'),
    );
  });

  test('a name that does not resolve, or a URL that is not http(s), is refused with its own reason', async () => {
    await assert.rejects(addSubscriber(t.ctx, { channel: 'webhook', address: 'https://nowhere.example.com/hook' }, strict), {
      message: 'address: nowhere.example.com could not be resolved',
    });
    await assert.rejects(addSubscriber(t.ctx, { channel: 'webhook', address: 'http://under_score..example.com/' }, strict), {
      code: 'validation_failed',
    });
  });
});
