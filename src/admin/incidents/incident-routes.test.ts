import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { createComponent } from '../../modules/components/index.ts';
import { getIncident, queryIncidents } from '../../modules/incidents/index.ts';

const incidentId = (location: unknown) => /\/admin\/incidents\/([0-9a-z]{12})/.exec(String(location))?.[1] ?? '';

test('an editor opens an incident from the dashboard in one form and the public page shows it', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const api = await createComponent(app.ctx, { name: 'API' });
  const editor = await app.signIn('editor');

  const dashboard = await editor.get('/admin');
  assert.match(dashboard.body, /All systems operational/);
  assert.match(dashboard.body, /Post an incident/);
  const opened = await editor.post('/admin/incidents', {
    name: 'Elevated API errors',
    status: 'identified',
    body: 'A bad deploy; rolling back.',
    [`component-${api.id}`]: 'partial_outage',
    deliverNotifications: 'on',
  });
  assert.equal(opened.statusCode, 303);
  assert.match(String(opened.headers.location), /notice=incident-opened/);

  const incident = await getIncident(app.ctx, incidentId(opened.headers.location));
  assert.equal(incident.status, 'identified');
  assert.equal(incident.impact, 'major');
  assert.deepEqual(
    incident.updates[0]?.affectedComponents.map((a) => [a.name, a.newStatus]),
    [['API', 'partial_outage']],
  );

  const publicPage = await app.aviso.app.inject('/');
  assert.equal(publicPage.statusCode, 200);
  assert.match(publicPage.body, /Elevated API errors/);
  assert.match(publicPage.body, /A bad deploy; rolling back\./);
  assert.match((await editor.get('/admin')).body, /Elevated API errors/);
});

test('a mistake in the form shows the message next to the field and keeps what was typed', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const editor = await app.signIn('editor');
  await editor.get('/admin');
  const response = await editor.post('/admin/incidents', {
    name: '   ',
    status: 'investigating',
    body: 'Checkout is failing for some cards.',
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /role="alert"/);
  assert.match(response.body, /id="f-name-error"[^>]*>This field is required|id="f-name-error"[^>]*>Must not be empty/);
  assert.match(response.body, /aria-invalid="true"[^>]*aria-describedby="[^"]*f-name-error|aria-describedby="[^"]*f-name-error"/);
  assert.match(response.body, /Checkout is failing for some cards\./);
  assert.doesNotMatch(response.body, /at .*\.ts:\d+/);
  assert.equal((await queryIncidents(app.ctx)).length, 0);
});

test('a viewer reads incidents but cannot open one', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const viewer = await app.signIn('viewer');
  const list = await viewer.get('/admin/incidents');
  assert.equal(list.statusCode, 200);
  assert.doesNotMatch(list.body, /Post incident/);
  const dashboard = await viewer.get('/admin');
  assert.equal(dashboard.statusCode, 200);
  assert.match(dashboard.body, /<h1>Dashboard<\/h1>/, 'the viewer sees the dashboard');
  assert.doesNotMatch(dashboard.body, /Post an incident/);
  const refused = await viewer.post('/admin/incidents', { name: 'Not allowed', status: 'investigating' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /does not allow this/);
  assert.equal((await queryIncidents(app.ctx)).length, 0);
  assert.equal((await viewer.get('/admin/incidents/new')).statusCode, 403);
});

test('a post without the CSRF token is refused with 403 and opens nothing', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const editor = await app.signIn('editor');
  const missing = await editor.post('/admin/incidents', { name: 'Forged', status: 'investigating' }, { withCsrf: false });
  assert.equal(missing.statusCode, 403);
  assert.match(missing.body, /did not come from Aviso/);
  const wrong = await editor.post('/admin/incidents', { name: 'Forged', status: 'investigating', _csrf: 'x'.repeat(43) });
  assert.equal(wrong.statusCode, 403);
  assert.equal((await queryIncidents(app.ctx)).length, 0);
});

test('an incident is updated, resolved with its components restored, corrected, and given a postmortem', async (t) => {
  const app = await createAdminTestApp({ timeZone: 'America/Sao_Paulo' });
  t.after(() => app.close());
  const api = await createComponent(app.ctx, { name: 'API' });
  const editor = await app.signIn('editor');
  await editor.get('/admin/incidents/new');
  const opened = await editor.post('/admin/incidents', {
    name: 'Slow API',
    status: 'investigating',
    [`component-${api.id}`]: 'degraded_performance',
    impactOverride: 'critical',
  });
  const id = incidentId(opened.headers.location);
  assert.equal((await getIncident(app.ctx, id)).impact, 'critical');

  // Each update is posted a minute after the one before, as the history orders them by time.
  app.clock.advance(60_000);
  await editor.get(`/admin/incidents/${id}`);
  assert.equal((await editor.post(`/admin/incidents/${id}/updates`, { status: 'investigating', body: 'Still looking.' })).statusCode, 303);
  const detail = await editor.get(`/admin/incidents/${id}`);
  assert.match(detail.body, /<strong>Update<\/strong>/, 'an update that keeps the status is labelled "Update"');

  app.clock.advance(60_000);
  const resolved = await editor.post(`/admin/incidents/${id}/updates`, {
    status: 'resolved',
    body: '',
    restore: 'on',
    deliverNotifications: 'on',
  });
  assert.match(String(resolved.headers.location), /notice=incident-resolved/);
  let incident = await getIncident(app.ctx, id);
  assert.equal(incident.status, 'resolved');
  assert.deepEqual(incident.updates[0]?.generatedBody, { key: 'resolved' }, "Aviso's standard sentence, kept as a key");
  assert.deepEqual(
    incident.updates[0]?.affectedComponents.map((a) => a.newStatus),
    ['operational'],
  );

  // The display time is typed in the page's time zone (São Paulo, UTC−3).
  const first = incident.updates[incident.updates.length - 1]!;
  const edit = await editor.get(`/admin/incidents/${id}/updates/${first.id}/edit`);
  assert.match(edit.body, /In the page(&#39;|'|’)s time zone, Brasilia Standard Time \(GMT-3\)\./);
  await editor.post(`/admin/incidents/${id}/updates/${first.id}`, { body: 'We saw slow responses.', displayAt: '2025-11-20T08:30' });
  incident = await getIncident(app.ctx, id);
  const corrected = incident.updates.find((u) => u.id === first.id)!;
  assert.equal(corrected.body, 'We saw slow responses.');
  assert.equal(corrected.displayAt.toISOString(), '2025-11-20T11:30:00.000Z');

  await editor.get(`/admin/incidents/${id}`);
  assert.equal((await editor.post(`/admin/incidents/${id}/postmortem`, { body: '## Root cause\nA full disk.' })).statusCode, 303);
  const publicDraft = await app.aviso.app.inject(`/incidents/${id}`);
  assert.equal(publicDraft.statusCode, 200);
  assert.doesNotMatch(publicDraft.body, /A full disk/, 'a draft is not shown to visitors');
  await editor.get(`/admin/incidents/${id}`);
  assert.equal((await editor.post(`/admin/incidents/${id}/postmortem/publish`, {})).statusCode, 303);
  assert.equal((await getIncident(app.ctx, id)).status, 'postmortem');
  assert.match((await app.aviso.app.inject(`/incidents/${id}`)).body, /A full disk/);
  await editor.get(`/admin/incidents/${id}`);
  await editor.post(`/admin/incidents/${id}/postmortem/revert`, {});
  assert.equal((await getIncident(app.ctx, id)).postmortem.publishedAt, null);
});

test('a past incident is backfilled with its own date, in the page time zone, and refused in the future', async (t) => {
  const app = await createAdminTestApp({ now: '2025-11-20T12:00:00.000Z', timeZone: 'Europe/Berlin' });
  t.after(() => app.close());
  const editor = await app.signIn('editor');
  await editor.get('/admin/incidents/backfill');
  const future = await editor.post('/admin/incidents/backfill', { name: 'Later', startedAt: '2025-12-01T10:00', body: 'x' });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /must be in the past/);
  assert.match(future.body, /value="2025-12-01T10:00"/);

  const done = await editor.post('/admin/incidents/backfill', {
    name: 'DNS outage',
    startedAt: '2025-10-02T09:15',
    body: 'Our DNS provider failed.',
  });
  const incident = await getIncident(app.ctx, incidentId(done.headers.location));
  assert.equal(incident.backfilled, true);
  assert.equal(incident.status, 'resolved');
  assert.equal(incident.startedAt.toISOString(), '2025-10-02T07:15:00.000Z');
});

test('a member reading Portuguese posts, updates, resolves, corrects and writes a postmortem in Portuguese', async (t) => {
  const app = await createAdminTestApp({ now: '2025-11-20T12:00:00.000Z', timeZone: 'America/Sao_Paulo' });
  t.after(() => app.close());
  const api = await createComponent(app.ctx, { name: 'API' });
  const editor = await app.signIn('editor');
  const pt = { 'accept-language': 'pt-BR' };
  const get = async (url: string) => (await editor.get(url, pt)).body;

  const list = await get('/admin/incidents');
  assert.match(list, /<html lang="pt-BR" dir="ltr">/);
  for (const words of ['<h1>Incidentes</h1>', 'Adicionar um incidente passado', 'Nenhum incidente em aberto.', 'Todos os incidentes'])
    assert.ok(list.includes(words), words);
  for (const words of ['No open incidents', 'All incidents', 'Add a past incident']) assert.ok(!list.includes(words), words);

  const form = await get('/admin/incidents/new');
  for (const words of [
    '<h1>Publicar um incidente</h1>',
    'Nome do incidente',
    'Componentes afetados',
    'Novo status dos componentes marcados',
    'Definido pelos componentes afetados',
    'Notificar inscritos',
    '1 componente marcado',
  ])
    assert.ok(form.includes(words), words);
  for (const words of ['Incident name', 'Affected components', 'Notify subscribers', 'Derived from', 'Tick each', '>Operational<'])
    assert.ok(!form.includes(words), words);

  const refused = await editor.post(
    '/admin/incidents',
    { name: 'API lenta', affected: 'nope', affectedStatus: 'major_outage' },
    { headers: pt },
  );
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /id="f-affected-error"[^>]*>Marque componentes da lista\./);
  assert.doesNotMatch(refused.body, /Please correct|Tick components/);

  const opened = await editor.post(
    '/admin/incidents',
    { name: 'API lenta', status: 'investigating', affected: api.id, affectedStatus: 'major_outage' },
    { headers: pt },
  );
  const id = incidentId(opened.headers.location);
  app.clock.advance(60_000);
  await editor.get(`/admin/incidents/${id}`, pt);
  await editor.post(`/admin/incidents/${id}/updates`, { status: 'resolved', body: '', restore: 'on' }, { headers: pt });

  const detail = await get(`/admin/incidents/${id}`);
  for (const words of [
    '← Todos os incidentes',
    'Resolvido',
    'Afeta: API',
    'API: Interrupção grave → Operacional',
    'sem notificação',
    '<h2 id="updates">Atualizações</h2>',
    '<h2 id="postmortem">Post-mortem</h2>',
    'Ainda não escrito.',
    'Salvar rascunho',
    '<h2 id="edit-incident">Editar incidente</h2>',
    'Excluir este incidente',
  ])
    assert.ok(detail.includes(words), words);
  for (const words of ['All incidents', 'Not written yet', 'Save draft', 'no notification', 'major outage', 'Delete this incident'])
    assert.ok(!detail.includes(words), words);

  const empty = await editor.post(`/admin/incidents/${id}/postmortem`, { body: ' ' }, { headers: pt });
  assert.match(empty.body, /Escreva o post-mortem antes de salvar\./);

  const first = (await getIncident(app.ctx, id)).updates.at(-1)!;
  const edit = await get(`/admin/incidents/${id}/updates/${first.id}/edit`);
  for (const words of ['<h1>Corrigir uma atualização</h1>', 'Horário exibido', 'No fuso horário da página'])
    assert.ok(edit.includes(words), words);
  assert.ok(!edit.includes('Correct an update') && !edit.includes('time zone'));
  // Aviso's own sentence is offered in the member's language; left as it is, it stays Aviso's, worded for each reader.
  assert.ok(edit.includes('>Estamos investigando o problema.</textarea>'));
  const kept = await editor.post(
    `/admin/incidents/${id}/updates/${first.id}`,
    { body: 'Estamos investigando o problema.', displayAt: '2025-11-20T08:00' },
    { headers: pt },
  );
  assert.equal(kept.statusCode, 303);
  assert.equal((await getIncident(app.ctx, id)).updates.at(-1)?.generatedBody?.key, 'investigating');

  const confirm = await get(`/admin/incidents/${id}/delete`);
  for (const words of ['Excluir “API lenta”?', 'Não é possível desfazer.', '>Manter</a>']) assert.ok(confirm.includes(words), words);
  assert.ok(!confirm.includes('Keep it') && !confirm.includes('cannot be undone'));

  const backfill = await editor.post('/admin/incidents/backfill', { name: 'Depois', startedAt: '2025-12-01T10:00' }, { headers: pt });
  assert.match(backfill.body, /Um incidente adicionado depois precisa estar no passado\./);
  assert.doesNotMatch(backfill.body, /must be in the past/);
});
