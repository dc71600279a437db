import assert from 'node:assert/strict';
import { after, before, beforeEach, afterEach, describe, test } from 'node:test';
import { JobWorker, listJobs } from '../../jobs/index.ts';
import { createComponent } from '../components/index.ts';
import { openIncident, postIncidentUpdate, publishPostmortem, savePostmortemDraft, scheduleMaintenance } from '../incidents/index.ts';
import { buildJobs } from '../../app-jobs.ts';
import { confirmSubscription, countSubscribers, findSubscriber, subscribe, unsubscribe } from '../subscribers/index.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { startSmtpSink } from '../../../test/support/smtp-sink.ts';
import { createChannels, createNotificationHandlers, listSubscriberDeliveries, type Channels } from './index.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';

/** Email needs no outbound request; subscribing still takes the client that checks endpoints. */
const outbound = createTestOutbound();

const publicUrl = 'https://status.example.test';
const linkIn = (text: string, kind: string) =>
  text.match(new RegExp(`${publicUrl}/subscriptions/${kind}/([0-9a-z]{12}\\.[A-Za-z0-9_-]+)`))?.[1];

describe('email notifications through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestContext;
  let channels: Channels;
  let worker: JobWorker;

  before(async () => {
    smtp = await startSmtpSink({ refuse: new Set(['gone@example.com']) });
  });
  after(() => smtp.close());
  beforeEach(async () => {
    smtp.received.length = 0;
    t = await createTestContext();
    channels = createChannels({ email: { smtpUrl: smtp.url, from: 'Test Page <status@example.test>' }, outbound });
    worker = new JobWorker({ ctx: t.ctx, handlers: createNotificationHandlers({ publicUrl, channels }) });
  });
  afterEach(async () => {
    await channels.email?.close?.();
    await t.close();
  });

  async function subscribeAndConfirm(address: string, locale: 'en' | 'pt-BR' | 'de', componentIds: string[] = []) {
    await subscribe(t.ctx, { address, locale, componentIds }, { ip: '192.0.2.1' }, outbound);
    await worker.tick();
    const [confirmation] = smtp.to(address);
    assert.ok(confirmation, `a confirmation reached ${address}`);
    await confirmSubscription(t.ctx, linkIn(confirmation.text, 'confirm')!);
    smtp.received.length = 0;
  }

  test('subscribe, confirm, receive an update in the subscriber language with one-click unsubscribe headers, unsubscribe', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    await subscribe(t.ctx, { address: 'Ana@Example.com', locale: 'pt-BR' }, { ip: '192.0.2.1' }, outbound);
    await worker.tick();
    const [confirmation] = smtp.to('ana@example.com');
    assert.equal(confirmation?.subject, 'Confirme sua inscrição em Test Page');
    assert.equal(confirmation.header('list-unsubscribe'), undefined, 'a confirmation is not a list message');
    assert.equal((await countSubscribers(t.ctx)).unconfirmed, 1);

    await openIncident(t.ctx, { name: 'Database slow', body: 'We are looking into it.', components: { [api.id]: 'major_outage' } });
    await worker.tick();
    assert.equal(smtp.received.length, 1, 'an unconfirmed address hears nothing but the confirmation');

    await confirmSubscription(t.ctx, linkIn(confirmation.text, 'confirm')!);
    const incident = await openIncident(t.ctx, {
      name: 'Login errors',
      body: 'Some sign-ins fail.',
      components: { [api.id]: 'partial_outage' },
    });
    await worker.tick();
    const [mail] = smtp.to('ana@example.com').slice(1);
    assert.ok(mail, 'the update reached the subscriber');
    assert.equal(mail.subject, '[Test Page] Login errors');
    assert.match(mail.text, /Investigando - Some sign-ins fail\./);
    assert.match(mail.text, /Componentes afetados:\n- API: Interrupção parcial/);
    assert.match(mail.text, new RegExp(`Ver o incidente: ${publicUrl}/incidents/${incident.id}`));
    assert.match(mail.html, /<strong>Investigando<\/strong>/);
    assert.match(mail.messageId, /^<[0-9a-f]{32}@status\.example\.test>$/);
    const unsubscribeHeader = String(mail.header('list-unsubscribe'));
    assert.match(unsubscribeHeader, new RegExp(`^<${publicUrl}/subscriptions/unsubscribe/[0-9a-z]{12}\\.`));
    assert.equal(mail.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.ok(mail.parsed.text && mail.parsed.html, 'the message has a text and an HTML part');

    await unsubscribe(t.ctx, linkIn(unsubscribeHeader, 'unsubscribe')!);
    await postIncidentUpdate(t.ctx, incident.id, { status: 'resolved', body: 'Fixed.' });
    await worker.tick();
    assert.equal(smtp.to('ana@example.com').length, 2, 'nothing more after unsubscribing');
  });

  test('updates without "deliver notifications" stay quiet; postmortems are sent only when published with notify', async () => {
    await subscribeAndConfirm('bo@example.com', 'de');
    const incident = await openIncident(t.ctx, { name: 'Quiet', deliverNotifications: false });
    await worker.tick();
    assert.equal(smtp.received.length, 0);
    await postIncidentUpdate(t.ctx, incident.id, { status: 'resolved', body: 'Behoben.' });
    await worker.tick();
    assert.deepEqual(
      smtp.received.map((m) => m.subject),
      ['[Test Page] Quiet'],
    );
    assert.match(smtp.received[0]!.text, /Behoben - Behoben\./);
    await savePostmortemDraft(t.ctx, incident.id, { body: 'What happened.' });
    await publishPostmortem(t.ctx, incident.id, { notifySubscribers: true });
    await worker.tick();
    assert.deepEqual(
      smtp.received.map((m) => m.subject),
      ['[Test Page] Quiet', '[Test Page] Post-Mortem: Quiet'],
    );
    assert.match(smtp.received[1]!.text, /What happened\./);
  });

  test("the operator's Markdown arrives rendered in the HTML part and readable in the text part, both in the subscriber's language", async () => {
    await subscribeAndConfirm('lia@example.com', 'pt-BR');
    const body = [
      'The **API** is slow since 10:00 <script>alert(1)</script>.',
      '',
      '## What we know',
      '',
      '- Requests *time out*',
      '- Details: [our blog](https://blog.example.com/api)',
    ].join('\n');
    await openIncident(t.ctx, { name: 'API slow', body });
    await worker.tick();
    const [mail] = smtp.to('lia@example.com');
    assert.ok(mail);
    // HTML: the page's renderer, raw HTML shown as text, links that pass no ranking.
    assert.match(mail.html, /The <strong>API<\/strong> is slow since 10:00 &lt;script&gt;alert\(1\)&lt;\/script&gt;\./);
    assert.match(mail.html, /<h2>What we know<\/h2>/);
    assert.match(mail.html, /<li>Requests <em>time out<\/em><\/li>/);
    assert.match(mail.html, /<a href="https:\/\/blog\.example\.com\/api" rel="nofollow noopener">our blog<\/a>/);
    assert.doesNotMatch(mail.html, /<script>/);
    assert.match(mail.html, /<html lang="pt-BR" dir="ltr">/);
    assert.match(mail.html, /<strong>Investigando<\/strong>/);
    // Text: no Markdown marks, the link's address after its words, Aviso's words in Portuguese.
    assert.match(
      mail.text,
      /Investigando - The API is slow since 10:00 <script>alert\(1\)<\/script>\.\n\nWhat we know\n\n- Requests time out\n- Details: our blog \(https:\/\/blog\.example\.com\/api\)/,
    );
    assert.doesNotMatch(mail.text, /\*\*|##|\]\(/);
    assert.match(mail.text, /Ver o incidente: /);
    assert.match(mail.text, /Você está recebendo esta mensagem porque se inscreveu em Test Page\./);

    // An update posted without a message: Aviso's sentence in the subscriber's language, in both parts.
    const incident = (await openIncident(t.ctx, { name: 'Login errors' })).id;
    await postIncidentUpdate(t.ctx, incident, { status: 'identified' });
    await worker.tick();
    const [opened, identified] = smtp.to('lia@example.com').slice(1);
    assert.match(opened!.text, /Investigando - Estamos investigando o problema\./);
    assert.match(identified!.html, /Identificamos o problema e estamos aplicando uma correção\./);
  });

  test('a scheduled maintenance is announced, reminded an hour before and followed when it starts', async () => {
    await subscribeAndConfirm('ops@example.com', 'en');
    const automated = new JobWorker({ ctx: t.ctx, handlers: buildJobs({ notifications: { publicUrl, channels } }).handlers });
    await scheduleMaintenance(t.ctx, {
      name: 'Database upgrade',
      scheduledFor: new Date('2025-11-21T02:00:00Z'),
      scheduledUntil: new Date('2025-11-21T04:00:00Z'),
    });
    await automated.tick();
    t.clock.set('2025-11-21T01:00:00Z');
    await automated.tick();
    t.clock.set('2025-11-21T02:00:00Z');
    await automated.tick();
    const mails = smtp.to('ops@example.com');
    assert.deepEqual(
      mails.map((m) => m.subject),
      Array(3).fill('[Test Page] Maintenance: Database upgrade'),
    );
    assert.match(mails[0]!.text, /Scheduled from Nov 21, 2025, 02:00 AM UTC to Nov 21, 2025, 04:00 AM UTC/);
    assert.match(mails[1]!.text, /Scheduled - Maintenance will begin as scheduled in 60 minutes\./);
    assert.match(mails[2]!.text, /In progress - /);
  });

  test('component subscribers hear only about incidents touching their components', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const web = await createComponent(t.ctx, { name: 'Website' });
    await subscribeAndConfirm('api-only@example.com', 'en', [api.id]);
    await subscribeAndConfirm('everything@example.com', 'en');
    await openIncident(t.ctx, { name: 'Website down', components: { [web.id]: 'major_outage' } });
    await openIncident(t.ctx, { name: 'API down', components: { [api.id]: 'major_outage' } });
    await worker.tick();
    assert.deepEqual(
      smtp.to('api-only@example.com').map((m) => m.subject),
      ['[Test Page] API down'],
    );
    assert.deepEqual(
      smtp
        .to('everything@example.com')
        .map((m) => m.subject)
        .sort(),
      ['[Test Page] API down', '[Test Page] Website down'],
    );
  });

  test('a permanent refusal (550) quarantines the address and it is not mailed again', async () => {
    await subscribe(t.ctx, { address: 'gone@example.com' }, { ip: '192.0.2.1' }, outbound);
    await worker.tick();
    const subscriberId = (await t.ctx.db.selectFrom('subscribers').select('id').executeTakeFirstOrThrow()).id;
    assert.equal((await findSubscriber(t.ctx.db, subscriberId))?.state, 'quarantined');
    const log = await listSubscriberDeliveries(t.ctx.db, subscriberId);
    assert.equal(log[0]?.status, 'failed');
    assert.match(log[0]?.lastError ?? '', /550/);
    assert.ok(
      (await listJobs(t.ctx.db)).every((j) => j.status === 'done'),
      'no retry of a permanent refusal',
    );
  });

  test('an address gets at most one confirmation per 10 minutes and three a day, whoever asks', async () => {
    for (let i = 0; i < 5; i++) await subscribe(t.ctx, { address: 'target@example.com' }, { ip: `198.51.100.${i}` }, outbound);
    for (let hour = 1; hour <= 4; hour++) {
      t.clock.advance(3600_000);
      await subscribe(t.ctx, { address: 'target@example.com' }, { ip: '198.51.100.9' }, outbound);
    }
    await worker.tick();
    assert.equal(smtp.to('target@example.com').length, 3);
  });
});
