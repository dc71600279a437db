import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { createComponent, createComponentGroup } from '../../modules/components/index.ts';
import { openIncident, postIncidentUpdate, scheduleMaintenance } from '../../modules/incidents/index.ts';
import { createMonitor } from '../../modules/monitors/index.ts';
import { initialStatus } from '../../modules/monitors/monitor.ts';
import { saveMonitorStatus } from '../../modules/monitors/monitor-store.ts';
import { updatePageSettings } from '../../modules/page/index.ts';

const warning = /Email subscriptions are open, but no SMTP server is set up \(AVISO_SMTP_URL\)/;

test('the dashboard warns while email subscriptions are open without an SMTP server, and not once one is set or they are closed', async (t) => {
  const bare = await createAdminTestApp();
  t.after(() => bare.close());
  const owner = await bare.signIn('owner');
  assert.match((await owner.get('/admin')).body, warning);
  await updatePageSettings(bare.ctx, { settings: { allowSubscribers: false } });
  assert.doesNotMatch((await owner.get('/admin')).body, warning, 'closed subscriptions refuse nobody');

  const withMail = await createAdminTestApp({ env: { AVISO_SMTP_URL: 'smtp://127.0.0.1:9' } });
  t.after(() => withMail.close());
  assert.doesNotMatch((await (await withMail.signIn('owner')).get('/admin')).body, warning);
});

/** The text of the dashboard's "What is broken now" card, tags dropped. */
function brokenNowText(html: string): string {
  const card = /<section[^>]*data-broken-now[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  return card.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

test('the dashboard says all is operational when nothing is broken, and lists what is once something is', async (t) => {
  const app = await createAdminTestApp({ now: '2025-11-20T12:00:00.000Z' });
  t.after(() => app.close());
  const owner = await app.signIn('owner');
  const api = await createComponent(app.ctx, { name: 'API' });
  await createComponentGroup(app.ctx, { name: 'Backend', componentIds: [api.id] });
  const db = await createComponent(app.ctx, { name: 'Database' });
  await createComponent(app.ctx, { name: 'Website' });
  const { monitor } = await createMonitor(
    app.ctx,
    {
      name: 'API health',
      kind: 'http',
      componentId: api.id,
      intervalSeconds: 30,
      timeoutMs: 2000,
      failureThreshold: 2,
      recoveryThreshold: 2,
      failingStatus: 'major_outage',
      allowPrivate: false,
      settings: { url: 'https://api.acme.test/health' },
    },
    { mayAllowPrivate: false },
  );
  const maintenance = await scheduleMaintenance(app.ctx, {
    name: 'Database failover drill',
    scheduledFor: new Date('2025-11-20T11:30:00Z'),
    scheduledUntil: new Date('2025-11-20T13:00:00Z'),
    componentIds: [db.id],
    remindPrior: 0,
  });

  const calm = brokenNowText((await owner.get('/admin')).body);
  assert.match(calm, /All systems operational/);
  assert.doesNotMatch(calm, /Database failover drill/, 'a maintenance that has not started is not broken');

  const incident = await openIncident(app.ctx, { name: 'Elevated API errors', components: { [api.id]: 'partial_outage' } });
  await postIncidentUpdate(app.ctx, maintenance.id, { status: 'in_progress', components: { [db.id]: 'under_maintenance' } });
  await saveMonitorStatus(app.ctx.db, monitor.id, {
    ...initialStatus,
    state: 'down',
    failures: 3,
    lastCheckedAt: new Date('2025-11-20T11:59:30Z'),
    lastOutcome: 'down',
    lastReason: 'HTTP 503',
  });

  const page = (await owner.get('/admin')).body;
  const broken = brokenNowText(page);
  assert.doesNotMatch(broken, /All systems operational/);
  assert.match(broken, /Components not operational Backend – API Partial outage Database Under maintenance/);
  assert.doesNotMatch(broken, /Website/);
  assert.match(broken, /Open incidents Elevated API errors Investigating/);
  assert.match(page, new RegExp(`href="/admin/incidents/${incident.id}#post-update" data-shortcut="u"`));
  assert.match(broken, /Maintenance in progress Database failover drill In progress/);
  assert.match(broken, /Failing monitors API health Down · HTTP 503/);
});

test('the dashboard speaks the member’s language, right to left in Arabic', async (t) => {
  const app = await createAdminTestApp({ now: '2025-11-20T12:00:00.000Z' });
  t.after(() => app.close());
  const owner = await app.signIn('owner');
  const calm = (await owner.get('/admin', { 'accept-language': 'pt-BR' })).body;
  assert.match(calm, /<h1>Painel<\/h1>/);
  for (const words of [
    'O que está com problema agora',
    'Todos os sistemas operacionais',
    'Próximas manutenções',
    'Nenhuma programada.',
    'Ver a página pública',
  ]) {
    assert.ok(calm.includes(words), words);
  }
  assert.match(calm, /nenhum servidor SMTP está configurado \(AVISO_SMTP_URL\)/);
  for (const words of ['What is broken now', 'All systems operational', 'Upcoming maintenance', 'None scheduled.', 'See the public page']) {
    assert.ok(!calm.includes(words), words);
  }
  assert.doesNotMatch(calm, warning);

  await openIncident(app.ctx, { name: 'Elevated API errors' });
  const broken = brokenNowText((await owner.get('/admin', { 'accept-language': 'pt-BR' })).body);
  assert.match(broken, /Incidentes em aberto Elevated API errors Investigando/);
  assert.match(broken, /início: 20 de nov\. de 2025/);
  assert.match(broken, /Publicar uma atualização sobre Elevated API errors/);
  assert.doesNotMatch(broken, /Open incidents|started|Post an update/);

  const arabic = (await owner.get('/admin', { 'accept-language': 'ar' })).body;
  assert.match(arabic, /<html[^>]* dir="rtl"/);
  assert.match(arabic, /<h1>لوحة المتابعة<\/h1>/);
  assert.ok(arabic.includes('ما المعطّل الآن'));
  assert.ok(!arabic.includes('What is broken now'));
});
