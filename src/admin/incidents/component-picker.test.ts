import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { createComponent, createComponentGroup, listComponentsInOrder } from '../../modules/components/index.ts';
import { getIncident, queryIncidents } from '../../modules/incidents/index.ts';
import { listTemplates } from '../../modules/templates/index.ts';

const incidentId = (location: unknown) => /\/admin\/incidents\/([0-9a-z]{12})/.exec(String(location))?.[1] ?? '';

/** Two groups and a component of its own, in the page's order. */
async function groupedPage(app: Awaited<ReturnType<typeof createAdminTestApp>>) {
  const web = await createComponent(app.ctx, { name: 'Website' });
  const api = await createComponent(app.ctx, { name: 'Public API' });
  const hooks = await createComponent(app.ctx, { name: 'Webhooks' });
  const eu = await createComponent(app.ctx, { name: 'Frankfurt' });
  await createComponentGroup(app.ctx, { name: 'Platform', componentIds: [api.id, hooks.id] });
  await createComponentGroup(app.ctx, { name: 'Regions', componentIds: [eu.id] });
  return { web, api, hooks, eu };
}

test('the incident form lists the components grouped like the page, each with its status, as checkboxes with one status select', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const { api, hooks, eu } = await groupedPage(app);
  const editor = await app.signIn('editor');

  const form = (await editor.get('/admin/incidents/new')).body;
  assert.match(form, /<legend>Affected components<\/legend>/);
  assert.match(
    form,
    /<legend dir="auto">Platform<\/legend>[\s\S]*Public API[\s\S]*Webhooks[\s\S]*<legend dir="auto">Regions<\/legend>[\s\S]*Frankfurt/,
  );
  assert.match(form, new RegExp(`type="checkbox"[^>]*name="affected" value="${api.id}"`));
  assert.match(form, /Public API<\/span> <span class="badge s-operational">Operational<\/span>/);
  assert.doesNotMatch(form, /name="component-/, 'no select per component');
  assert.equal(form.match(/<select[^>]*name="affectedStatus"/g)?.length, 1);
  assert.match(form, /data-picker-filter/, 'the filter box is there for the script to show');
  assert.match(form, /<script src="\/admin\/assets\/component-picker\.js" defer><\/script>/);

  const posted = await editor.post('/admin/incidents', {
    name: 'Webhooks delayed',
    status: 'investigating',
    affected: [api.id, hooks.id, eu.id],
    affectedStatus: 'major_outage',
  });
  assert.equal(posted.statusCode, 303);
  const incident = await getIncident(app.ctx, incidentId(posted.headers.location));
  assert.deepEqual(incident.updates[0]?.affectedComponents.map((a) => [a.name, a.newStatus]).sort(), [
    ['Platform - Public API', 'major_outage'],
    ['Platform - Webhooks', 'major_outage'],
    ['Regions - Frankfurt', 'major_outage'],
  ]);
  const statuses = new Map((await listComponentsInOrder(app.ctx)).map((c) => [c.name, c.status]));
  assert.equal(statuses.get('Website'), 'operational');
  assert.equal(statuses.get('Webhooks'), 'major_outage');
});

test('a ticked component that is not on the page is refused next to the list, and what was ticked stays ticked', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const { api } = await groupedPage(app);
  const editor = await app.signIn('editor');
  await editor.get('/admin/incidents/new');
  const refused = await editor.post('/admin/incidents', {
    name: 'Odd',
    status: 'investigating',
    affected: [api.id, 'zzzzzzzzzzzz'],
    affectedStatus: 'partial_outage',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /id="f-affected-error"[^>]*>Tick components from the list\./);
  assert.match(refused.body, new RegExp(`name="affected" value="${api.id}" checked`));
  assert.equal((await queryIncidents(app.ctx)).length, 0);
});

test('an update offers "No change (now: …)" for the incident\'s components by default, and changes only what the operator picks', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const { web, api, eu } = await groupedPage(app);
  const editor = await app.signIn('editor');
  await editor.get('/admin/incidents/new');
  const opened = await editor.post('/admin/incidents', {
    name: 'API errors',
    status: 'investigating',
    affected: [api.id],
    affectedStatus: 'partial_outage',
  });
  const id = incidentId(opened.headers.location);

  const detail = (await editor.get(`/admin/incidents/${id}`)).body;
  assert.match(detail, /<legend>Components of this incident<\/legend>/);
  assert.match(
    detail,
    new RegExp(`name="component-${api.id}"[^>]*><option value(?:="")? selected>No change \\(now: Partial outage\\)</option>`),
  );
  assert.doesNotMatch(detail, /Not affected/);
  assert.match(detail, /<legend>Other affected components<\/legend>/);
  assert.doesNotMatch(detail, new RegExp(`name="affected" value="${api.id}"`), "the incident's own components are not offered twice");

  app.clock.advance(60_000);
  const unchanged = await editor.post(`/admin/incidents/${id}/updates`, {
    status: 'identified',
    [`component-${api.id}`]: '',
    affectedStatus: 'partial_outage',
  });
  assert.equal(unchanged.statusCode, 303);
  assert.deepEqual((await getIncident(app.ctx, id)).updates[0]?.affectedComponents, []);

  app.clock.advance(60_000);
  await editor.post(`/admin/incidents/${id}/updates`, {
    status: 'identified',
    [`component-${api.id}`]: 'major_outage',
    affected: [eu.id],
    affectedStatus: 'degraded_performance',
  });
  const statuses = new Map((await listComponentsInOrder(app.ctx)).map((c) => [c.id as string, c.status]));
  assert.equal(statuses.get(api.id), 'major_outage');
  assert.equal(statuses.get(eu.id), 'degraded_performance');
  assert.equal(statuses.get(web.id), 'operational');
});

test('a template ticks its components in the new incident form', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const { api } = await groupedPage(app);
  const editor = await app.signIn('editor');
  await editor.get('/admin/templates/new');
  const saved = await editor.post('/admin/templates', {
    name: 'API down',
    title: 'API errors',
    updateStatus: 'investigating',
    componentIds: api.id,
  });
  assert.equal(saved.statusCode, 303);
  const [template] = await listTemplates(app.ctx);
  const form = (await editor.get(`/admin/incidents/new?template=${template!.id}`)).body;
  assert.match(form, new RegExp(`name="affected" value="${api.id}" checked`));
});

test('the maintenance form ticks the components it works on, and keeps them ticked when edited', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const { api } = await groupedPage(app);
  const editor = await app.signIn('editor');
  const form = (await editor.get('/admin/maintenances/new')).body;
  assert.match(form, /<legend>Components under maintenance<\/legend>/);
  assert.match(form, new RegExp(`name="componentIds" value="${api.id}"`));
  assert.doesNotMatch(form, /name="affectedStatus"/, 'a maintenance puts its components under maintenance by itself');
  const scheduled = await editor.post('/admin/maintenances', {
    name: 'Database upgrade',
    scheduledFor: '2030-01-10T02:00',
    scheduledUntil: '2030-01-10T03:00',
    componentIds: api.id,
  });
  assert.equal(scheduled.statusCode, 303);
  const id = /\/admin\/maintenances\/([0-9a-z]{12})/.exec(String(scheduled.headers.location))?.[1] ?? '';
  const edit = (await editor.get(`/admin/maintenances/${id}/edit`)).body;
  assert.match(edit, new RegExp(`name="componentIds" value="${api.id}" checked`));
});
