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
