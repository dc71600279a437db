import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createComponent } from '../../modules/components/index.ts';
import { listJobs } from '../../jobs/index.ts';
import { openIncident } from '../../modules/incidents/index.ts';
import { apiClient } from '../../../test/support/api-client.ts';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';

describe('Statuspage v1 /subscribers', () => {
  let t: ApiTestApp;
  let call: ReturnType<typeof apiClient>;
  beforeEach(async () => {
    t = await createApiTestApp();
    call = apiClient(t, () => t.adminKey);
  });
  afterEach(() => t.close());

  test('subscribers are read and changed only with an admin key; any key reads the counts', async () => {
    const base = `/v1/pages/${t.pageId}/subscribers`;
    const created = await call('POST', base, { json: { subscriber: { email: 'ops@example.com', skip_confirmation_notification: true } } });
    assert.equal(created.statusCode, 201);
    const id = created.json().id as string;
    for (const key of [t.readKey, t.writeKey]) {
      for (const [method, url] of [
        ['GET', base],
        ['GET', `${base}/${id}`],
        ['POST', base],
        ['DELETE', `${base}/${id}`],
      ] as const) {
        const refused = await call(method, url, { key, ...(method === 'POST' && { json: { subscriber: { email: 'x@example.com' } } }) });
        assert.equal(refused.statusCode, 403, `${method} ${url}`);
        // A read key is refused any change first; a read or write key any subscriber data.
        const reason = key === t.readKey && method !== 'GET' ? /read-only/ : /Subscriber data needs an API key with the admin scope/;
        assert.match(refused.json().message, reason);
        assert.doesNotMatch(refused.body, /ops@example\.com/);
      }
      assert.deepEqual((await call('GET', `${base}/count`, { key })).json(), { count: 1 });
    }
    assert.equal((await call('GET', `${base}/${id}`)).json().email, 'ops@example.com', 'nothing was removed');
  });

  test('bulk unsubscribe and reactivate act on every id given, or on none when one is unknown', async () => {
    const base = `/v1/pages/${t.pageId}/subscribers`;
    const ids: string[] = [];
    for (const email of ['a@example.com', 'b@example.com']) {
      ids.push((await call('POST', base, { json: { subscriber: { email, skip_confirmation_notification: true } } })).json().id);
    }
    const refused = await call('POST', `${base}/unsubscribe`, { json: { subscribers: [...ids, 'aaaaaaaaaaaa'] } });
    assert.equal(refused.statusCode, 404);
    assert.deepEqual((await call('GET', `${base}/count`)).json(), { count: 2 }, 'nobody was unsubscribed');
    const done = await call('POST', `${base}/unsubscribe`, { json: { subscribers: ids } });
    assert.equal(done.statusCode, 200);
    assert.deepEqual(done.json(), { message: '2 subscriber(s) unsubscribed.' });
    assert.deepEqual((await call('GET', `${base}/count`)).json(), { count: 0 });
    assert.equal((await call('POST', `${base}/reactivate`, { json: { subscribers: ids } })).statusCode, 200);
    assert.deepEqual((await call('GET', `${base}/count`)).json(), { count: 2 });
  });

  test('adds, lists, reads, narrows, counts and deletes subscribers in Statuspage shape', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const base = `/v1/pages/${t.pageId}/subscribers`;
    const created = await call('POST', base, { json: { subscriber: { email: 'ops@example.com', skip_confirmation_notification: true } } });
    assert.equal(created.statusCode, 201);
    const subscriber = created.json();
    assert.equal(subscriber.mode, 'email');
    assert.equal(subscriber.email, 'ops@example.com');
    assert.equal(subscriber.state, 'active');
    const pending = await call('POST', base, { form: 'subscriber[email]=new@example.com' });
    assert.equal(pending.json().state, 'unconfirmed');
    assert.ok(
      (await listJobs(t.ctx.db)).some((j) => j.name === 'notifications.deliver'),
      'the unconfirmed address is sent its link',
    );
    const hook = await call('POST', base, {
      json: { subscriber: { endpoint: 'https://hooks.example.com/aviso', email: 'owner@example.com' } },
    });
    assert.equal(hook.json().mode, 'webhook');
    assert.equal(hook.json().endpoint, 'https://hooks.example.com/aviso');

    assert.deepEqual(
      (await call('GET', base))
        .json()
        .map((s: { email: string }) => s.email)
        .sort(),
      ['ops@example.com', 'owner@example.com'],
    );
    assert.deepEqual(
      (await call('GET', `${base}?state=unconfirmed`)).json().map((s: { email: string }) => s.email),
      ['new@example.com'],
    );
    assert.deepEqual((await call('GET', `${base}?type=webhook&q=hooks`)).json().length, 1);
    assert.deepEqual((await call('GET', `${base}/count`)).json(), { count: 2 });
    assert.deepEqual((await call('GET', `${base}/histogram_by_state`)).json().email, {
      unconfirmed: 1,
      active: 1,
      quarantined: 0,
      unsubscribed: 0,
    });

    const narrowed = await call('PATCH', `${base}/${subscriber.id}`, { json: { component_ids: [api.id] } });
    assert.deepEqual(narrowed.json().components, [api.id]);
    assert.equal((await call('GET', `${base}/${subscriber.id}`)).json().components[0], api.id);
    assert.equal((await call('DELETE', `${base}/${subscriber.id}`)).statusCode, 200);
    assert.equal((await call('GET', `${base}/${subscriber.id}`)).statusCode, 404);
  });

  test('subscribes an address to one incident, lists, reads and removes it there', async () => {
    const incident = await openIncident(t.ctx, { name: 'Errors' });
    const base = `/v1/pages/${t.pageId}/incidents/${incident.id}/subscribers`;
    const created = await call('POST', base, {
      json: { subscriber: { email: 'watcher@example.com', skip_confirmation_notification: true } },
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().incident_id, incident.id);
    assert.deepEqual(
      (await call('GET', base)).json().map((s: { email: string }) => s.email),
      ['watcher@example.com'],
    );
    assert.deepEqual(
      (await call('GET', `/v1/pages/${t.pageId}/subscribers`)).json().length,
      1,
      'an incident subscriber is a subscriber too',
    );
    assert.equal((await call('GET', `${base}/${created.json().id}`)).json().email, 'watcher@example.com');
    const other = await openIncident(t.ctx, { name: 'Other' });
    assert.equal((await call('GET', `/v1/pages/${t.pageId}/incidents/${other.id}/subscribers/${created.json().id}`)).statusCode, 404);
    assert.equal(
      (await call('POST', `/v1/pages/${t.pageId}/incidents/zzzzzzzzzzzz/subscribers`, { json: { subscriber: { email: 'x@example.com' } } }))
        .statusCode,
      404,
    );
    assert.equal((await call('DELETE', `${base}/${created.json().id}`)).statusCode, 200);
    assert.deepEqual((await call('GET', base)).json(), []);
  });

  test('refuses bad input, a duplicate, and writes with a read-only key', async () => {
    const base = `/v1/pages/${t.pageId}/subscribers`;
    const bad = await call('POST', base, { json: { subscriber: { email: 'nope' } } });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().message, /email/);
    await call('POST', base, { json: { subscriber: { email: 'a@example.com', skip_confirmation_notification: true } } });
    assert.equal((await call('POST', base, { json: { subscriber: { email: 'A@example.com' } } })).statusCode, 409);
    assert.equal((await call('POST', base, { key: t.readKey, json: { subscriber: { email: 'b@example.com' } } })).statusCode, 403);
    assert.equal((await call('PATCH', `${base}/zzzzzzzzzzzz`, { json: { component_ids: [] } })).statusCode, 404);
  });

  test('refuses endpoints that point inside the network, saying why without naming an address', async () => {
    const strict = await createApiTestApp({ env: { AVISO_ALLOW_PRIVATE_TARGETS: '' } });
    try {
      strict.dns.set('127.0.0.1.nip.io', { A: ['127.0.0.1'] });
      const post = apiClient(strict, () => strict.adminKey);
      const base = `/v1/pages/${strict.pageId}/subscribers`;
      const refused = {
        'http://localhost./hook': 'the address of localhost is not public',
        'http://127.0.0.1.nip.io:8080/hook': 'the address of 127.0.0.1.nip.io is not public',
        'http://[64:ff9b::a9fe:a9fe]/latest': 'the address is not public',
        'http://198.18.0.1/': 'the address is not public',
        'http://100.64.0.1/': 'the address is not public',
        'http://0x7f.1/': 'the address is not public',
      };
      for (const [endpoint, reason] of Object.entries(refused)) {
        const answer = await post('POST', base, { json: { subscriber: { endpoint, email: 'owner@example.com' } } });
        assert.equal(answer.statusCode, 422, endpoint);
        assert.equal(answer.json().message, `address: ${reason}`);
      }
      const slack = await post('POST', base, { json: { subscriber: { endpoint: 'http://[::ffff:10.0.0.1]/services/x', mode: 'slack' } } });
      assert.equal(slack.statusCode, 422);
      assert.deepEqual((await post('GET', `${base}/count`)).json(), { count: 0 });
      const hook = await post('POST', base, { json: { subscriber: { endpoint: 'https://hooks.example.com/aviso' } } });
      assert.equal(hook.statusCode, 201);
    } finally {
      await strict.close();
    }
  });
});
