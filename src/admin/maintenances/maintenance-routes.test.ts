import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { createComponent } from '../../modules/components/index.ts';
import { getIncident } from '../../modules/incidents/index.ts';

test('maintenance is scheduled in the page time zone with its components and automation', async (t) => {
  const app = await createAdminTestApp({ timeZone: 'America/Sao_Paulo' });
  t.after(() => app.close());
  const db = await createComponent(app.ctx, { name: 'Database' });
  const editor = await app.signIn('editor');
  const form = await editor.get('/admin/maintenances/new');
  assert.match(form.body, /In the page(&#39;|'|’)s time zone, Brasilia Standard Time \(GMT-3\)/);

  const backwards = await editor.post('/admin/maintenances', {
    name: 'Upgrade',
    scheduledFor: '2025-11-22T02:00',
    scheduledUntil: '2025-11-22T01:00',
  });
  assert.equal(backwards.statusCode, 400);
  assert.match(backwards.body, /id="f-scheduledUntil-error"[^>]*>Must end after it starts/);

  const scheduled = await editor.post('/admin/maintenances', {
    name: 'Database upgrade',
    scheduledFor: '2025-11-22T02:00',
    scheduledUntil: '2025-11-22T04:00',
    componentIds: db.id,
    autoInProgress: 'on',
    autoCompleted: 'on',
    autoTransitionToMaintenanceState: 'on',
    remindPrior: '30',
  });
  assert.equal(scheduled.statusCode, 303);
  const id = /\/admin\/maintenances\/([0-9a-z]{12})/.exec(String(scheduled.headers.location))?.[1] ?? '';
  const maintenance = await getIncident(app.ctx, id);
  assert.equal(maintenance.schedule?.scheduledFor.toISOString(), '2025-11-22T05:00:00.000Z');
  assert.equal(maintenance.schedule?.scheduledUntil.toISOString(), '2025-11-22T07:00:00.000Z');
  assert.equal(maintenance.schedule?.remindPrior, 30);
  assert.equal(maintenance.schedule?.autoInProgress, true);
  assert.equal(maintenance.schedule?.autoTransitionToOperationalState, false);
  assert.deepEqual(maintenance.componentIds, [db.id]);

  const dashboard = await editor.get('/admin');
  assert.match(dashboard.body, /Database upgrade/);

  await editor.get(`/admin/maintenances/${id}`);
  app.clock.advance(60_000);
  await editor.post(`/admin/maintenances/${id}/updates`, { status: 'in_progress', [`component-${db.id}`]: 'under_maintenance' });
  app.clock.advance(60_000);
  await editor.post(`/admin/maintenances/${id}/updates`, { status: 'completed', restore: 'on' });
  const done = await getIncident(app.ctx, id);
  assert.equal(done.status, 'completed');
  assert.deepEqual(
    done.updates[0]?.affectedComponents.map((a) => [a.oldStatus, a.newStatus]),
    [['under_maintenance', 'operational']],
  );
});

test('a scheduled maintenance is moved to a new window with its automation changed', async (t) => {
  const app = await createAdminTestApp({ timeZone: 'Europe/Berlin' });
  t.after(() => app.close());
  const db = await createComponent(app.ctx, { name: 'Database' });
  const editor = await app.signIn('editor');
  await editor.get('/admin/maintenances/new');
  const scheduled = await editor.post('/admin/maintenances', {
    name: 'Upgrade',
    scheduledFor: '2025-11-22T02:00',
    scheduledUntil: '2025-11-22T04:00',
    autoInProgress: 'on',
    autoCompleted: 'on',
  });
  const id = /\/admin\/maintenances\/([0-9a-z]{12})/.exec(String(scheduled.headers.location))?.[1] ?? '';
  const form = await editor.get(`/admin/maintenances/${id}/edit`);
  assert.match(form.body, /value="2025-11-22T02:00"/);

  const moved = await editor.post(`/admin/maintenances/${id}/edit`, {
    name: 'Database upgrade',
    scheduledFor: '2025-11-23T01:00',
    scheduledUntil: '2025-11-23T03:30',
    componentIds: db.id,
    autoInProgress: 'on',
    remindPrior: '0',
  });
  assert.equal(moved.statusCode, 303);
  const maintenance = await getIncident(app.ctx, id);
  assert.equal(maintenance.name, 'Database upgrade');
  assert.equal(maintenance.schedule?.scheduledFor.toISOString(), '2025-11-23T00:00:00.000Z');
  assert.equal(maintenance.schedule?.scheduledUntil.toISOString(), '2025-11-23T02:30:00.000Z');
  assert.equal(maintenance.schedule?.autoCompleted, false);
  assert.equal(maintenance.schedule?.remindPrior, 0);
  assert.deepEqual(maintenance.componentIds, [db.id]);
});

test('a member reading German schedules, follows and edits a maintenance in German; one reading Arabic reads it right to left', async (t) => {
  const app = await createAdminTestApp({ timeZone: 'Europe/Berlin' });
  t.after(() => app.close());
  const db = await createComponent(app.ctx, { name: 'Database' });
  const editor = await app.signIn('editor');
  const headers = { 'accept-language': 'de' };

  const empty = (await editor.get('/admin/maintenances', headers)).body;
  for (const shown of [
    /<h1>Wartungen<\/h1>/,
    /Wartung planen/,
    /Anstehend und laufend/,
    /Nichts geplant\./,
    /Noch keine abgeschlossene Wartung\./,
  ])
    assert.match(empty, shown);
  assert.doesNotMatch(empty, /Schedule maintenance|Upcoming and in progress|Nothing scheduled|No completed maintenance/);

  const form = (await editor.get('/admin/maintenances/new', headers)).body;
  for (const shown of [
    /<h1>Wartung planen<\/h1>/,
    /In der Zeitzone der Seite, /,
    /Leer gelassen: „In diesem Zeitraum führen wir eine geplante Wartung durch\.“/,
    /<legend>Zeitraum<\/legend>/,
    /<legend>Komponenten in Wartung<\/legend>/,
    /<legend>Automatisierung<\/legend>/,
    /…und die Komponenten auf „In Wartung“ setzen/,
    /Abonnenten vor dem Beginn erinnern \(Minuten\)/,
    /Abonnenten jetzt über die geplante Wartung benachrichtigen/,
    />Abbrechen<\/a>/,
  ])
    assert.match(form, shown);
  assert.doesNotMatch(form, /In the page|Left empty|>Window<|Automation|Remind subscribers|Notify subscribers|>Cancel</);

  const refused = await editor.post(
    '/admin/maintenances',
    { name: 'Upgrade', scheduledFor: 'morgen früh', scheduledUntil: '', remindPrior: 'bald' },
    { headers },
  );
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /id="f-scheduledFor-error"[^>]*>Geben Sie Datum und Uhrzeit ein, zum Beispiel 2025-11-20 14:30\./);
  const noEnd = await editor.post('/admin/maintenances', { name: 'Upgrade', scheduledFor: '2025-11-22T02:00' }, { headers });
  assert.match(noEnd.body, /id="f-scheduledUntil-error"[^>]*>Geben Sie an, wann die Wartung endet\./);
  const badReminder = await editor.post(
    '/admin/maintenances',
    { name: 'Upgrade', scheduledFor: '2025-11-22T02:00', scheduledUntil: '2025-11-22T04:00', remindPrior: 'bald' },
    { headers },
  );
  assert.match(badReminder.body, /id="f-remindPrior-error"[^>]*>Geben Sie eine ganze Zahl ein\./);
  assert.doesNotMatch(refused.body + noEnd.body + badReminder.body, /Enter a date|Enter when|Enter a whole number/);

  const scheduled = await editor.post(
    '/admin/maintenances',
    {
      name: 'Datenbank-Upgrade',
      scheduledFor: '2025-11-22T02:00',
      scheduledUntil: '2025-11-22T04:00',
      componentIds: db.id,
      autoInProgress: 'on',
      remindPrior: '30',
    },
    { headers },
  );
  assert.equal(scheduled.statusCode, 303);
  const id = /\/admin\/maintenances\/([0-9a-z]{12})/.exec(String(scheduled.headers.location))?.[1] ?? '';

  const detail = (await editor.get(`/admin/maintenances/${id}`, headers)).body;
  for (const shown of [
    /← Alle Wartungen/,
    /Geplant · 22\. Nov\. 2025, 02:00 .+ bis 22\. Nov\. 2025, 04:00 /,
    /automatischer Beginn · Abschluss von Hand · Erinnerung 30 Minuten vorher/,
    /Komponenten: Database/,
    /<h2 id="post-update">Update veröffentlichen<\/h2>/,
    /<option value="in_progress"[^>]*>Läuft<\/option>/,
    /Markdown\. Leer gelassen, veröffentlicht Aviso den Standardtext des Status\./,
    /Beim Abschluss diese Komponenten wieder auf „Betriebsbereit“ setzen/,
    /<h2 id="updates">Updates<\/h2>/,
    /Zeitraum und Automatisierung bearbeiten/,
    /Diese Wartung löschen/,
  ])
    assert.match(detail, shown);
  assert.doesNotMatch(
    detail,
    /All maintenance|Scheduled ·| to .*GMT|starts by itself|reminder 30|Post an update|Edit the window|Delete this maintenance/,
  );

  const edit = (await editor.get(`/admin/maintenances/${id}/edit`, headers)).body;
  assert.match(edit, /<h1>Datenbank-Upgrade bearbeiten<\/h1>/);
  assert.match(edit, />Speichern<\/button>/);
  assert.doesNotMatch(edit, /Edit Datenbank|>Save</);

  const arabic = (await editor.get(`/admin/maintenances/${id}`, { 'accept-language': 'ar' })).body;
  assert.match(arabic, /<html[^>]*dir="rtl"/);
  assert.match(arabic, /كل أعمال الصيانة/);
  assert.match(arabic, /تذكير قبل 30 دقيقة/);
  assert.doesNotMatch(arabic, /All maintenance|reminder 30/);
});
