import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';

test('the jobs screen shows the start and completion a scheduled maintenance is waiting for; editors cannot open it', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  await admin.get('/admin/maintenances/new');
  await admin.post('/admin/maintenances', {
    name: 'Upgrade',
    scheduledFor: '2025-11-22T02:00',
    scheduledUntil: '2025-11-22T04:00',
    autoInProgress: 'on',
    autoCompleted: 'on',
  });
  const jobs = await admin.get('/admin/jobs');
  assert.equal(jobs.statusCode, 200);
  assert.match(jobs.body, /maintenance\.start/);
  assert.match(jobs.body, /maintenance\.complete/);
  assert.match(jobs.body, /None\. Every job has run/);

  const editor = await app.signIn('editor');
  assert.equal((await editor.get('/admin/jobs')).statusCode, 403);
});

test('a member reading Russian sees the jobs screen in it', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  await admin.get('/admin/maintenances/new');
  await admin.post('/admin/maintenances', {
    name: 'Upgrade',
    scheduledFor: '2025-11-22T02:00',
    scheduledUntil: '2025-11-22T04:00',
    autoInProgress: 'on',
  });
  const jobs = (await admin.get('/admin/jobs', { 'accept-language': 'ru' })).body;
  for (const words of [
    '<h1>Фоновые задачи</h1>',
    'Окончательно завершились ошибкой',
    'Нет. Все задачи выполнены',
    'В очереди',
    'попытка 0 из',
  ])
    assert.ok(jobs.includes(words), words);
  assert.match(jobs, /maintenance\.start/, 'job names are identifiers, kept as they are');
  assert.doesNotMatch(jobs, /Background jobs|Failed for good|Every job has run|Waiting|attempt 0 of/);
});
