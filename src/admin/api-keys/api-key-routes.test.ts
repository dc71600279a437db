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

test('the API keys screen speaks the member’s language; what they named a key and the API’s own words stay as written', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  const fr = { 'accept-language': 'fr-CA,fr;q=0.9' };

  const empty = await admin.get('/admin/api-keys', fr);
  assert.match(empty.body, /<html lang="fr" dir="ltr">/);
  for (const french of [
    '<h1>Clés d’API</h1>',
    'Les clés authentifient les API de gestion (<code>/api/v1/</code> et celle compatible avec Statuspage, <code>/v1/pages/…</code>) avec <code>Authorization: OAuth &lt;key></code> ou <code>Bearer &lt;key></code>.',
    '<a href="/api/docs">Documentation de l’API</a>',
    'Aucune clé d’API pour l’instant.',
    '<h2>Créer une clé</h2>',
    '<option value="write" selected>Lecture et écriture</option>',
    'Ce qui l’utilise, par exemple « Alertmanager ».',
  ])
    assert.ok(empty.body.includes(french), french);
  for (const english of ['Keys authenticate', 'No API keys yet', 'Create a key', 'Read and write', 'API documentation'])
    assert.ok(!empty.body.includes(english), english);

  const created = await admin.post('/admin/api-keys', { name: 'Alertmanager', scope: 'read' }, { headers: fr });
  assert.equal(created.statusCode, 201);
  assert.match(created.body, /La clé « Alertmanager » est créée\. Copiez-la maintenant : elle n’est affichée qu’une fois\./);
  assert.match(created.body, /Alertmanager <span class="meta">\(Lecture seule\)<\/span>/);
  assert.match(created.body, /créée : [^<]+ · dernière utilisation : —/);
  assert.match(created.body, /aria-label="Révoquer Alertmanager">Révoquer<\/button>/);
  assert.doesNotMatch(created.body, /is created|read only|last used|>Revoke</);

  const arabic = await admin.get('/admin/api-keys', { 'accept-language': 'ar' });
  assert.match(arabic.body, /<html lang="ar" dir="rtl">/);
  assert.match(arabic.body, /<h1>مفاتيح API<\/h1>/);
});
