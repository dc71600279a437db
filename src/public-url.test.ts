import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApiTestApp } from '../test/support/api-test-app.ts';
import { notificationSettings } from './modules/notifications/index.ts';
import { loadConfig } from './config.ts';

const publicUrl = 'https://status.acme.test';

test('feeds, both APIs, the calendar and notifications link to AVISO_PUBLIC_URL, whatever the stored page setting says', async (t) => {
  const app = await createApiTestApp({ env: { AVISO_PUBLIC_URL: publicUrl } });
  t.after(() => app.close());
  const inject = (url: string, headers: Record<string, string> = {}) => app.aviso.app.inject({ method: 'GET', url, headers });
  const stored = await app.aviso.app.inject({
    method: 'PATCH',
    url: `/v1/pages/${app.pageId}`,
    headers: { authorization: `OAuth ${app.writeKey}` },
    payload: { page: { url: 'https://somewhere-else.test' } },
  });
  assert.equal(stored.statusCode, 200);
  const opened = await app.aviso.app.inject({
    method: 'POST',
    url: '/api/v1/incidents',
    headers: { authorization: `Bearer ${app.writeKey}` },
    payload: { name: 'Linked', status: 'investigating', body: 'Where do links go?' },
  });
  assert.equal(opened.statusCode, 201);
  const id = (opened.json() as { id: string }).id;

  const summary = (await inject('/api/v2/summary.json')).json() as { page: { url: string }; incidents: { shortlink: string }[] };
  assert.equal(summary.page.url, publicUrl);
  assert.equal(summary.incidents[0]?.shortlink, `${publicUrl}/incidents/${id}`);
  const v1 = (await inject(`/v1/pages/${app.pageId}`, { authorization: `OAuth ${app.readKey}` })).json() as { url: string; domain: string };
  assert.equal(v1.url, publicUrl);
  assert.equal(v1.domain, 'status.acme.test');
  const v1Incident = (await inject(`/v1/pages/${app.pageId}/incidents/${id}`, { authorization: `OAuth ${app.readKey}` })).json() as {
    shortlink: string;
  };
  assert.equal(v1Incident.shortlink, `${publicUrl}/incidents/${id}`);
  assert.match((await inject('/history.atom')).body, new RegExp(`href="${publicUrl}/incidents/${id}"`));
  assert.match((await inject('/history.rss')).body, new RegExp(`<link>${publicUrl}/incidents/${id}</link>`));
  assert.doesNotMatch((await inject('/history.atom')).body, /somewhere-else/);
  assert.equal(notificationSettings(loadConfig({ AVISO_PUBLIC_URL: `${publicUrl}/` })).publicUrl, publicUrl, 'emails and webhooks too');
});
