import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { authenticateApiKey, listApiKeys } from '../../modules/accounts/index.ts';

test('an API key is shown once when created, listed by its prefix, and refused once revoked', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  await admin.get('/admin/api-keys');
  const created = await admin.post('/admin/api-keys', { name: 'Alertmanager', scope: 'read' });
  assert.equal(created.statusCode, 201);
  const key = /(avk_[A-Za-z0-9_-]+)/.exec(created.body)?.[1] ?? '';
  assert.ok(key.length > 20, 'the raw key is on the page');
  assert.equal((await authenticateApiKey(app.ctx, key))?.scope, 'read');

  const list = await admin.get('/admin/api-keys');
  assert.match(list.body, /Alertmanager/);
  assert.doesNotMatch(list.body, new RegExp(key), 'the full key is never shown again');

  const [info] = await listApiKeys(app.ctx);
  await admin.post(`/admin/api-keys/${info!.id}/revoke`, {});
  assert.equal(await authenticateApiKey(app.ctx, key), null);
});

test('an editor cannot see or create API keys', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const editor = await app.signIn('editor');
  assert.equal((await editor.get('/admin/api-keys')).statusCode, 403);
  await editor.get('/admin');
  assert.equal((await editor.post('/admin/api-keys', { name: 'x', scope: 'write' })).statusCode, 403);
  assert.equal((await listApiKeys(app.ctx)).length, 0);
});
