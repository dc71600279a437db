import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApiTestApp } from '../../test/support/api-test-app.ts';

test('/docs/webhooks, the link in every webhook payload, answers with the webhook documentation', async (t) => {
  const app = await createApiTestApp();
  t.after(() => app.close());
  const response = await app.aviso.app.inject({ method: 'GET', url: '/docs/webhooks' });
  assert.equal(response.statusCode, 200);
  assert.match(response.headers['content-type'] as string, /^text\/html/);
  assert.match(response.body, /<h1>Webhook notifications<\/h1>/);
  for (const header of ['X-Aviso-Signature', 'X-Aviso-Timestamp', 'X-Aviso-Event', 'X-Aviso-Delivery'])
    assert.ok(response.body.includes(header), `documents ${header}`);
  assert.match(response.body, /component_update/);
  const again = await app.aviso.app.inject({
    method: 'GET',
    url: '/docs/webhooks',
    headers: { 'if-none-match': response.headers['etag'] as string },
  });
  assert.equal(again.statusCode, 304);
});
