import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JobWorker } from '../../jobs/index.ts';
import { createNotificationHandlers, createChannels } from '../../modules/notifications/index.ts';
import { openIncident } from '../../modules/incidents/index.ts';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { startHttpReceiver } from '../../../test/support/http-receiver.ts';

test('a page manager lists, searches, adds, imports, exports and removes subscribers, and reads a delivery log', async (t) => {
  const app = await createAdminTestApp();
  const receiver = await startHttpReceiver();
  t.after(async () => {
    await receiver.close();
    await app.close();
  });
  const admin = await app.signIn('admin');
  const empty = await admin.get('/admin/subscribers');
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /0 active · 0 unconfirmed · 0 quarantined · 0 unsubscribed/);

  const added = await admin.post('/admin/subscribers', { channel: 'webhook', address: `${receiver.base}/hook` });
  assert.equal(added.statusCode, 303);
  const imported = await admin.post('/admin/subscribers/import', { csv: 'address,locale\nann@example.com,fr\nbob@example.com,de\n' });
  assert.match(imported.body, /2 subscriber\(s\) imported; 0 already known/);
  const bad = await admin.post('/admin/subscribers/import', { csv: 'address\nnot-an-address\n' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /line 2/);

  const search = await admin.get('/admin/subscribers?q=ann');
  assert.match(search.body, />ann@example\.com</);
  assert.doesNotMatch(search.body, />bob@example\.com</);
  assert.match(search.body, /3 active/);

  const csv = await admin.get('/admin/subscribers/export.csv');
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  const lines = csv.body.trim().split('\n');
  assert.equal(lines[0], 'id,channel,address,state,scope,component_ids,incident_id,locale,created_at');
  assert.equal(lines.length, 4);

  await openIncident(app.ctx, { name: 'Errors' });
  await new JobWorker({
    ctx: app.ctx,
    handlers: createNotificationHandlers({
      publicUrl: 'https://status.example.test',
      channels: createChannels({ outbound: app.aviso.deps.outbound }),
    }),
  }).tick();
  const detail = await admin.get(added.headers.location as string);
  assert.match(detail.body, /<td>incident\.updated<\/td><td>webhook<\/td><td>sent<\/td>/);

  const removed = await admin.post(`${added.headers.location as string}/remove`, {});
  assert.equal(removed.statusCode, 303);
  assert.match((await admin.get('/admin/subscribers')).body, /2 active/);

  const editor = await app.signIn('editor');
  assert.equal((await editor.get('/admin/subscribers')).statusCode, 403, 'addresses are for page managers only');
});

test('internal endpoints are refused when added or imported, and a delivery refused later shows no internal address', async (t) => {
  const app = await createAdminTestApp({ env: { AVISO_ALLOW_PRIVATE_TARGETS: '' } });
  const receiver = await startHttpReceiver();
  t.after(async () => {
    await receiver.close();
    await app.close();
  });
  const admin = await app.signIn('admin');
  await admin.get('/admin/subscribers');
  const mapped = await admin.post('/admin/subscribers', { channel: 'webhook', address: 'http://[::ffff:127.0.0.1]/hook' });
  assert.equal(mapped.statusCode, 400);
  assert.match(mapped.body, /the address is not public/);
  const imported = await admin.post('/admin/subscribers/import', { csv: 'channel,address\nwebhook,http://metadata.google.internal./x\n' });
  assert.equal(imported.statusCode, 400);
  assert.match(imported.body, /line 2/);
  assert.match(imported.body, /the address of metadata\.google\.internal is not public/);

  app.dns.set('rebind.example.com', { A: ['93.184.215.14'] });
  const added = await admin.post('/admin/subscribers', {
    channel: 'webhook',
    address: `${receiver.base.replace('127.0.0.1', 'rebind.example.com')}/hook`,
  });
  assert.equal(added.statusCode, 303);
  app.dns.set('rebind.example.com', { A: ['127.0.0.1'] });
  await openIncident(app.ctx, { name: 'Errors' });
  const channels = createChannels({ outbound: app.aviso.deps.outbound });
  await new JobWorker({
    ctx: app.ctx,
    handlers: createNotificationHandlers({ publicUrl: 'https://status.example.test', channels }),
  }).tick();
  assert.equal(receiver.requests.length, 0);
  const detail = await admin.get(added.headers.location as string);
  assert.match(detail.body, /<td>incident\.updated<\/td><td>webhook<\/td><td>failed<\/td>/);
  assert.match(detail.body, /the address of rebind\.example\.com is not public/);
  assert.doesNotMatch(detail.body, /127\.0\.0\.1|ECONNREFUSED/);
});

test('a page manager reading Portuguese sees the subscriber list, the import, and a subscriber with their delivery log in it', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  const pt = { 'accept-language': 'pt-BR' };

  const empty = (await admin.get('/admin/subscribers', pt)).body;
  assert.match(empty, /<h1>Inscritos<\/h1>/);
  assert.match(empty, /0 ativos · 0 não confirmados · 0 em quarentena · 0 descadastrados/);
  for (const words of [
    'Exportar todos em CSV',
    'Buscar endereços',
    'Nenhum inscrito corresponde à busca.',
    'Adicionar um inscrito',
    'Importar de um CSV',
  ]) {
    assert.ok(empty.includes(words), words);
  }
  for (const words of [
    '0 active',
    'Export all as CSV',
    'Search addresses',
    'No subscribers match.',
    'Add a subscriber',
    'Import from CSV',
  ]) {
    assert.ok(!empty.includes(words), words);
  }

  const imported = await admin.post(
    '/admin/subscribers/import',
    { csv: 'address,locale\nann@example.com,fr\nbob@example.com,de\n' },
    { headers: pt },
  );
  assert.match(imported.body, /2 inscritos importados; nenhum já existia\./);
  assert.doesNotMatch(imported.body, /subscriber\(s\) imported/);
  const list = imported.body;
  assert.match(list, /<th scope="col">Endereço<\/th><th scope="col">Canal<\/th><th scope="col">Situação<\/th>/);
  assert.match(list, /<td>E-mail<\/td><td>ativo<\/td><td>página inteira<\/td>/);
  assert.doesNotMatch(list, /whole page|<td>active<\/td>/);

  const id = /href="\/admin\/subscribers\/([^"/]+)">ann@example\.com</.exec(list)?.[1];
  assert.ok(id !== undefined);
  const detail = (await admin.get(`/admin/subscribers/${id}`, pt)).body;
  assert.match(detail, /<dt>Idioma<\/dt><dd>Français<\/dd>/);
  for (const words of ['Registro de entregas', 'Nada foi enviado a este inscrito ainda.', 'Remover este inscrito', 'Todos os inscritos']) {
    assert.ok(detail.includes(words), words);
  }
  for (const words of ['Delivery log', 'Nothing has been sent', 'Remove this subscriber', 'All subscribers', '<dt>Language</dt>']) {
    assert.ok(!detail.includes(words), words);
  }
});
