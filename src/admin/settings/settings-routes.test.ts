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

test('colours are picked with a preview, and a brand colour text cannot be read on is refused with its contrast', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  const form = (await admin.get('/admin/settings')).body;
  assert.match(form, /<input type="color" id="f-colour-headerBackground" name="colour-headerBackground" value="#1f2933"/);
  assert.match(form, /name="colour-headerBackground-default" value="on" checked/, "an unset colour keeps Aviso's default");
  assert.match(form, /data-colour-preview="true" style="[^"]*--preview-headerBackground:#1f2933/);

  const base = { name: 'Test Page', timeZone: 'UTC', defaultLocale: 'en', locales: ['en'] };
  const refused = await admin.post('/admin/settings', { ...base, 'colour-headerBackground': '#2fcc66', 'colour-link': '#1d4ed8' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /<p class="error" id="f-colour-headerBackground-error">contrast 2\.1:1 with white text; needs 4\.5:1<\/p>/);
  assert.match(refused.body, /name="colour-headerBackground" value="#2fcc66"/, 'the chosen colour is kept');
  assert.match(refused.body, /--preview-headerBackground:#1f2933/, 'the preview keeps a readable colour');
  assert.equal((await getPage(app.ctx)).settings.colours?.headerBackground, undefined);

  const saved = await admin.post('/admin/settings', {
    ...base,
    'colour-headerBackground': '#1a5fb4',
    'colour-link': '#123456',
    'colour-link-default': 'on',
  });
  assert.equal(saved.statusCode, 303);
  assert.deepEqual((await getPage(app.ctx)).settings.colours, { headerBackground: '#1a5fb4' }, 'a ticked default leaves the colour unset');
  const again = (await admin.get('/admin/settings')).body;
  assert.match(again, /name="colour-headerBackground" value="#1a5fb4"/);
  assert.doesNotMatch(again, /name="colour-headerBackground-default" value="on" checked/);
});

test('a page manager reading Portuguese sees the settings in it, each language named in its own, and a refused footer link explained', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const admin = await app.signIn('admin');
  const pt = { 'accept-language': 'pt-BR' };
  const form = (await admin.get('/admin/settings', pt)).body;
  assert.match(form, /<h1>Configurações da página<\/h1>/);
  assert.match(form, /URL pública: <code>[^<]+<\/code>\. Os links nos e-mails/);
  for (const words of [
    'Nome da página',
    'Fuso horário',
    'Idioma padrão',
    'Cores',
    'Padrão do Aviso',
    'Receber atualizações',
    'Links do rodapé',
  ]) {
    assert.ok(form.includes(words), words);
  }
  for (const name of ['English', 'Português (Brasil)', 'Deutsch', 'العربية', '日本語']) assert.ok(form.includes(`>${name}<`), name);
  for (const words of [
    'Page name',
    'Time zone',
    'Default language',
    'Aviso’s default',
    'Subscribe to updates',
    'Footer links',
    'Public URL',
  ]) {
    assert.ok(!form.includes(words), words);
  }

  const base = { name: 'Test Page', timeZone: 'UTC', defaultLocale: 'en', locales: ['en'] };
  const refused = await admin.post('/admin/settings', { ...base, 'footerLabel-0': 'Docs' }, { headers: pt });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /<p class="error" id="f-footerUrl-0-error">Informe o endereço do link\.<\/p>/);
  assert.doesNotMatch(refused.body, /Give the link an address/);
});
