import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';

test('the audit log shows who opened an incident from the admin app, with the incident after the change', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const editor = await app.signIn('editor');
  await editor.get('/admin');
  await editor.post('/admin/incidents', { name: 'Login failures', status: 'investigating', body: 'Looking into it.' });

  const log = await editor.get('/admin/audit');
  assert.equal(log.statusCode, 200);
  assert.match(log.body, /<strong>incident\.open<\/strong>/);
  assert.match(log.body, /by editor 1 \(user\)/);
  assert.match(log.body, /Login failures/);

  const onlyKeys = await editor.get('/admin/audit?entityType=api_key');
  assert.equal(onlyKeys.statusCode, 200);
  assert.doesNotMatch(onlyKeys.body, /incident\.open/);
  assert.doesNotMatch(onlyKeys.body, /Login failures/);
});

test('where members logged in from is shown to owners and admins, not to editors or viewers', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const viewer = await app.signIn('viewer');
  const admin = await app.signIn('admin');
  const logins = (body: string) => body.match(/user\.log_in/g)?.length ?? 0;

  const forAdmin = await admin.get('/admin/audit?entityType=user');
  assert.equal(logins(forAdmin.body), 2);
  assert.match(forAdmin.body, /127\.0\.0\.1/);
  const forViewer = await viewer.get('/admin/audit?entityType=user');
  assert.equal(logins(forViewer.body), 2, 'the viewer still sees who logged in and when');
  assert.doesNotMatch(forViewer.body, /127\.0\.0\.1/);
});

test('a member reading Portuguese sees the audit log in it, with the action ids as they are', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const editor = await app.signIn('editor');
  await editor.get('/admin');
  await editor.post('/admin/incidents', { name: 'Login failures', status: 'investigating', body: 'Looking into it.' });

  const log = (await editor.get('/admin/audit', { 'accept-language': 'pt-BR' })).body;
  assert.match(log, /<h1>Registro de auditoria<\/h1>/);
  assert.match(log, /<strong>incident\.open<\/strong>/, 'an action id stays an id');
  assert.match(log, /por editor 1 \(usuário\)/);
  for (const words of ['Só alterações em', '>Tudo<', '>Atualizações de incidentes<', 'Antes e depois', '<strong>Depois</strong>']) {
    assert.ok(log.includes(words), words);
  }
  for (const words of ['Only changes to', '>Everything<', 'by editor 1', 'Before and after', '<strong>After</strong>']) {
    assert.ok(!log.includes(words), words);
  }
});
