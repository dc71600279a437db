import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { getPage } from '../../modules/page/index.ts';

test('page settings are saved, and a bad time zone or colour is shown on its field with the input kept', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  await admin.get('/admin/settings');
  const base = {
    name: 'Acme Status',
    url: 'https://status.acme.test',
    timeZone: 'Europe/Lisbon',
    defaultLocale: 'pt-BR',
    locales: ['en', 'pt-BR'],
  };

  const bad = await admin.post('/admin/settings', { ...base, timeZone: 'Mars/Olympus', 'colour-major': 'red' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="f-timeZone-error"/);
  assert.match(bad.body, /value="Mars\/Olympus"/);

  const saved = await admin.post('/admin/settings', {
    ...base,
    'colour-major': '#aa0000',
    logoUrl: 'https://acme.test/logo.svg',
    'footerLabel-0': 'Docs',
    'footerUrl-0': 'https://acme.test/docs',
  });
  assert.equal(saved.statusCode, 303);
  const page = await getPage(app.ctx);
  assert.equal(page.name, 'Acme Status');
  assert.equal(page.timeZone, 'Europe/Lisbon');
  assert.equal(page.defaultLocale, 'pt-BR');
  assert.deepEqual(page.locales, ['en', 'pt-BR']);
  assert.equal(page.settings.colours?.major, '#aa0000');
  assert.deepEqual(page.settings.footerLinks, [{ label: 'Docs', url: 'https://acme.test/docs' }]);
  assert.equal(page.settings.logoUrl, 'https://acme.test/logo.svg');

  const editor = await app.signIn('editor');
  assert.equal((await editor.get('/admin/settings')).statusCode, 403);
});
