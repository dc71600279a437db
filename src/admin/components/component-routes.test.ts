import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { createComponent, listComponentsInOrder } from '../../modules/components/index.ts';
import { startUpstreamStatuspage } from '../../../test/support/upstream-statuspage.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { listSources, pollDueSources } from '../../modules/third-party/index.ts';
import { createMonitor } from '../../modules/monitors/index.ts';

test('an admin adds, edits, reorders, sets the status of and deletes components', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  await admin.get('/admin/components/new');
  for (const name of ['Website', 'API', 'Mail']) {
    const created = await admin.post('/admin/components', { name, status: 'operational', showcase: 'on', startDate: '2025-01-01' });
    assert.equal(created.statusCode, 303);
  }
  const names = async () => (await listComponentsInOrder(app.ctx)).map((c) => c.name);
  assert.deepEqual(await names(), ['Website', 'API', 'Mail']);
  const [, api, mail] = await listComponentsInOrder(app.ctx);

  await admin.get('/admin/components');
  await admin.post(`/admin/components/${mail!.id}/move`, { direction: 'up' });
  assert.deepEqual(await names(), ['Website', 'Mail', 'API']);

  await admin.post(`/admin/components/${api!.id}/status`, { status: 'major_outage' });
  const edit = await admin.get(`/admin/components/${api!.id}/edit`);
  assert.match(edit.body, /value="2025-01-01"/);
  await admin.post(`/admin/components/${api!.id}`, {
    name: 'Public API',
    status: 'major_outage',
    startDate: '2025-02-01',
    thirdPartySourceUrl: 'https://status.example.com',
    thirdPartyComponentId: 'abc',
  });
  const saved = (await listComponentsInOrder(app.ctx)).find((c) => c.id === api!.id)!;
  assert.equal(saved.name, 'Public API');
  assert.equal(saved.status, 'major_outage');
  assert.equal(saved.showcase, false, 'an unticked box turns showcase off');
  assert.equal(saved.startDate, '2025-02-01');
  assert.deepEqual(saved.thirdParty, { sourceUrl: 'https://status.example.com', componentId: 'abc' });

  const confirm = await admin.get(`/admin/components/${mail!.id}/delete`);
  assert.match(confirm.body, /Delete Mail\?/);
  await admin.post(`/admin/components/${mail!.id}/delete`, {});
  assert.deepEqual(await names(), ['Website', 'Public API']);
});

test('a group is created from components, and a bad third-party source is shown on its field', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const a = await createComponent(app.ctx, { name: 'EU' });
  const b = await createComponent(app.ctx, { name: 'US' });
  const admin = await app.signIn('admin');
  await admin.get('/admin/groups/new');
  const empty = await admin.post('/admin/groups', { name: 'Regions' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /a group needs at least one component/i);
  await admin.post('/admin/groups', { name: 'Regions', componentIds: [a.id, b.id], showcase: 'on' });
  assert.deepEqual(
    (await listComponentsInOrder(app.ctx)).map((c) => [c.name, c.groupId === null ? 'top' : 'child']),
    [
      ['Regions', 'top'],
      ['EU', 'child'],
      ['US', 'child'],
    ],
  );

  await admin.get('/admin/components/new');
  const half = await admin.post('/admin/components', { name: 'Mirror', thirdPartySourceUrl: 'https://status.example.com' });
  assert.equal(half.statusCode, 400);
  assert.match(half.body, /id="f-thirdPartyComponentId-error"[^>]*>Give both/);
  assert.match(half.body, /value="Mirror"/);
});

test('an editor cannot change components', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const api = await createComponent(app.ctx, { name: 'API' });
  const editor = await app.signIn('editor');
  const list = await editor.get('/admin/components');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<h2[^>]*>API /, 'the editor sees the components');
  assert.doesNotMatch(list.body, /Add a component/);
  assert.equal((await editor.post(`/admin/components/${api.id}/status`, { status: 'major_outage' })).statusCode, 403);
  assert.equal((await listComponentsInOrder(app.ctx))[0]?.status, 'operational');
});

test('an admin picks the mirrored component from the list the source page gives, then holds its status for a while', async (t) => {
  const upstream = await startUpstreamStatuspage();
  const app = await createAdminTestApp();
  t.after(async () => {
    await app.close();
    await upstream.close();
  });
  const admin = await app.signIn('admin');
  const picker = await admin.get(`/admin/components/new?source=${encodeURIComponent(upstream.base)}`);
  assert.equal(picker.statusCode, 200);
  assert.equal(upstream.polls().length, 1, 'the list is read from the source');
  assert.match(picker.body, /<option value="mgv1p2j9x444" label="HashiCorp Cloud Platform \(HCP\) → HCP Portal"/, 'groups shown as paths');
  assert.match(picker.body, /label="HashiCorp Cloud Platform \(HCP\) \(group\)"/);
  assert.match(picker.body, /list="upstream-components"/);
  assert.match(picker.body, new RegExp(`name="thirdPartySourceUrl"[^>]*value="${upstream.base}"`));
  const gone = await admin.get(`/admin/components/new?source=${encodeURIComponent(`${upstream.base}/nothing`)}`);
  assert.match(gone.body, /The page could not be read: the source answered 404\./);

  const created = await admin.post('/admin/components', {
    name: 'HCP Portal',
    status: 'operational',
    thirdPartySourceUrl: upstream.base,
    thirdPartyComponentId: 'mgv1p2j9x444',
  });
  assert.equal(created.statusCode, 303);
  const [portal] = await listComponentsInOrder(app.ctx);
  const list = await admin.get('/admin/components');
  assert.match(list.body, new RegExp(`Mirrors mgv1p2j9x444 on ${upstream.base}`));
  assert.match(list.body, /Hold status/);

  const held = await admin.post(`/admin/components/${portal!.id}/hold`, { status: 'major_outage', minutes: '60' });
  assert.equal(held.statusCode, 303);
  const after = await admin.get('/admin/components');
  assert.match(after.body, /Held by an operator until/);
  assert.match(after.body, /Follow the source again/);
  assert.equal((await listComponentsInOrder(app.ctx))[0]?.status, 'major_outage');
  const audit = await admin.get('/admin/audit');
  assert.match(audit.body, /component\.hold/);

  const outbound = createTestOutbound();
  t.after(() => outbound.close());
  await pollDueSources(app.ctx, { outbound });
  const sources = await admin.get('/admin/components');
  assert.match(sources.body, /Third-party sources/);
  assert.match(sources.body, /Statuspage API v2 · read every 60 s · last read/);
  assert.equal((await admin.post('/admin/third-party-sources/interval', { url: upstream.base, intervalSeconds: '120' })).statusCode, 303);
  assert.equal((await listSources(app.ctx.db))[0]?.intervalSeconds, 120);
  assert.equal((await admin.post('/admin/third-party-sources/interval', { url: upstream.base, intervalSeconds: '5' })).statusCode, 400);
  assert.equal((await listSources(app.ctx.db))[0]?.intervalSeconds, 120, 'a refused change changes nothing');

  await admin.post(`/admin/components/${portal!.id}/release`, {});
  assert.equal((await listComponentsInOrder(app.ctx))[0]?.mirrorHeldUntil, null);
  assert.equal((await admin.post(`/admin/components/${portal!.id}/hold`, { status: 'major_outage', minutes: '0' })).statusCode, 400);
});

test('an admin cannot make a component a monitor moves mirror a third-party page: the form names the monitor', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const api = await createComponent(app.ctx, { name: 'API' });
  await createMonitor(
    app.ctx,
    { name: 'API health', kind: 'tcp', componentId: api.id, settings: { host: 'api.example.test', port: 443 } },
    {
      mayAllowPrivate: false,
    },
  );
  const admin = await app.signIn('admin');
  await admin.get(`/admin/components/${api.id}/edit`);
  const refused = await admin.post(`/admin/components/${api.id}`, {
    name: 'API',
    status: 'operational',
    thirdPartySourceUrl: 'https://status.example.com',
    thirdPartyComponentId: 'abc',
  });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /&quot;API&quot; is already moved by the monitor &quot;API health&quot;; one component has one writer/);
  assert.match(
    refused.body,
    /id="f-thirdPartySourceUrl-error"[^>]*>cannot be set while the monitor &quot;API health&quot; moves this component/,
  );
  assert.equal((await listComponentsInOrder(app.ctx)).find((c) => c.id === api.id)?.thirdParty, null);
});

test('a member reading Portuguese gets the component screens, mirrors included, in Portuguese; one reading Arabic gets them right to left', async (t) => {
  const upstream = await startUpstreamStatuspage();
  const app = await createAdminTestApp();
  t.after(async () => {
    await app.close();
    await upstream.close();
  });
  const api = await createComponent(app.ctx, { name: 'API' });
  await createComponent(app.ctx, { name: 'Website' });
  const admin = await app.signIn('admin');
  const headers = { 'accept-language': 'pt-BR' };

  const picker = await admin.get(`/admin/components/new?source=${encodeURIComponent(upstream.base)}`, headers);
  assert.match(picker.body, /<h1>Adicionar um componente<\/h1>/);
  assert.match(picker.body, /Espelhar outra página de status: o endereço dela/);
  assert.match(picker.body, /Listar os componentes dessa página/);
  assert.match(picker.body, /Descrição \(opcional\)/);
  assert.match(picker.body, />Sem grupo \(nível superior\)<\/option>/);
  assert.match(picker.body, /<option value="operational"[^>]*>Operacional<\/option>/);
  assert.match(picker.body, /label="HashiCorp Cloud Platform \(HCP\) \(grupo\)"/);
  assert.match(picker.body, /componentes listados: digite parte de um nome para buscar\./);
  assert.match(picker.body, /Componente nessa página/);
  assert.match(picker.body, /Adicionar componente<\/button>/);
  assert.doesNotMatch(
    picker.body,
    /Add a component|Mirror another status page|Component on that page|\(group\)|components listed|No group|>Operational</,
  );

  const half = await admin.post('/admin/components', { name: 'Mirror', thirdPartySourceUrl: upstream.base }, { headers });
  assert.equal(half.statusCode, 400);
  assert.match(
    half.body,
    /id="f-thirdPartyComponentId-error"[^>]*>Informe a URL da página de origem e o id do componente, ou nenhum dos dois\./,
  );
  assert.doesNotMatch(half.body, /Give both/);

  const created = await admin.post(
    '/admin/components',
    { name: 'HCP Portal', status: 'operational', thirdPartySourceUrl: upstream.base, thirdPartyComponentId: 'mgv1p2j9x444' },
    { headers },
  );
  assert.equal(created.statusCode, 303);
  const portal = (await listComponentsInOrder(app.ctx)).find((c) => c.name === 'HCP Portal')!;
  await admin.post(`/admin/components/${portal.id}/hold`, { status: 'major_outage', minutes: '60' }, { headers });
  const outbound = createTestOutbound();
  t.after(() => outbound.close());
  await pollDueSources(app.ctx, { outbound });

  const list = (await admin.get('/admin/components', headers)).body;
  for (const shown of [
    /<h1>Componentes<\/h1>/,
    /Adicionar um grupo/,
    /aria-label="Componentes na ordem da página"/,
    /<span class="badge s-operational">Operacional<\/span>/,
    /Espelha mgv1p2j9x444 de /,
    /Fixado por um operador até /,
    /Definir status/,
    /Mover para baixo/,
    /Fixar status/,
    /<option value="60">por 1 hora<\/option>/,
    /<option value="15">por 15 minutos<\/option>/,
    /Voltar a seguir a origem/,
    /<h2 id="sources">Origens de terceiros<\/h2>/,
    /Statuspage API v2 · lida a cada 60 s · última leitura /,
    /Segundos entre leituras/,
    />Editar</,
    />Excluir</,
  ])
    assert.match(list, shown);
  for (const gone of [
    /Add a group/,
    /Components in page order/,
    />Operational</,
    /Mirrors /,
    /Held by an operator/,
    /Set status/,
    /Move (up|down)/,
    /Hold status/,
    /for 1 hour/,
    /Follow the source again/,
    /Third-party sources/,
    /read every/,
    /Seconds between reads/,
  ])
    assert.doesNotMatch(list, gone);

  const edit = (await admin.get(`/admin/components/${api.id}/edit`, headers)).body;
  assert.match(edit, /<h1>Editar API<\/h1>/);
  assert.match(edit, /Exibida aos visitantes ao lado do componente\./);
  assert.match(edit, /Exibição/);
  assert.match(edit, /Salvar<\/button>/);
  assert.doesNotMatch(edit, /Edit API|Shown to visitors|>Display<|>Save</);

  const group = (await admin.get('/admin/groups/new', headers)).body;
  assert.match(group, /<h1>Adicionar um grupo<\/h1>/);
  assert.match(group, /Nome do grupo/);
  assert.match(group, /Componentes deste grupo/);
  assert.doesNotMatch(group, /Group name|Components in this group|Add group/);

  const confirm = (await admin.get(`/admin/components/${api.id}/delete`, headers)).body;
  assert.match(confirm, /<h1>Excluir API\?<\/h1>/);
  assert.match(
    confirm,
    /O componente é removido da página\. Os incidentes anteriores dele continuam no histórico\. Isso não pode ser desfeito\./,
  );
  assert.match(confirm, />Manter<\/a>/);
  assert.doesNotMatch(confirm, /Delete API|cannot be undone|Keep it/);

  const arabic = (await admin.get('/admin/components', { 'accept-language': 'ar' })).body;
  assert.match(arabic, /<html[^>]*dir="rtl"/);
  assert.match(arabic, /<h1>المكوّنات<\/h1>/);
  assert.match(arabic, /تثبيت الحالة/);
  assert.doesNotMatch(arabic, /<h1>Components<\/h1>|Hold status/);
});
