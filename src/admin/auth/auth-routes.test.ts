import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, createAdminTestApp, testPassword } from '../../../test/support/admin-client.ts';
import { createUser, ensureFirstOwner, listUsers } from '../../modules/accounts/index.ts';
import { listComponents } from '../../modules/components/index.ts';

test('logging in sets an HttpOnly, SameSite=Lax session cookie for /admin, Secure only over TLS', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });

  const plain = new AdminClient(app.aviso);
  const response = await plain.login('ana@example.com', testPassword);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/admin');
  const cookie = response.cookies.find((c) => c.name === 'aviso_session');
  assert.ok(cookie, 'a session cookie is set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.path, '/admin');
  assert.notEqual(cookie.secure, true);

  // A stranger's X-Forwarded-Proto is not believed; the proxy the operator names is.
  const spoofed = await new AdminClient(app.aviso).login('ana@example.com', testPassword, { 'x-forwarded-proto': 'https' });
  assert.notEqual(spoofed.cookies.find((c) => c.name === 'aviso_session')?.secure, true);
  const proxied = await createAdminTestApp({ env: { AVISO_TRUST_PROXY: '127.0.0.1' } });
  t.after(() => proxied.close());
  await createUser(proxied.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const tls = await new AdminClient(proxied.aviso).login('ana@example.com', testPassword, { 'x-forwarded-proto': 'https' });
  assert.equal(tls.cookies.find((c) => c.name === 'aviso_session')?.secure, true);

  const dashboard = await plain.get('/admin');
  assert.equal(dashboard.statusCode, 200);
  assert.match(dashboard.body, /Ana \(editor\)/);
});

test('a wrong password shows the login form again with a message and the email kept', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const client = new AdminClient(app.aviso);
  const response = await client.login('ana@example.com', 'not the password');
  assert.equal(response.statusCode, 401);
  assert.match(response.body, /The email or the password is not right/);
  assert.match(response.body, /value="ana@example.com"/);
  assert.equal(client.cookies.has('aviso_session'), false);

  // In the browser's language, the whole message: not a translated headline over English details.
  const portuguese = await new AdminClient(app.aviso).login('ana@example.com', 'not the password', { 'accept-language': 'pt-BR' });
  assert.equal(portuguese.statusCode, 401);
  assert.match(portuguese.body, /O e-mail ou a senha não estão corretos\./);
  assert.doesNotMatch(portuguese.body, /not right|Entre para continuar/);
});

test('after five failed logins the right password is refused too, with a clear message', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const client = new AdminClient(app.aviso);
  for (let i = 0; i < 5; i++) assert.equal((await client.login('ana@example.com', `wrong ${i}`)).statusCode, 401);
  const blocked = await client.login('ana@example.com', testPassword);
  assert.equal(blocked.statusCode, 429);
  assert.match(blocked.body, /Too many failed logins/);
  assert.equal(client.cookies.has('aviso_session'), false);
  const russian = await client.login('ana@example.com', testPassword, { 'accept-language': 'ru' });
  assert.equal(russian.statusCode, 429);
  assert.match(russian.body, /Слишком много неудачных попыток входа/);
});

test('without a session, screens redirect to login and writes are refused without changing anything', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const stranger = new AdminClient(app.aviso);
  const screen = await stranger.get('/admin/components');
  assert.equal(screen.statusCode, 303);
  assert.equal(screen.headers.location, '/admin/login?next=%2Fadmin%2Fcomponents');
  const write = await stranger.post('/admin/components', { name: 'Sneaky', status: 'operational' }, { withCsrf: false });
  assert.equal(write.statusCode, 401);
  assert.match(write.body, /Log in again/);
  assert.equal((await listComponents(app.ctx.db)).length, 0);
});

test('the login form refuses a post that did not come from its own page', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  await createUser(app.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
  const forged = new AdminClient(app.aviso);
  const response = await forged.post('/admin/login', {
    email: 'ana@example.com',
    password: testPassword,
    _csrf: 'forged-token-forged-token-forged',
  });
  assert.equal(response.statusCode, 403);
  assert.equal(forged.cookies.has('aviso_session'), false);
});

test('the setup link creates the first owner once, signs them in, and is dead afterwards', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const outcome = await ensureFirstOwner(app.ctx, { admin: undefined, publicUrl: 'http://127.0.0.1' });
  assert.equal(outcome.kind, 'setup');
  const path =
    new URL(outcome.kind === 'setup' ? outcome.link : '').pathname + new URL(outcome.kind === 'setup' ? outcome.link : '').search;

  const browser = new AdminClient(app.aviso);
  const login = await browser.get('/admin/login');
  assert.match(login.body, /no team member yet/);
  const form = await browser.get(path);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Create the owner account/);
  const token = new URL(outcome.kind === 'setup' ? outcome.link : '').searchParams.get('token') ?? '';

  const short = await browser.post('/admin/setup', { token, name: 'Olga', email: 'olga@example.com', password: 'short' });
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /at least 10 characters/);
  assert.match(short.body, /value="olga@example.com"/);

  const done = await browser.post('/admin/setup', { token, name: 'Olga', email: 'olga@example.com', password: testPassword });
  assert.equal(done.statusCode, 303);
  assert.match((await browser.get('/admin')).body, /Olga \(owner\)/);
  assert.deepEqual(
    (await listUsers(app.ctx)).map((u) => [u.email, u.role]),
    [['olga@example.com', 'owner']],
  );

  const again = await new AdminClient(app.aviso).get(path);
  assert.equal(again.statusCode, 410);
});

test('an owner invites a member by link; the member joins with the role given and is signed in', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const owner = await app.signIn('owner');
  await owner.get('/admin/team');
  const invited = await owner.post('/admin/team/invites', { email: 'eve@example.com', role: 'editor' });
  assert.equal(invited.statusCode, 200);
  const link = /(http:\/\/[^<\s]+\/admin\/invite\?token=[^<\s"]+)/.exec(invited.body)?.[1];
  assert.ok(link, 'the invitation link is shown');

  const eve = new AdminClient(app.aviso);
  const url = new URL(link.replace(/&amp;/g, '&'));
  const form = await eve.get(url.pathname + url.search);
  assert.match(form.body, /eve@example.com/);
  const joined = await eve.post('/admin/invite', { token: url.searchParams.get('token') ?? '', name: 'Eve', password: testPassword });
  assert.equal(joined.statusCode, 303);
  assert.match((await eve.get('/admin')).body, /Eve \(editor\)/);
  assert.equal((await new AdminClient(app.aviso).get(url.pathname + url.search)).statusCode, 410);
});

test('logging out ends the session: the old cookie no longer opens the admin app', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const owner = await app.signIn('owner');
  const session = owner.cookies.get('aviso_session');
  await owner.get('/admin');
  assert.equal((await owner.post('/admin/logout', {})).statusCode, 303);
  const replay = await app.aviso.app.inject({ method: 'GET', url: '/admin', headers: { cookie: `aviso_session=${session}` } });
  assert.equal(replay.statusCode, 303);
});

test('before login the screens speak the browser’s language: login, password reset, setup, invitation and dead links', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const outcome = await ensureFirstOwner(app.ctx, { admin: undefined, publicUrl: 'http://127.0.0.1' });
  const setupLink = new URL(outcome.kind === 'setup' ? outcome.link : 'http://127.0.0.1/');
  const es = { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' };
  const browser = new AdminClient(app.aviso);

  const login = await browser.get('/admin/login', es);
  assert.match(login.body, /<html lang="es" dir="ltr">/);
  for (const spanish of [
    '<h1>Iniciar sesión</h1>',
    'Aviso aún no tiene ningún miembro en el equipo',
    'Código de inicio de sesión en dos pasos',
    'Solo si activaste el inicio de sesión en dos pasos',
    'Iniciar sesión con una llave de acceso',
    '¿Olvidaste tu contraseña?',
    'data-msg-cancelled="No se usó la llave de acceso',
  ])
    assert.ok(login.body.includes(spanish), spanish);
  for (const english of ['Log in', 'Password', 'Two-factor code', 'Forgot your password?', 'Sign in with a passkey', 'no team member yet'])
    assert.ok(!login.body.includes(english), english);
  const refused = await browser.post('/admin/login', { email: 'nadie@example.com', password: 'x' }, { headers: es });
  assert.equal(refused.statusCode, 401);
  assert.match(refused.body, /<label for="f-email">Correo electrónico<\/label>/);

  const setup = await browser.get(setupLink.pathname + setupLink.search, es);
  assert.match(setup.body, /<h1>Configurar Aviso<\/h1>/);
  assert.match(setup.body, /Crea la cuenta del propietario/);
  assert.match(setup.body, /Al menos 10 caracteres\./);
  assert.doesNotMatch(setup.body, /Create the owner account|Your name|At least 10 characters/);

  const forgot = await browser.get('/admin/forgot', es);
  assert.match(forgot.body, /<h1>Restablecer tu contraseña<\/h1>/);
  assert.match(forgot.body, />Enviar el enlace</);
  const sent = await browser.post('/admin/forgot', { email: 'nadie@example.com' }, { headers: es });
  assert.match(sent.body, /Si un miembro del equipo tiene esta dirección/);
  assert.doesNotMatch(sent.body, /If a team member has this address|Send the link/);

  for (const [path, sentence] of [
    ['/admin/reset?token=nope', 'Pide uno nuevo desde la página de inicio de sesión'],
    ['/admin/invite?token=nope', 'Pide una nueva a un propietario'],
    ['/admin/setup?token=nope', 'Reinicia Aviso para que escriba un enlace nuevo'],
  ] as const) {
    const dead = await browser.get(path, es);
    assert.equal(dead.statusCode, 410);
    assert.match(dead.body, /<h1>Este enlace ya no es válido<\/h1>/);
    assert.ok(dead.body.includes(sentence), sentence);
    assert.doesNotMatch(dead.body, /This link is not valid any more/);
  }

  const arabic = await new AdminClient(app.aviso).get('/admin/login', { 'accept-language': 'ar' });
  assert.match(arabic.body, /<html lang="ar" dir="rtl">/);
  assert.match(arabic.body, /<h1>تسجيل الدخول<\/h1>/);
  assert.match(arabic.body, /هل نسيت كلمة المرور؟/);
  assert.doesNotMatch(arabic.body, /Forgot your password\?/);
});
