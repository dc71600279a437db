import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { AdminClient, createAdminTestApp, testPassword, type AdminTestApp } from '../../../test/support/admin-client.ts';
import { startSmtpSink } from '../../../test/support/smtp-sink.ts';
import { JobWorker } from '../../jobs/index.ts';
import { createAccountHandlers, createAccountMailer, createUser, passwordReset } from '../../modules/accounts/index.ts';
import { listAuditEvents } from '../../modules/audit/index.ts';

describe('password reset by email, through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: AdminTestApp;
  let worker: JobWorker;
  before(async () => {
    smtp = await startSmtpSink();
  });
  after(() => smtp.close());
  beforeEach(async () => {
    smtp.received.length = 0;
    t = await createAdminTestApp();
    await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password: testPassword, role: 'editor' });
    const sendMail = createAccountMailer({ smtpUrl: smtp.url, from: 'Aviso <status@example.test>' });
    worker = new JobWorker({ ctx: t.ctx, handlers: createAccountHandlers({ publicUrl: t.aviso.deps.config.publicUrl, sendMail }) });
  });

  afterEach(() => t.close());

  const ask = async (email: string, headers: Record<string, string> = {}, app = t) => {
    const client = new AdminClient(app.aviso);
    await client.get('/admin/forgot', headers);
    return client.post('/admin/forgot', { email }, { headers });
  };
  const linkIn = (text: string) => /https?:\/\/\S+\/admin\/reset\?token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
  const pathOf = (url: string) => url.slice(t.aviso.deps.config.publicUrl.length);

  test('a member gets a link, chooses a new password once, and every old session ends', async () => {
    const before = new AdminClient(t.aviso);
    assert.equal((await before.login('ana@example.com', testPassword)).statusCode, 303);
    const login = await new AdminClient(t.aviso).get('/admin/login');
    assert.match(login.body, /href="\/admin\/forgot"/);

    const asked = await ask(' Ana@Example.com ');
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /If a team member has this address, a link to choose a new password is on its way/);
    await worker.tick();
    const [mail] = smtp.to('ana@example.com');
    assert.ok(mail, 'the reset mail arrived');
    assert.equal(mail.subject, 'Reset your Aviso password');
    const link = linkIn(mail.text);
    assert.ok(link.startsWith(`${t.aviso.deps.config.publicUrl}/admin/reset?token=`), 'the link starts with the configured public URL');
    const jobs = await t.ctx.db.selectFrom('jobs').select('payload').execute();
    assert.equal(JSON.stringify(jobs).includes(link.split('token=')[1]!), false, 'the raw token never sits in the job queue');

    const client = new AdminClient(t.aviso);
    const form = await client.get(pathOf(link));
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['referrer-policy'], 'no-referrer');
    const short = await client.post('/admin/reset', { token: link.split('token=')[1]!, password: 'short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /at least 10 characters/);
    const done = await client.post('/admin/reset', { token: link.split('token=')[1]!, password: 'a brand new passphrase' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/admin/login?notice=password-reset');

    assert.equal((await before.get('/admin')).statusCode, 303, 'the session opened with the old password has ended');
    assert.equal((await new AdminClient(t.aviso).login('ana@example.com', testPassword)).statusCode, 401);
    assert.equal((await new AdminClient(t.aviso).login('ana@example.com', 'a brand new passphrase')).statusCode, 303);
    const again = await new AdminClient(t.aviso).get(pathOf(link));
    assert.equal(again.statusCode, 410, 'the link works once');
    const [event] = await listAuditEvents(t.ctx, { entityType: 'user', limit: 5 }).then((events) =>
      events.filter((e) => e.action === 'user.reset_password'),
    );
    assert.ok(event, 'the reset is in the audit log');
  });

  test('an unknown address gets the same answer and no mail: nobody learns who is a member', async () => {
    const known = await ask('ana@example.com');
    const unknown = await ask('nobody@example.com');
    assert.equal(unknown.statusCode, known.statusCode);
    const message = (body: string) => /<p class="alert" role="status">([^<]+)</.exec(body)?.[1];
    assert.equal(message(unknown.body), message(known.body));
    await worker.tick();
    assert.equal(smtp.to('nobody@example.com').length, 0);
    assert.equal(smtp.received.length, 1);
  });

  test('a link expires after an hour, and one address gets at most three links an hour', async () => {
    await ask('ana@example.com');
    await worker.tick();
    const first = linkIn(smtp.to('ana@example.com')[0]!.text);
    t.clock.advance(passwordReset.lifetimeMs + 1000);
    assert.equal((await new AdminClient(t.aviso).get(pathOf(first))).statusCode, 410);

    // Asked again and again: one mail per ten minutes, three an hour.
    smtp.received.length = 0;
    for (let i = 0; i < 6; i++) {
      await ask('ana@example.com');
      await ask('ana@example.com');
      await worker.tick();
      t.clock.advance(10 * 60_000);
    }
    assert.equal(smtp.to('ana@example.com').length, 3);
  });

  test('one address may send the form five times in 15 minutes, whatever emails it names; a spoofed X-Forwarded-For does not lift it', async () => {
    for (const email of ['ana@example.com', 'nobody@example.com', 'ana@example.com', 'x@example.com', 'y@example.com']) {
      assert.equal((await ask(email)).statusCode, 200);
    }
    const jobs = async () => (await t.ctx.db.selectFrom('jobs').select('id').execute()).length;
    const queued = await jobs();
    const member = await ask('ana@example.com');
    const stranger = await ask('nobody@example.com', { 'x-forwarded-for': '203.0.113.9' });
    assert.equal(member.statusCode, 429);
    assert.equal(stranger.statusCode, 429, 'a header anyone can send does not make another client');
    assert.match(member.body, /Too many reset requests from this address; wait 15 minutes/);
    const message = (body: string) => /<p class="alert"[^>]*>([^<]+)</.exec(body)?.[1];
    assert.equal(message(member.body), message(stranger.body), 'a member’s address and a stranger’s get the same refusal');
    assert.match(member.body, /<form method="post" action="\/admin\/forgot"/, 'the refusal is the admin’s page with the form');
    assert.equal(await jobs(), queued, 'a refused request queues no mail');

    t.clock.advance(passwordReset.perIpWindowMs + 1000);
    assert.equal((await ask('ana@example.com')).statusCode, 200, 'the window passes');
  });

  test('behind a trusted proxy, the limit is per client address the proxy reports', async (c) => {
    const proxied = await createAdminTestApp({ env: { AVISO_TRUST_PROXY: '127.0.0.1' } });
    c.after(() => proxied.close());
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < 5; i++) assert.equal((await ask('ana@example.com', from('198.51.100.7'), proxied)).statusCode, 200);
    assert.equal((await ask('ana@example.com', from('198.51.100.7'), proxied)).statusCode, 429);
    assert.equal((await ask('ana@example.com', from('198.51.100.8'), proxied)).statusCode, 200, 'another client is not held back');
  });
});
