import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { startUpstreamStatuspage } from '../../../test/support/upstream-statuspage.ts';
import type { Outbound } from '../../outbound/index.ts';
import { createComponent, listComponents } from '../components/index.ts';
import { createApiKey } from '../accounts/index.ts';
import { createIncident, queryIncidents } from '../incidents/index.ts';
import { exportPageFile } from '../page-as-code/index.ts';
import { listSubscribers } from '../subscribers/index.ts';
import { listTemplates } from '../templates/index.ts';
import { importStatuspageManageApi, readManageApi } from './index.ts';

// The source is another Aviso, listening on 127.0.0.1, read through its Statuspage-compatible /v1
// with an API key: the same requests `--api-url` sends to api.statuspage.io.
describe('aviso import statuspage --api-key --page-id (Manage API v1)', () => {
  let source: ApiTestApp;
  let apiUrl: string;
  let outbound: Outbound;
  const ids: Record<string, string> = {};
  // A fresh key for each import (the source allows each key 60 requests a minute); subscribers need the admin scope.
  const from = async () => ({
    apiKey: (await createApiKey(source.ctx, { name: 'Import', scope: 'admin' })).key,
    pageId: source.pageId,
    apiUrl,
  });

  const call = async (method: 'POST' | 'PATCH', url: string, payload: unknown) => {
    const answer = await source.aviso.app.inject({
      method,
      url: `/v1/pages/${source.pageId}${url}`,
      headers: { authorization: `OAuth ${source.adminKey}` },
      payload: payload as Record<string, unknown>,
    });
    assert.ok(answer.statusCode < 300, answer.body);
    return answer.json() as Record<string, string>;
  };

  before(async () => {
    outbound = createTestOutbound();
    source = await createApiTestApp({ now: '2025-11-20T12:00:00.000Z' });
    await source.aviso.app.listen({ port: 0, host: '127.0.0.1' });
    apiUrl = `http://127.0.0.1:${(source.aviso.app.server.address() as AddressInfo).port}/v1`;
    ids.api = (await call('POST', '/components', { component: { name: 'API', status: 'degraded_performance' } })).id!;
    ids.cdn = (await call('POST', '/components', { component: { name: 'CDN' } })).id!;
    ids.dns = (await call('POST', '/components', { component: { name: 'DNS' } })).id!;
    ids.edge = (await call('POST', '/component-groups', { component_group: { name: 'Edge', components: [ids.cdn, ids.dns] } })).id!;
    // More incidents than one page of the list holds (100), so the import has to page.
    for (let n = 1; n <= 103; n++)
      await createIncident(source.ctx, { name: `Incident ${n}`, status: 'resolved', body: `Fixed ${n}.`, componentIds: [ids.cdn!] });
    await call('POST', '/incidents', {
      incident: {
        name: 'DNS migration',
        status: 'scheduled',
        scheduled_for: '2025-12-01T02:00:00.000Z',
        scheduled_until: '2025-12-01T04:00:00.000Z',
        body: 'We move DNS.',
        component_ids: [ids.dns],
      },
    });
    await call('POST', '/incident_templates', {
      template: { name: 'API slow', title: 'The API is slow', body: 'We are looking into it.', component_ids: [ids.api] },
    });
    await call('POST', '/subscribers', { subscriber: { email: 'confirmed@example.com', skip_confirmation_notification: true } });
    await call('POST', '/subscribers', {
      subscriber: { email: 'api-only@example.com', skip_confirmation_notification: true, component_ids: [ids.api] },
    });
    await call('POST', '/subscribers', { subscriber: { email: 'never-confirmed@example.com' } });
  });
  after(async () => {
    await source.close();
    await outbound.close();
  });

  test('takes components, groups, every incident page by page, maintenances, templates and confirmed subscribers; twice changes nothing', async () => {
    const t: TestContext = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
    try {
      const dry = await importStatuspageManageApi(t.ctx, outbound, await from(), { dryRun: true });
      assert.equal(dry.applied, false);
      assert.ok(dry.changes.some((c) => /1 incident template/.test(c)));
      assert.deepEqual(await listComponents(t.ctx.db), [], 'a dry run changes nothing');

      console.error('DRY', dry.changes.slice(-5));
      const first = await importStatuspageManageApi(t.ctx, outbound, await from()).catch((e) => {
        console.error('FIRST', e);
        throw e;
      });
      assert.equal(first.applied, true);
      const components = await listComponents(t.ctx.db);
      assert.deepEqual(components.map((c) => c.id).sort(), Object.values(ids).sort(), 'the source ids are kept');
      assert.equal(components.find((c) => c.id === ids.dns)?.groupId, ids.edge);
      assert.equal(components.find((c) => c.id === ids.api)?.status, 'degraded_performance');
      const events = await queryIncidents(t.ctx, {});
      assert.equal(events.filter((e) => e.kind === 'incident').length, 103, 'all incidents, beyond the first page');
      assert.equal(events.find((e) => e.kind === 'maintenance')?.name, 'DNS migration');
      const templates = await listTemplates(t.ctx);
      assert.deepEqual(
        templates.map((x) => [x.name, x.title, x.componentIds]),
        [['API slow', 'The API is slow', [ids.api]]],
      );
      const { subscribers } = await listSubscribers(t.ctx, { limit: 100, offset: 0 });
      assert.deepEqual(subscribers.map((s) => [s.address, s.state, s.componentIds]).sort(), [
        ['api-only@example.com', 'active', [ids.api]],
        ['confirmed@example.com', 'active', []],
      ]);
      assert.ok(first.notes.some((n) => /1 subscriber\(s\) who never confirmed were left out/.test(n)));

      const exported = await exportPageFile(t.ctx);
      const revision = t.ctx.revisions.current;
      const again = await importStatuspageManageApi(t.ctx, outbound, await from());
      assert.deepEqual(again.changes, [], 'importing again changes nothing');
      assert.equal(t.ctx.revisions.current, revision);
      assert.equal(await exportPageFile(t.ctx), exported);
      assert.equal((await listTemplates(t.ctx)).length, 1);
      assert.equal((await listSubscribers(t.ctx, { limit: 100, offset: 0 })).subscribers.length, 2);

      await createComponent(t.ctx, { name: 'Ours' });
      await assert.rejects(importStatuspageManageApi(t.ctx, outbound, await from()), /already has 1 component.*use --merge/);
      assert.deepEqual((await importStatuspageManageApi(t.ctx, outbound, await from(), { merge: true })).changes, []);
    } finally {
      await t.close();
    }
  });

  test('a refused key, an unknown page and a rate limit get clear messages; nothing is half-imported', async () => {
    const t: TestContext = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
    const upstream = await startUpstreamStatuspage();
    try {
      await assert.rejects(
        importStatuspageManageApi(t.ctx, outbound, { apiKey: 'wrong', pageId: source.pageId, apiUrl }),
        /answered 401: the API key was refused/,
      );
      await assert.rejects(
        importStatuspageManageApi(t.ctx, outbound, { ...(await from()), pageId: 'nosuchpage12' }),
        /answered 404: no page nosuchpage12 there; check --page-id and --api-url/,
      );
      // A source that answers the first lists and then limits: nothing of the first lists is kept.
      upstream.serve('/pages/p1', { status: 200, body: JSON.stringify({ id: 'p1', name: 'Limited' }) });
      upstream.serve('/pages/p1/components?page=1&per_page=100&limit=100', { status: 200, body: '[]' });
      upstream.serve('/pages/p1/component-groups?page=1&per_page=100&limit=100', {
        status: 429,
        body: '{}',
        headers: { 'retry-after': '60' },
      });
      await assert.rejects(
        importStatuspageManageApi(t.ctx, outbound, { apiKey: 'k', pageId: 'p1', apiUrl: upstream.base }),
        /answered 429: the page limits requests; try again in 60 seconds/,
      );
      // Past its burst the reading waits between requests, as Statuspage's 60 a minute per key asks.
      const started = Date.now();
      const read = await readManageApi(outbound, await from(), { burst: 2, pauseMs: 150 });
      assert.equal(read.incidents.length, 104);
      assert.ok(Date.now() - started >= 6 * 150, 'the six of its eight requests past the first two waited');
      upstream.goAway();
      await assert.rejects(
        importStatuspageManageApi(t.ctx, outbound, { apiKey: 'k', pageId: 'p1', apiUrl: upstream.base }),
        /could not be read/,
      );
      assert.deepEqual(await listComponents(t.ctx.db), []);
      assert.deepEqual(await queryIncidents(t.ctx, {}), []);
      assert.deepEqual(await listTemplates(t.ctx), []);
    } finally {
      await upstream.close();
      await t.close();
    }
  });
});
