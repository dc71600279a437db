import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminClient, createAdminTestApp, testPassword } from '../../../test/support/admin-client.ts';
import { createApiKey, createUser, totpCodeAt } from '../../modules/accounts/index.ts';
import { listAuditEvents } from '../../modules/audit/index.ts';
import { listComponents } from '../../modules/components/index.ts';

/** Sets up an authenticator app through the account screen, as a member does; returns its secret. */
async function setUpApp(client: AdminClient, now: () => Date): Promise<string> {
  await client.get('/admin/account');
  const enrol = await client.post('/admin/account/two-factor/start', {});
  const secret = /<code id="totp-secret" class="break">([A-Z2-7]+)<\/code>/.exec(enrol.body)?.[1] ?? '';
  const on = await client.post('/admin/account/two-factor/confirm', { code: totpCodeAt(secret, now()), secret });
  assert.equal(on.statusCode, 200);
  return secret;
}

test('an owner requires two-factor login: members without it can only set it up, API keys keep working', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const now = () => app.clock.now();
  const owner = await app.signIn('owner');
  const admin = await app.signIn('admin');
  await createUser(app.ctx, { email: 'ed@example.com', name: 'Ed', password: testPassword, role: 'editor' });

  assert.doesNotMatch((await admin.get('/admin/team')).body, /Require two-factor login for the team/, 'only owners see the switch');
  assert.equal((await admin.post('/admin/team/two-factor', { required: 'on' })).statusCode, 403);

  const team = await owner.get('/admin/team');
  assert.match(team.body, /Not required: each member chooses/);
  const early = await owner.post('/admin/team/two-factor', { required: 'on' });
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /Turn on two-factor login for your own account first/);

  await setUpApp(owner, now);
  await owner.get('/admin/team');
  const on = await owner.post('/admin/team/two-factor', { required: 'on' });
  assert.equal(on.statusCode, 303);
  assert.equal(on.headers.location, '/admin/team?notice=team-two-factor-on');
  const after = await owner.get('/admin/team');
  assert.match(after.body, /Required: a member who logs in with a password and has no second factor/);
  assert.match(after.body, /owner1@example.com · last login [^<]* · two-factor: authenticator app/);
  assert.match(after.body, /ed@example.com · last login [^<]* · two-factor: none/);
  const [event] = (await listAuditEvents(app.ctx, {})).filter((e) => e.action === 'team.require_two_factor');
  assert.deepEqual([event?.actor.name, event?.after], ['owner 1', { requireTwoFactor: true }]);

  // Ed logs in with his password and is sent to set up a second factor, whatever he opens.
  const ed = new AdminClient(app.aviso);
  assert.equal((await ed.login('ed@example.com', testPassword)).statusCode, 303);
  for (const path of ['/admin', '/admin/incidents', '/admin/team', '/admin/settings']) {
    const held = await ed.get(path);
    assert.equal(held.statusCode, 303, path);
    assert.equal(held.headers.location, '/admin/account?notice=two-factor-required');
  }
  const account = await ed.get('/admin/account?notice=two-factor-required');
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /Your team requires two-factor login/);
  // He may still choose the language he reads the set-up in.
  const language = await ed.post('/admin/account/language', { locale: 'de' });
  assert.equal(language.statusCode, 303);
  assert.match((await ed.get('/admin/account?notice=two-factor-required')).body, /Ihr Team verlangt die Zwei-Faktor-Anmeldung/);
  await ed.post('/admin/account/language', { locale: '' });
  const write = await ed.post('/admin/components', { name: 'Sneaky', status: 'operational' });
  assert.equal(write.statusCode, 403);
  assert.match(write.body, /set it up on your account screen first/);
  assert.equal((await listComponents(app.ctx.db)).length, 0, 'the refused write changed nothing');
  // An admin who was signed in before is held too, from their next request.
  assert.equal((await admin.get('/admin/components')).statusCode, 303);

  const key = await createApiKey(app.ctx, { name: 'Deploy bot', scope: 'write' });
  const api = await app.aviso.app.inject({ method: 'GET', url: '/api/v1/components', headers: { authorization: `Bearer ${key.key}` } });
  assert.equal(api.statusCode, 200, 'API keys are not members: the rule does not apply to them');

  await setUpApp(ed, now);
  assert.equal((await ed.get('/admin/incidents')).statusCode, 200, 'with the app set up, everything opens');
  assert.equal((await ed.post('/admin/logout', {})).statusCode, 303);
  app.clock.advance(60_000);
  const passwordOnly = await new AdminClient(app.aviso).login('ed@example.com', testPassword);
  assert.equal(passwordOnly.statusCode, 401, 'from now on his logins ask for the code');

  await owner.get('/admin/team');
  const off = await owner.post('/admin/team/two-factor', { required: 'off' });
  assert.equal(off.headers.location, '/admin/team?notice=team-two-factor-off');
  assert.equal((await admin.get('/admin/components')).statusCode, 200, 'with the rule off, nobody is held');
});

test('the team screen, its invitation and the invited person’s screen speak each reader’s language', async (t) => {
  const app = await createAdminTestApp();
  t.after(() => app.close());
  const owner = await app.signIn('owner');
  await createUser(app.ctx, { email: 'ed@example.com', name: 'Ed', password: testPassword, role: 'editor' });
  const pt = { 'accept-language': 'pt-BR' };

  const team = await owner.get('/admin/team', pt);
  assert.match(team.body, /<html lang="pt-BR" dir="ltr">/);
  for (const portuguese of [
    '<h1>Equipe</h1>',
    'Proprietário: tudo, inclusive a equipe.',
    'aria-label="Membros da equipe"',
    'Ed <span class="meta">(editor)</span>',
    'ed@example.com · último login: — · segundo fator: nenhum',
    'Função de Ed',
    '<option value="owner">Proprietário</option>',
    'aria-label="Alterar função de Ed">Alterar função</button>',
    'aria-label="Remover Ed">Remover</button>',
    'Não obrigatório: cada membro decide na tela da própria conta.',
    '>Exigir login em duas etapas da equipe<',
    '<h2 id="invite">Convidar um membro para a equipe</h2>',
    '>Criar link de convite<',
  ])
    assert.ok(team.body.includes(portuguese), portuguese);
  for (const english of ['Team members', 'last login', 'Change role', 'Not required', 'Invite a team member', 'Owner: everything'])
    assert.ok(!team.body.includes(english), english);

  const wrongRole = await owner.post('/admin/team/invites', { email: 'eve@example.com', role: 'boss' }, { headers: pt });
  assert.equal(wrongRole.statusCode, 400);
  assert.match(wrongRole.body, /Corrija o campo indicado abaixo\./);
  assert.match(wrongRole.body, /<p class="error" id="f-role-error">Escolha uma das funções da lista\.<\/p>/);

  const invited = await owner.post('/admin/team/invites', { email: 'eve@example.com', role: 'viewer' }, { headers: pt });
  assert.equal(invited.statusCode, 200);
  assert.match(invited.body, /O convite está pronto\./);
  assert.match(invited.body, /Envie este link para eve@example.com\. Ele funciona uma vez, até [^<]+:/);
  const link = new URL((/(http:\/\/[^<\s]+\/admin\/invite\?token=[^<\s"]+)/.exec(invited.body)?.[1] ?? '').replace(/&amp;/g, '&'));

  const eve = new AdminClient(app.aviso);
  const form = await eve.get(link.pathname + link.search, { 'accept-language': 'ja' });
  assert.match(form.body, /<html lang="ja" dir="ltr">/);
  assert.match(form.body, /<h1>チームに参加<\/h1>/);
  assert.match(form.body, /メールアドレス <strong>eve@example.com<\/strong> で、<strong>閲覧者<\/strong>として招待されています。/);
  assert.match(form.body, />参加する<\/button>/);
  assert.doesNotMatch(form.body, /You are invited|Join the team|Your name/);

  const arabic = await owner.get('/admin/team', { 'accept-language': 'ar' });
  assert.match(arabic.body, /<html lang="ar" dir="rtl">/);
  assert.match(arabic.body, /<h1>الفريق<\/h1>/);
});
