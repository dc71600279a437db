import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { createComponent } from '../../modules/components/index.ts';
import { listTemplates } from '../../modules/templates/index.ts';

test('an editor writes a template, opens an incident from it pre-filled, then edits and deletes it', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const payments = await createComponent(app.ctx, { name: 'Payments' });
  const editor = await app.signIn('editor');
  await editor.get('/admin/templates/new');
  const missing = await editor.post('/admin/templates', { name: '', title: 'Payments failing', updateStatus: 'identified' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /value="Payments failing"/);

  const created = await editor.post('/admin/templates', {
    name: 'Payment provider down',
    title: 'Payments failing',
    body: 'Our payment provider is failing; we are switching providers.',
    updateStatus: 'identified',
    componentIds: payments.id,
  });
  assert.equal(created.statusCode, 303);
  const [template] = await listTemplates(app.ctx);
  assert.equal(template?.shouldSendNotifications, false, 'an unticked box is saved as unticked');

  const form = await editor.get(`/admin/incidents/new?template=${template!.id}`);
  assert.match(form.body, /value="Payments failing"/);
  assert.match(form.body, /we are switching providers\./);
  assert.match(form.body, /<option value="identified" selected/);
  assert.match(form.body, /This template is about Payments/);
  assert.doesNotMatch(form.body, /name="deliverNotifications" value="on" checked/);

  await editor.get(`/admin/templates/${template!.id}/edit`);
  await editor.post(`/admin/templates/${template!.id}`, {
    name: 'Payments down',
    title: 'Payments failing',
    updateStatus: 'investigating',
    shouldSendNotifications: 'on',
  });
  const [edited] = await listTemplates(app.ctx);
  assert.equal(edited?.name, 'Payments down');
  assert.deepEqual(edited?.componentIds, []);
  assert.equal(edited?.shouldSendNotifications, true);

  await editor.get(`/admin/templates/${template!.id}/delete`);
  await editor.post(`/admin/templates/${template!.id}/delete`, {});
  assert.equal((await listTemplates(app.ctx)).length, 0);
});

test('a member reading Arabic manages templates in Arabic, right to left', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  await createComponent(app.ctx, { name: 'Payments' });
  const editor = await app.signIn('editor');
  const ar = { 'accept-language': 'ar' };

  const empty = (await editor.get('/admin/templates', ar)).body;
  assert.match(empty, /<html lang="ar" dir="rtl">/);
  for (const words of ['<h1>قوالب الحوادث</h1>', 'لا توجد قوالب بعد.', 'قالب جديد']) assert.ok(empty.includes(words), words);
  for (const words of ['Incident templates', 'No templates yet', 'New template']) assert.ok(!empty.includes(words), words);

  const form = (await editor.get('/admin/templates/new', ar)).body;
  for (const words of ['اسم القالب', 'اسم الحادث', 'المكوّنات التي يتعلق بها', 'إخطار المشتركين افتراضيًا', 'إنشاء القالب', 'قيد التحقيق'])
    assert.ok(form.includes(words), words);
  for (const words of ['Template name', 'Components it is about', 'Create template', '>Investigating<'])
    assert.ok(!form.includes(words), words);

  await editor.post('/admin/templates', { name: 'Payments down', title: 'Payments failing', updateStatus: 'identified' }, { headers: ar });
  const [template] = await listTemplates(app.ctx);
  const listed = (await editor.get('/admin/templates', ar)).body;
  for (const words of ['نشر حادث من هذا القالب', 'دون إخطار']) assert.ok(listed.includes(words), words);
  assert.ok(!listed.includes('Post an incident from it') && !listed.includes('no notification'));

  const picked = (await editor.get(`/admin/incidents/new?template=${template!.id}`, ar)).body;
  for (const words of ['البدء من قالب', 'استخدام القالب']) assert.ok(picked.includes(words), words);
  assert.ok(!picked.includes('Start from a template'));

  const confirm = (await editor.get(`/admin/templates/${template!.id}/delete`, ar)).body;
  for (const words of ['حذف القالب «Payments down»؟', 'الإبقاء عليه']) assert.ok(confirm.includes(words), words);
  assert.ok(!confirm.includes('Keep it'));
});
