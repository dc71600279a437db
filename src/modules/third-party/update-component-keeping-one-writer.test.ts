import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createReceiver, deleteReceiver } from '../alerts/index.ts';
import { createComponent, findComponent } from '../components/index.ts';
import { createMonitor, deleteMonitor, updateMonitor } from '../monitors/index.ts';
import { updateComponentKeepingOneWriter } from './index.ts';

const mirror = { sourceUrl: 'https://status.upstream.example/', componentId: 'abc123' };
const probe = (componentId: string | null, name = 'API health') =>
  ({ name, kind: 'tcp', componentId, settings: { host: 'api.example.test', port: 443 } }) as const;

describe('one component, one writer: a monitor or an alert rule and a third-party mirror exclude each other', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  test('mirroring a component a monitor moves is refused, naming the monitor; nothing changes', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const { monitor } = await createMonitor(t.ctx, probe(api.id), { mayAllowPrivate: false });
    await assert.rejects(updateComponentKeepingOneWriter(t.ctx, api.id, { name: 'Public API', thirdParty: mirror }), {
      code: 'component_has_writer',
      message:
        '"API" is already moved by the monitor "API health"; one component has one writer, so delete or move it before mirroring a third-party page.',
      details: [{ path: 'thirdParty', message: 'cannot be set while the monitor "API health" moves this component' }],
    });
    const after = await findComponent(t.ctx.db, api.id);
    assert.deepEqual([after?.name, after?.thirdParty], ['API', null], 'the refused edit wrote nothing, the name included');

    // Other edits still work, and once the monitor moves elsewhere the component may mirror.
    assert.equal((await updateComponentKeepingOneWriter(t.ctx, api.id, { name: 'Public API' })).name, 'Public API');
    await updateMonitor(t.ctx, monitor.id, { componentId: null }, { mayAllowPrivate: false });
    assert.deepEqual((await updateComponentKeepingOneWriter(t.ctx, api.id, { thirdParty: mirror })).thirdParty, mirror);
  });

  test('mirroring a component an alert rule maps to is refused, naming every writer', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const { receiver } = await createReceiver(t.ctx, { name: 'Prometheus', rules: [{ matchers: ['service="api"'], componentId: api.id }] });
    await assert.rejects(updateComponentKeepingOneWriter(t.ctx, api.id, { thirdParty: mirror }), {
      code: 'component_has_writer',
      message: /^"API" is already moved by a rule of the alert receiver "Prometheus";/,
    });
    const { monitor } = await createMonitor(t.ctx, probe(api.id, 'Ping'), { mayAllowPrivate: false });
    await assert.rejects(updateComponentKeepingOneWriter(t.ctx, api.id, { thirdParty: mirror }), {
      message: /^"API" is already moved by the monitor "Ping" and a rule of the alert receiver "Prometheus"; .* delete or move them /,
    });
    await deleteMonitor(t.ctx, monitor.id);
    await deleteReceiver(t.ctx, receiver.id);
    assert.deepEqual((await updateComponentKeepingOneWriter(t.ctx, api.id, { thirdParty: mirror })).thirdParty, mirror);
  });

  test('the other order: a mirrored component refuses a monitor and an alert rule', async () => {
    const mailgun = await createComponent(t.ctx, { name: 'Mailgun', thirdParty: mirror });
    await assert.rejects(createMonitor(t.ctx, probe(mailgun.id), { mayAllowPrivate: false }), { code: 'component_has_writer' });
    const { monitor } = await createMonitor(t.ctx, probe(null), { mayAllowPrivate: false });
    await assert.rejects(updateMonitor(t.ctx, monitor.id, { componentId: mailgun.id }, { mayAllowPrivate: false }), {
      code: 'component_has_writer',
    });
    await assert.rejects(createReceiver(t.ctx, { name: 'Grafana', rules: [{ matchers: ['service="mail"'], componentId: mailgun.id }] }), {
      code: 'component_has_writer',
    });
    // Leaving the mirror in place (or changing its source) is not a new writer.
    assert.equal((await updateComponentKeepingOneWriter(t.ctx, mailgun.id, { name: 'Mailgun EU', thirdParty: mirror })).name, 'Mailgun EU');
  });

  test('a monitor and a mirror attached at the same moment: exactly one of them wins, never both', async () => {
    for (let round = 0; round < 10; round++) {
      const shop = await createComponent(t.ctx, { name: `Shop ${round}` });
      const [monitor, mirrored] = await Promise.allSettled([
        createMonitor(t.ctx, probe(shop.id, `Shop port ${round}`), { mayAllowPrivate: false }),
        updateComponentKeepingOneWriter(t.ctx, shop.id, { thirdParty: mirror }),
      ]);
      const won = [monitor.status, mirrored.status].filter((s) => s === 'fulfilled').length;
      assert.equal(won, 1, `round ${round}: ${monitor.status} / ${mirrored.status}`);
      const lost = monitor.status === 'rejected' ? monitor : mirrored;
      assert.equal((lost as PromiseRejectedResult).reason.code, 'component_has_writer');
    }
  });
});
