import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { listAuditEvents } from '../../modules/audit/index.ts';
import { listReceivers, receiveAlerts } from '../../modules/alerts/index.ts';
import { createComponent, listComponents } from '../../modules/components/index.ts';

const tokenOf = (body: string) => /\/alerts\/([A-Za-z0-9_-]{20,64})/.exec(body)?.[1];

test('an admin adds a receiver with a rule, sees its URL once with the Alertmanager and Grafana settings, edits its rules and rotates its URL', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const api = await createComponent(app.ctx, { name: 'Public API' });
  const admin = await app.signIn('admin');
  await admin.get('/admin/alert-receivers');

  const refused = await admin.post('/admin/alert-receivers', {
    name: 'Prometheus',
    rule0_matchers: 'service=api',
    rule0_componentId: api.id,
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#f-rule0_matchers"/, 'the message points at the matchers of the rule');
  assert.deepEqual(await listReceivers(app.ctx), []);

  const added = await admin.post('/admin/alert-receivers', {
    name: 'Prometheus',
    rule0_matchers: 'service="api"\nenv!="staging"',
    rule0_componentId: api.id,
    rule0_severities: 'critical=major_outage, warning=degraded_performance',
    rule0_defaultStatus: 'partial_outage',
    rule0_autoIncident: 'on',
  });
  assert.equal(added.statusCode, 201);
  const token = tokenOf(added.body);
  assert.ok(token !== undefined);
  assert.match(added.body, /webhook_configs:/);
  assert.match(added.body, /send_resolved: true/);
  assert.match(added.body, /Integration: Webhook/);
  assert.doesNotMatch((await admin.get('/admin/alert-receivers')).body, new RegExp(token), 'the URL is never shown again');
  const [receiver] = await listReceivers(app.ctx);
  assert.deepEqual(receiver?.rules[0]?.matchers, ['service="api"', 'env!="staging"']);

  // An alert arrives: the screen lists it with what it moved.
  await receiveAlerts(app.ctx, token, {
    version: '4',
    alerts: [{ status: 'firing', labels: { service: 'api', severity: 'warning' }, annotations: { summary: 'p99 above 2 s' } }],
  });
  const edit = await admin.get(`/admin/alert-receivers/${receiver!.id}`);
  assert.match(edit.body, /p99 above 2 s/);
  assert.match(edit.body, /<td>Public API<\/td>/);

  // The rule is edited: a warning is now a partial outage.
  const saved = await admin.post(`/admin/alert-receivers/${receiver!.id}`, {
    name: 'Prometheus prod',
    rule0_matchers: 'service="api"',
    rule0_componentId: api.id,
    rule0_severities: 'warning=partial_outage',
    rule0_defaultStatus: 'partial_outage',
    rule1_matchers: '',
  });
  assert.equal(saved.statusCode, 303);
  const [edited] = await listReceivers(app.ctx);
  assert.deepEqual(
    [edited?.name, edited?.rules.length, edited?.rules[0]?.severities],
    ['Prometheus prod', 1, { warning: 'partial_outage' }],
  );

  // A new URL: the old one stops working.
  const rotated = await admin.post(`/admin/alert-receivers/${receiver!.id}/rotate`, {});
  const fresh = tokenOf(rotated.body);
  assert.ok(fresh !== undefined && fresh !== token);
  await assert.rejects(receiveAlerts(app.ctx, token, { version: '4', alerts: [] }), /No alert receiver has this address/);
  assert.equal((await receiveAlerts(app.ctx, fresh, { version: '4', alerts: [] })).received, 0);

  const actions = (await listAuditEvents(app.ctx, { entityId: receiver!.id, limit: 10 })).map((e) => e.action).sort();
  assert.deepEqual(actions, ['alert_receiver.create', 'alert_receiver.rotate_token', 'alert_receiver.update']);

  // Deleting it clears its alerts: the component gets its status back.
  await admin.post(`/admin/alert-receivers/${receiver!.id}/delete`, {});
  assert.deepEqual(await listReceivers(app.ctx), []);
  assert.equal((await listComponents(app.ctx.db)).find((c) => c.id === api.id)?.status, 'operational');
});

test('an editor sees the receivers but cannot add, edit or rotate them', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const api = await createComponent(app.ctx, { name: 'Public API' });
  const admin = await app.signIn('admin');
  await admin.get('/admin/alert-receivers');
  await admin.post('/admin/alert-receivers', { name: 'Grafana', rule0_matchers: 'team="core"', rule0_componentId: api.id });
  const [receiver] = await listReceivers(app.ctx);

  const editor = await app.signIn('editor');
  assert.match((await editor.get('/admin/alert-receivers')).body, /Grafana/);
  assert.equal((await editor.post('/admin/alert-receivers', { name: 'x' })).statusCode, 403);
  assert.equal((await editor.post(`/admin/alert-receivers/${receiver!.id}/rotate`, {})).statusCode, 403);
  assert.equal((await listReceivers(app.ctx)).length, 1);
});

test('a member reading German sees the receivers in it: the list, the form, the URL notice and the alerts received', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const api = await createComponent(app.ctx, { name: 'Public API' });
  const admin = await app.signIn('admin');
  const de = { 'accept-language': 'de' };

  const empty = (await admin.get('/admin/alert-receivers', de)).body;
  for (const words of [
    '<h1>Alarmempfänger</h1>',
    'Noch keine Alarmempfänger.',
    'Neue Regel',
    'Schweregrad → Status',
    'Schwerer Ausfall',
    'Keine (Aviso schreibt ihn)',
  ])
    assert.ok(empty.includes(words), words);
  assert.doesNotMatch(empty, /No receivers yet|New rule|Severity → status|major outage|None \(Aviso writes it\)|Add receiver/);

  const added = await admin.post(
    '/admin/alert-receivers',
    {
      name: 'Prometheus',
      rule0_matchers: 'service="api"',
      rule0_componentId: api.id,
      rule0_severities: 'critical=major_outage',
      rule0_defaultStatus: 'partial_outage',
      rule0_autoIncident: 'on',
    },
    { headers: de },
  );
  assert.equal(added.statusCode, 201);
  assert.match(added.body, /Der Alarmempfänger ist angelegt\. Kopieren Sie jetzt seine URL/);
  assert.match(added.body, /Grafana Alerting \(Kontaktpunkt\)/);
  assert.match(added.body, /→ „Public API“ · automatischer Vorfall/);
  assert.doesNotMatch(added.body, /The receiver is added|Any other tool|automatic incident/);

  const token = tokenOf(added.body)!;
  await receiveAlerts(app.ctx, token, {
    version: '4',
    alerts: [{ status: 'firing', labels: { service: 'web' }, annotations: { summary: 'Disk full' } }],
  });
  const [receiver] = await listReceivers(app.ctx);
  const edit = (await admin.get(`/admin/alert-receivers/${receiver!.id}`, de)).body;
  for (const words of [
    'Zuletzt eingegangene Alarme',
    '>Wann<',
    '>Quelle<',
    '>ausgelöst<',
    'nichts (keine Regel traf zu)',
    'Regel 1',
    'Alarmempfänger speichern',
    'Neue URL',
    '>Löschen<',
  ])
    assert.ok(edit.includes(words), words);
  assert.doesNotMatch(edit, /Last alerts received|>When<|>firing<|no rule matched|Rule 1|Save receiver|New URL|>Delete</);
});
