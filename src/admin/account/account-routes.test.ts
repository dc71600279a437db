import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, createAdminTestApp, testPassword } from '../../../test/support/admin-client.ts';
import { createUser, totpCodeAt } from '../../modules/accounts/index.ts';

test('a member turns on two-factor login in the admin, logs in with the app and with a recovery code, and turns it off', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const ana = new AdminClient(app.aviso);
  await ana.login('ana@example.com', testPassword);

  const account = await ana.get('/admin/account');
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /Set up two-factor login/);
  const enrol = await ana.post('/admin/account/two-factor/start', {});
  assert.equal(enrol.statusCode, 200);
  const secret = /<code id="totp-secret" class="break">([A-Z2-7]+)<\/code>/.exec(enrol.body)?.[1] ?? '';
  assert.ok(secret.length >= 32, 'the key to type into the app is shown');
  assert.match(enrol.body, /otpauth:\/\/totp\/Aviso:ana%40example\.com\?issuer=Aviso&amp;secret=/);

  const wrong = await ana.post('/admin/account/two-factor/confirm', { code: '000000', secret });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /The code is not right/);
  assert.match(wrong.body, new RegExp(secret), 'the same key is shown again');
  const on = await ana.post('/admin/account/two-factor/confirm', { code: totpCodeAt(secret, app.clock.now()), secret });
  assert.equal(on.statusCode, 200);
  const codes = [...on.body.matchAll(/<li><code>([0-9a-f]{5}-[0-9a-f]{5})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 10);

  const passwordOnly = await new AdminClient(app.aviso).login('ana@example.com', testPassword);
  assert.equal(passwordOnly.statusCode, 401);
  assert.match(passwordOnly.body, /Enter the code from your authenticator app, or a recovery code/);
  const client = new AdminClient(app.aviso);
  await client.get('/admin/login');
  const withApp = await client.post('/admin/login', {
    email: 'ana@example.com',
    password: testPassword,
    code: totpCodeAt(secret, app.clock.now()),
  });
  assert.equal(withApp.statusCode, 303);
  assert.equal((await client.get('/admin')).statusCode, 200);
  const other = new AdminClient(app.aviso);
  await other.get('/admin/login');
  assert.equal((await other.post('/admin/login', { email: 'ana@example.com', password: testPassword, code: codes[0]! })).statusCode, 303);
  const reused = new AdminClient(app.aviso);
  await reused.get('/admin/login');
  assert.equal((await reused.post('/admin/login', { email: 'ana@example.com', password: testPassword, code: codes[0]! })).statusCode, 401);

  await client.get('/admin/account');
  const refused = await client.post('/admin/account/two-factor/disable', { password: 'not the password' });
  assert.equal(refused.statusCode, 401);
  const off = await client.post('/admin/account/two-factor/disable', { password: testPassword });
  assert.equal(off.statusCode, 303);
  assert.equal((await new AdminClient(app.aviso).login('ana@example.com', testPassword)).statusCode, 303);
});

test('a member chooses the language they read the admin in, whatever their browser asks for, and can go back to the browser’s', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const ana = new AdminClient(app.aviso);
  const en = { 'accept-language': 'en' };
  await ana.login('ana@example.com', testPassword, en);

  const english = await ana.get('/admin/account', en);
  assert.match(english.body, /<h2 id="language">Language<\/h2>/);
  assert.match(english.body, /<option value selected>Your browser’s language<\/option>/);
  for (const [locale, name] of [
    ['pt-BR', 'Português \\(Brasil\\)'],
    ['ru', 'Русский'],
    ['ar', 'العربية'],
    ['ja', '日本語'],
  ])
    assert.match(english.body, new RegExp(`<option value="${locale}" lang="${locale}">${name}</option>`));

  const chosen = await ana.post('/admin/account/language', { locale: 'pt-BR' }, { headers: en });
  assert.equal(chosen.statusCode, 303);
  assert.equal(chosen.headers.location, '/admin/account');
  const dashboard = await ana.get('/admin', en);
  assert.match(dashboard.body, /<html lang="pt-BR" dir="ltr">/);
  const account = await ana.get('/admin/account', en);
  assert.match(account.body, /<html lang="pt-BR" dir="ltr">/);
  for (const portuguese of [
    '<h1>Sua conta</h1>',
    'Ana, ana@example.com (editor)',
    '<h2>Login em duas etapas</h2>',
    'Desativado. Com ele ativado, uma senha roubada não basta para entrar como você.',
    '>Configurar o login em duas etapas<',
    '<h2 id="passkeys">Chaves de acesso</h2>',
    'Nenhuma chave de acesso ainda.',
    'data-msg-name="Dê um nome à chave de acesso',
    '“Notebook do trabalho”',
    '<h2 id="language">Idioma</h2>',
    '<option value="pt-BR" lang="pt-BR" selected>Português (Brasil)</option>',
    'O idioma do seu navegador',
  ])
    assert.ok(account.body.includes(portuguese), portuguese);
  for (const english of [
    'Your account',
    'Two-factor login',
    'Set up two-factor login',
    'No passkeys yet',
    'Add a passkey',
    'Your browser’s language',
  ])
    assert.ok(!account.body.includes(english), english);

  const enrol = await ana.post('/admin/account/two-factor/start', {}, { headers: en });
  assert.match(enrol.body, /<h1>Configurar o login em duas etapas<\/h1>/);
  assert.match(enrol.body, /No seu aplicativo autenticador, adicione uma conta com esta chave:/);
  assert.match(enrol.body, /Digite o código de 6 dígitos que o aplicativo mostra\./);
  assert.doesNotMatch(enrol.body, /In your authenticator app|Code from the app/);
  const secret = /<code id="totp-secret" class="break">([A-Z2-7]+)<\/code>/.exec(enrol.body)?.[1] ?? '';
  const on = await ana.post('/admin/account/two-factor/confirm', { code: totpCodeAt(secret, app.clock.now()), secret }, { headers: en });
  assert.match(on.body, /<h1>O login em duas etapas está ativado<\/h1>/);
  assert.match(on.body, /Guarde estes códigos de recuperação em um lugar seguro/);
  assert.doesNotMatch(on.body, /Keep these recovery codes/);

  // An unknown language: the form again, with the message on its field, and nothing changes.
  await ana.get('/admin/account', en);
  const unknown = await ana.post('/admin/account/language', { locale: 'xx' }, { headers: en });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /<p class="error" id="f-language-locale-error">Escolha um dos idiomas da lista\.<\/p>/);
  assert.match(unknown.body, /aria-invalid="true" aria-describedby="f-language-locale-hint f-language-locale-error"/);
  assert.match(unknown.body, /<a href="#f-language-locale">/);
  assert.match((await ana.get('/admin/account', en)).body, /<html lang="pt-BR"/);

  // Back to the browser's language: English for this browser, German for a German one.
  const browser = await ana.post('/admin/account/language', { locale: '' }, { headers: en });
  assert.equal(browser.statusCode, 303);
  const back = await ana.get('/admin/account', en);
  assert.match(back.body, /<html lang="en" dir="ltr">/);
  assert.match(back.body, /<h1>Your account<\/h1>/);
  assert.match(back.body, /<option value selected>Your browser’s language<\/option>/);
  const german = await ana.get('/admin/account', { 'accept-language': 'de-AT,de;q=0.9' });
  assert.match(german.body, /<html lang="de" dir="ltr">/);
  assert.match(german.body, /<h1>Ihr Konto<\/h1>/);
  assert.match(german.body, /Ein: Bei der Anmeldung wird der Code aus Ihrer Authenticator-App abgefragt/);

  await ana.post('/admin/account/language', { locale: 'ar' }, { headers: en });
  const arabic = await ana.get('/admin/account', en);
  assert.match(arabic.body, /<html lang="ar" dir="rtl">/);
  assert.match(arabic.body, /<h1>حسابك<\/h1>/);
});
