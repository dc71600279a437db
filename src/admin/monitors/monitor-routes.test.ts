import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { createComponent } from '../../modules/components/index.ts';
import { createMonitor, insertResult, listMonitors } from '../../modules/monitors/index.ts';
import { createTemplate } from '../../modules/templates/index.ts';

test('an admin adds an HTTP monitor, tests it now, pauses and edits it; the list shows its state and last result', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const server = createServer((_req, res) => res.writeHead(200).end('fine'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const api = await createComponent(app.ctx, { name: 'Public API' });
  const admin = await app.signIn('admin');
  await admin.get('/admin/monitors');

  const refused = await admin.post('/admin/monitors', {
    name: 'API',
    kind: 'http',
    url: 'ftp://nope',
    componentId: api.id,
    failingStatus: 'major_outage',
    degradedStatus: 'degraded_performance',
    allowPrivate: 'on',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#f-url"/, 'the message points at the URL field');
  assert.equal((await listMonitors(app.ctx)).length, 0);

  const added = await admin.post('/admin/monitors', {
    name: 'API',
    kind: 'http',
    url,
    componentId: api.id,
    intervalSeconds: '30',
    timeoutSeconds: '5',
    failingStatus: 'partial_outage',
    degradedStatus: 'degraded_performance',
    allowPrivate: 'on',
  });
  assert.equal(added.statusCode, 303);
  const [view] = await listMonitors(app.ctx);
  assert.deepEqual([view?.monitor.failingStatus, view?.monitor.allowPrivate, view?.monitor.componentId], ['partial_outage', true, api.id]);
  const list = await admin.get('/admin/monitors');
  assert.match(list.body, /Not checked yet/);
  assert.match(list.body, /moves “Public API”/);

  const tested = await admin.post(`/admin/monitors/${view!.monitor.id}/test`, {});
  assert.match(tested.body, /Test now: up in \d+ ms/);

  await admin.post(`/admin/monitors/${view!.monitor.id}/pause`, {});
  assert.match((await admin.get('/admin/monitors')).body, /\(HTTP\(S\)\) · paused/);

  const edit = await admin.get(`/admin/monitors/${view!.monitor.id}`);
  assert.match(edit.body, new RegExp(`value="${url.replace(/[/.]/g, '\\$&')}"`));
  await admin.post(`/admin/monitors/${view!.monitor.id}`, {
    name: 'API v2',
    url,
    failingStatus: 'major_outage',
    degradedStatus: 'degraded_performance',
    intervalSeconds: '60',
    timeoutSeconds: '5',
    allowPrivate: 'on',
    autoIncident: 'on',
  });
  assert.deepEqual(
    [(await listMonitors(app.ctx))[0]?.monitor.name, (await listMonitors(app.ctx))[0]?.monitor.autoIncident],
    ['API v2', true],
  );
  assert.match(
    (await admin.get('/admin/monitors')).body,
    /Posts an incident automatically when its component goes down, until someone edits or posts on it/,
  );
});

test('a heartbeat’s secret URL is shown once; an editor cannot add monitors', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  await admin.get('/admin/monitors');
  const added = await admin.post('/admin/monitors', {
    name: 'Backups',
    kind: 'heartbeat',
    graceSeconds: '300',
    intervalSeconds: '3600',
    failingStatus: 'major_outage',
    degradedStatus: 'degraded_performance',
  });
  assert.equal(added.statusCode, 201);
  const pushUrl = /(http:\/\/[^<\s]+\/heartbeat\/[A-Za-z0-9_-]+)/.exec(added.body)?.[1];
  assert.ok(pushUrl !== undefined);
  assert.doesNotMatch((await admin.get('/admin/monitors')).body, new RegExp(pushUrl), 'never shown again');

  // A leaked URL is replaced: the new one is shown once, the old one stops at once.
  const [heartbeat] = await listMonitors(app.ctx);
  const ping = (url: string) => app.aviso.app.inject({ method: 'GET', url: new URL(url).pathname });
  assert.equal((await ping(pushUrl)).statusCode, 200);
  const edit = await admin.get(`/admin/monitors/${heartbeat!.monitor.id}`);
  assert.match(edit.body, /<button type="submit">New URL<\/button>/);
  const rotated = await admin.post(`/admin/monitors/${heartbeat!.monitor.id}/rotate`, {});
  assert.equal(rotated.statusCode, 200);
  const newUrl = /(http:\/\/[^<\s]+\/heartbeat\/[A-Za-z0-9_-]+)/.exec(rotated.body)?.[1];
  assert.ok(newUrl !== undefined && newUrl !== pushUrl);
  assert.equal((await ping(pushUrl)).statusCode, 404, 'the old URL no longer records pings');
  assert.equal((await ping(newUrl)).statusCode, 200);
  assert.doesNotMatch((await admin.get(`/admin/monitors/${heartbeat!.monitor.id}`)).body, new RegExp(newUrl), 'shown once');

  const editor = await app.signIn('editor');
  await editor.get('/admin/monitors');
  assert.equal((await editor.post('/admin/monitors', { name: 'x', kind: 'tcp', host: 'example.com', port: '80' })).statusCode, 403);
  assert.equal((await listMonitors(app.ctx)).length, 1);
});

test('an admin sets a JSON-path assertion and an incident template; a malformed path is refused at its field', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":{"indicator":"major"}}'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/status.json`;
  const template = await createTemplate(app.ctx, { name: 'Upstream down', title: 'Our provider is down' });
  await createComponent(app.ctx, { name: 'Mailgun', thirdParty: { sourceUrl: 'https://status.mailgun.example/', componentId: 'm1' } });
  const admin = await app.signIn('admin');
  const form = {
    name: 'Provider',
    kind: 'http',
    url,
    failingStatus: 'major_outage',
    degradedStatus: 'degraded_performance',
    allowPrivate: 'on',
    jsonComparison: 'equals',
    jsonExpected: 'none',
  };
  const page = await admin.get('/admin/monitors');
  assert.doesNotMatch(page.body, />Mailgun<\/option>/, 'a mirrored component is not offered: its status has a writer');
  assert.match(page.body, /<option value selected>None \(Aviso writes it\)<\/option><option value="[0-9a-z]{12}">Upstream down<\/option>/);

  const refused = await admin.post('/admin/monitors', { ...form, jsonPath: '$.components[?(@.status)]' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#f-jsonPath"/, 'the message points at the JSON path field');
  assert.match(refused.body, /not a JSON path Aviso reads/);
  assert.match(refused.body, /value="\$\.components\[\?\(@\.status\)\]"/, 'what was typed is kept');
  assert.equal((await listMonitors(app.ctx)).length, 0);

  const added = await admin.post('/admin/monitors', { ...form, jsonPath: '$.status.indicator', incidentTemplateId: template.id });
  assert.equal(added.statusCode, 303);
  const [view] = await listMonitors(app.ctx);
  assert.deepEqual((view!.monitor.settings as { jsonAssertion: unknown }).jsonAssertion, {
    path: '$.status.indicator',
    comparison: 'equals',
    expected: 'none',
  });
  assert.equal(view!.monitor.incidentTemplateId, template.id);
  const tested = await admin.post(`/admin/monitors/${view!.monitor.id}/test`, {});
  assert.match(tested.body, /Test now: down in \d+ ms — \$\.status\.indicator is &quot;major&quot;, expected &quot;none&quot;/);

  const edit = await admin.get(`/admin/monitors/${view!.monitor.id}`);
  assert.match(edit.body, /name="jsonPath" [^>]*value="\$\.status\.indicator"/);
  assert.match(edit.body, new RegExp(`<option value="${template.id}" selected>`));
  await admin.post(`/admin/monitors/${view!.monitor.id}`, { ...form, jsonPath: '', incidentTemplateId: '' });
  const [cleared] = await listMonitors(app.ctx);
  assert.deepEqual(
    [(cleared!.monitor.settings as { jsonAssertion: unknown }).jsonAssertion, cleared!.monitor.incidentTemplateId],
    [null, null],
  );
});

test('the list draws each monitor’s last 24 hours as a sparkline named in words; a monitor can show its response times on the page', async (t) => {
  const app = await createAdminTestApp({ now: '2025-11-20T12:10:00.000Z' });
  t.after(() => app.close());
  const api = await createComponent(app.ctx, { name: 'Public API' });
  const admin = await app.signIn('admin');
  await admin.get('/admin/monitors');
  const fields = { failingStatus: 'major_outage', degradedStatus: 'degraded_performance', componentId: api.id };
  const refused = await admin.post('/admin/monitors', { ...fields, name: 'Backups', kind: 'heartbeat', publicChart: 'on' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /a heartbeat has no response time/);

  const added = await admin.post('/admin/monitors', {
    ...fields,
    name: 'API',
    kind: 'http',
    url: 'https://api.example.com/',
    publicChart: 'on',
  });
  assert.equal(added.statusCode, 303);
  const [view] = await listMonitors(app.ctx);
  assert.equal(view?.monitor.publicChart, true);
  const id = view!.monitor.id;
  for (const [at, outcome, durationMs] of [
    ['2025-11-20T09:00:00.000Z', 'up', 120],
    ['2025-11-20T09:01:00.000Z', 'up', 340],
    ['2025-11-20T10:00:00.000Z', 'down', 10_000],
    ['2025-11-20T11:00:00.000Z', 'no_data', null],
  ] as const)
    await insertResult(app.ctx.db, { monitorId: id, checkedAt: new Date(at), outcome, durationMs, reason: null });

  const list = (await admin.get('/admin/monitors')).body;
  assert.match(
    list,
    /<svg[^>]*role="img" aria-label="Response time, last 24 hours: median 230 ms, max 340 ms, 1 failed check, 1 check that could not run"/,
  );
  assert.match(list, /class="spark-failed-foot"/, 'a failed half hour is marked, not drawn as fast');
  assert.match(list, /class="spark-no-data"/);
  assert.match(list, /shown on the public page/);
  assert.match((await admin.get(`/admin/monitors/${id}`)).body, /name="publicChart"[^>]*checked/);
});

test('an HTTP monitor’s headers, body, redirects and certificate choice show on its form and survive an edit in the admin', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const { monitor } = await createMonitor(
    app.ctx,
    {
      kind: 'http',
      name: 'Orders',
      allowPrivate: true,
      settings: {
        url: 'https://127.0.0.1:8443/health',
        method: 'POST',
        headers: { Authorization: 'Bearer s3cret', 'X-Probe': 'aviso' },
        body: '{"ping":true}',
        maxRedirects: 0,
        verifyTls: false,
      },
    },
    { mayAllowPrivate: true },
  );
  const admin = await app.signIn('admin');
  const edit = await admin.get(`/admin/monitors/${monitor.id}`);
  assert.match(edit.body, /<textarea[^>]*name="headers"[^>]*>Authorization: Bearer s3cret\nX-Probe: aviso<\/textarea>/);
  assert.match(edit.body, /<textarea[^>]*name="requestBody"[^>]*>\{&quot;ping&quot;:true\}<\/textarea>/);
  assert.match(edit.body, /name="acceptInvalidTls" value="on" checked/);

  const form = {
    name: 'Orders API',
    kind: 'http',
    url: 'https://127.0.0.1:8443/health',
    method: 'POST',
    headers: 'Authorization: Bearer s3cret\r\nX-Probe: aviso',
    requestBody: '{"ping":true}',
    maxRedirects: '0',
    acceptInvalidTls: 'on',
    allowPrivate: 'on',
    failingStatus: 'major_outage',
    degradedStatus: 'degraded_performance',
  };
  const refused = await admin.post(`/admin/monitors/${monitor.id}`, { ...form, headers: 'Authorization Bearer s3cret' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#f-headers"/);
  assert.match(refused.body, /Line 1: write a header as &quot;Name: value&quot;/);

  assert.equal((await admin.post(`/admin/monitors/${monitor.id}`, form)).statusCode, 303);
  const [saved] = await listMonitors(app.ctx);
  assert.equal(saved!.monitor.name, 'Orders API');
  assert.deepEqual(
    (({ headers, body, maxRedirects, verifyTls }) => ({ headers, body, maxRedirects, verifyTls }))(
      saved!.monitor.settings as Record<string, unknown>,
    ),
    { headers: { Authorization: 'Bearer s3cret', 'X-Probe': 'aviso' }, body: '{"ping":true}', maxRedirects: 0, verifyTls: false },
  );
});

test('a member reading Portuguese sees the monitors in it, and one reading Arabic sees them right to left', async (t) => {
  const app = await createAdminTestApp({ now: '2025-11-20T12:10:00.000Z' });
  t.after(() => app.close());
  const server = createServer((_req, res) => res.writeHead(200).end('fine'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const api = await createComponent(app.ctx, { name: 'Public API' });
  const admin = await app.signIn('admin');
  const pt = { 'accept-language': 'pt-BR' };

  const empty = (await admin.get('/admin/monitors', pt)).body;
  for (const words of [
    '<h1>Monitores</h1>',
    'Nenhum monitor ainda.',
    'Adicionar um monitor',
    'O que verificar',
    'Porta TCP',
    'Heartbeat (push)',
    'Componente que ele altera',
    'Interrupção grave',
    'Nenhum (o Aviso escreve)',
    'Adicionar monitor',
  ])
    assert.ok(empty.includes(words), words);
  assert.doesNotMatch(empty, /No monitors yet|Add a monitor|What to check|TCP port|Major outage|None \(Aviso writes it\)/);

  const form = {
    name: 'API',
    kind: 'http',
    url,
    componentId: api.id,
    intervalSeconds: '30',
    failingStatus: 'major_outage',
    degradedStatus: 'degraded_performance',
    allowPrivate: 'on',
  };
  const badHeader = await admin.post('/admin/monitors', { ...form, headers: 'no colon here' }, { headers: pt });
  assert.equal(badHeader.statusCode, 400);
  assert.match(badHeader.body, /Linha 1: escreva o cabeçalho no formato “Nome: valor”\./);
  const badNumber = await admin.post('/admin/monitors', { ...form, intervalSeconds: 'often' }, { headers: pt });
  assert.equal(badNumber.statusCode, 400);
  assert.match(badNumber.body, /Informe um número inteiro\./);
  assert.match(badHeader.body, /Corrija o campo indicado abaixo\./);
  assert.doesNotMatch(badHeader.body + badNumber.body, /write a header as|Enter a whole number|Please correct/);

  assert.equal((await admin.post('/admin/monitors', form, { headers: pt })).statusCode, 303);
  const [view] = await listMonitors(app.ctx);
  const id = view!.monitor.id;
  for (const [at, outcome, durationMs] of [
    ['2025-11-20T09:00:00.000Z', 'up', 120],
    ['2025-11-20T09:01:00.000Z', 'up', 340],
    ['2025-11-20T10:00:00.000Z', 'down', 10_000],
    ['2025-11-20T11:00:00.000Z', 'no_data', null],
  ] as const)
    await insertResult(app.ctx.db, { monitorId: id, checkedAt: new Date(at), outcome, durationMs, reason: null });
  const list = (await admin.get('/admin/monitors', pt)).body;
  for (const words of [
    'Ainda não verificado',
    'a cada 30 s',
    'altera “Public API”',
    'aria-label="Tempo de resposta, últimas 24 horas: mediana 230 ms, máximo 340 ms, 1 verificação com falha, 1 verificação que não pôde ser feita"',
    'mediana 230 ms · máximo 340 ms · 1 verificação com falha · 1 verificação não feita',
    'Testar agora',
    'Pausar',
  ])
    assert.ok(list.includes(words), words);
  assert.doesNotMatch(list, /Not checked yet|every 30 s|moves “|Response time|failed check|Test now|>Pause/);

  const tested = (await admin.post(`/admin/monitors/${id}/test`, {}, { headers: pt })).body;
  assert.match(tested, /Resultado do teste: no ar \(\d+ ms\)/);
  assert.doesNotMatch(tested, /Test now: up/);

  const edit = (await admin.get(`/admin/monitors/${id}`, pt)).body;
  for (const words of ['Tipo: HTTP(S)', 'Cabeçalhos da requisição (HTTP)', 'Quando o componente muda', 'Salvar monitor', '>Excluir<'])
    assert.ok(edit.includes(words), words);
  assert.doesNotMatch(edit, /Kind: |Request headers|When the component changes|Save monitor|>Delete</);

  const ar = { 'accept-language': 'ar' };
  const heartbeat = await admin.post(
    '/admin/monitors',
    { name: 'Backups', kind: 'heartbeat', graceSeconds: '300', failingStatus: 'major_outage', degradedStatus: 'degraded_performance' },
    { headers: ar },
  );
  assert.equal(heartbeat.statusCode, 201);
  assert.match(heartbeat.body, /<html[^>]*dir="rtl"/);
  assert.match(heartbeat.body, /أُضيفت أداة مراقبة نبضات الحياة/);
  assert.match(heartbeat.body, /<h1>أدوات المراقبة<\/h1>/);
  assert.match(heartbeat.body, /تستدعيه مهمة، مهلة السماح 300 ث/);
  assert.doesNotMatch(heartbeat.body, /The heartbeat is added|pinged by a job|For example/);
});
