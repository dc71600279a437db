import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { JobWorker, listJobs } from '../../jobs/index.ts';
import { createComponent, updateComponent } from '../components/index.ts';
import { openIncident } from '../incidents/index.ts';
import { addSubscriber, findSubscriber, quarantineAfterFailures } from '../subscribers/index.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { startHttpReceiver } from '../../../test/support/http-receiver.ts';
import { startSmtpSink } from '../../../test/support/smtp-sink.ts';
import { createChannels, createNotificationHandlers, listSubscriberDeliveries, type Channels } from './index.ts';
import type { Outbound } from '../../outbound/index.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';

const publicUrl = 'https://status.example.test';

describe('webhook and chat notifications to real HTTP receivers', () => {
  let t: TestContext;
  let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let channels: Channels;
  let worker: JobWorker;
  let outbound: Outbound;
  const failing = new Set<string>();

  beforeEach(async () => {
    failing.clear();
    t = await createTestContext();
    receiver = await startHttpReceiver((path) => (failing.has(path) ? (path.includes('redirect') ? 302 : 500) : 204));
    smtp = await startSmtpSink();
    outbound = createTestOutbound();
    channels = createChannels({ email: { smtpUrl: smtp.url, from: 'status@example.test' }, outbound, webhookTimeoutMs: 2000 });
    worker = new JobWorker({ ctx: t.ctx, handlers: createNotificationHandlers({ publicUrl, channels }) });
  });
  afterEach(async () => {
    await channels.email?.close?.();
    await outbound.close();
    await receiver.close();
    await smtp.close();
    await t.close();
  });

  test('a webhook receives a correctly signed Statuspage-format incident payload', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const hook = await addSubscriber(t.ctx, { channel: 'webhook', address: `${receiver.base}/hook` }, outbound);
    const incident = await openIncident(t.ctx, { name: 'Errors', body: 'Looking.', components: { [api.id]: 'major_outage' } });
    await worker.tick();
    const requests = receiver.to('/hook').filter((r) => r.headers['x-aviso-event'] === 'incident.updated');
    assert.equal(requests.length, 1);
    const [request] = requests;
    const timestamp = String(request!.headers['x-aviso-timestamp']);
    const expected = `sha256=${createHmac('sha256', hook.signingSecret!).update(`${timestamp}.${request!.body}`).digest('hex')}`;
    assert.equal(request!.headers['x-aviso-signature'], expected);
    const body = JSON.parse(request!.body);
    assert.deepEqual(Object.keys(body).sort(), ['incident', 'meta', 'page']);
    assert.equal(body.page.status_indicator, 'critical', 'every component is down');
    assert.equal(body.incident.id, incident.id);
    assert.equal(body.incident.name, 'Errors');
    assert.equal(body.incident.status, 'investigating');
    assert.equal(body.incident.impact, 'critical');
    assert.equal(body.incident.incident_updates[0].body, 'Looking.');
    assert.match(body.meta.unsubscribe, /\/subscriptions\/unsubscribe\//);
  });

  test('webhooks hear of component status changes, those mirrored from a third party included; email does not', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    await addSubscriber(t.ctx, { channel: 'webhook', address: `${receiver.base}/hook` }, outbound);
    await addSubscriber(t.ctx, { address: 'ops@example.com', skipConfirmation: true }, outbound);
    await updateComponent(t.ctx, api.id, { status: 'degraded_performance' });
    await updateComponent(t.ctx, api.id, { status: 'major_outage' }, { cause: 'third_party', causeId: null });
    await worker.tick();
    const bodies = receiver.to('/hook').map((r) => JSON.parse(r.body));
    assert.deepEqual(
      bodies
        .map((b) => ({ old: b.component_update.old_status, new: b.component_update.new_status, component: b.component.name }))
        .sort((a, b) => a.old.localeCompare(b.old)),
      [
        { old: 'degraded_performance', new: 'major_outage', component: 'API' },
        { old: 'operational', new: 'degraded_performance', component: 'API' },
      ],
    );
    assert.equal(smtp.received.length, 0);
  });

  test('a failing receiver is retried with backoff, then quarantined after ten failures in a row, and its owner is told', async () => {
    failing.add('/broken');
    const hook = await addSubscriber(
      t.ctx,
      { channel: 'webhook', address: `${receiver.base}/broken`, notifyEmail: 'owner@example.com' },
      outbound,
    );
    await openIncident(t.ctx, { name: 'Errors' });
    await worker.tick();
    assert.equal(receiver.to('/broken').length, 1);
    assert.equal(await worker.tick(), 0, 'not retried before its backoff');
    for (let attempt = 2; attempt <= quarantineAfterFailures; attempt++) {
      t.clock.advance(45 * 60_000);
      await worker.tick();
    }
    assert.equal(receiver.to('/broken').length, quarantineAfterFailures);
    const quarantined = await findSubscriber(t.ctx.db, hook.id);
    assert.equal(quarantined?.state, 'quarantined');
    assert.deepEqual(quarantined?.purgeAt, new Date(t.clock.now().getTime() + 90 * 24 * 3600_000));
    assert.deepEqual(
      smtp.to('owner@example.com').map((m) => m.subject),
      ['[Test Page] Notifications to your webhook have stopped'],
    );
    await openIncident(t.ctx, { name: 'More errors' });
    t.clock.advance(3600_000);
    await worker.tick();
    assert.equal(receiver.to('/broken').length, quarantineAfterFailures, 'a quarantined webhook gets nothing');
    const log = await listSubscriberDeliveries(t.ctx.db, hook.id);
    assert.deepEqual(log.map((d) => [d.channel, d.status, d.lastError]).sort(), [
      ['email', 'sent', null],
      ['webhook', 'skipped', 'the subscriber is quarantined'],
    ]);
    assert.equal(quarantined?.lastError, 'the endpoint answered 500');
    assert.ok((await listJobs(t.ctx.db)).every((j) => j.status === 'done'));
  });

  test('a redirect is a failure, and a success clears the count of failures', async () => {
    failing.add('/redirect');
    const hook = await addSubscriber(t.ctx, { channel: 'webhook', address: `${receiver.base}/redirect` }, outbound);
    await openIncident(t.ctx, { name: 'Errors' });
    await worker.tick();
    assert.equal((await findSubscriber(t.ctx.db, hook.id))?.failureCount, 1);
    failing.delete('/redirect');
    t.clock.advance(60_000);
    await worker.tick();
    assert.equal((await findSubscriber(t.ctx.db, hook.id))?.failureCount, 0);
    assert.equal((await listSubscriberDeliveries(t.ctx.db, hook.id))[0]?.status, 'sent');
  });

  test('Slack, Discord and Teams get their own message formats, in the subscriber language', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    await addSubscriber(t.ctx, { channel: 'slack', address: `${receiver.base}/slack`, locale: 'es' }, outbound);
    await addSubscriber(t.ctx, { channel: 'discord', address: `${receiver.base}/discord` }, outbound);
    await addSubscriber(t.ctx, { channel: 'teams', address: `${receiver.base}/teams`, locale: 'fr' }, outbound);
    await openIncident(t.ctx, { name: 'Slow API', body: 'Looking into it.', components: { [api.id]: 'partial_outage' } });
    await worker.tick();
    const slack = JSON.parse(receiver.to('/slack')[0]!.body);
    assert.equal(slack.text, 'Test Page: Slow API (Investigando)');
    assert.equal(slack.blocks[0].type, 'header');
    assert.equal(slack.blocks[1].text.text, 'Looking into it.\nPublicado el ' + slack.blocks[1].text.text.split('Publicado el ')[1]);
    assert.equal(slack.blocks[2].elements[0].text, 'Componentes afectados: API (Interrupción parcial)');
    assert.match(slack.blocks[3].elements[0].url, /\/incidents\/[0-9a-z]{12}$/);
    const discord = JSON.parse(receiver.to('/discord')[0]!.body);
    assert.equal(discord.embeds[0].title, 'Slow API (Investigating)');
    assert.equal(discord.embeds[0].color, 0xe67e22, 'coloured by the impact (major)');
    assert.deepEqual(discord.allowed_mentions, { parse: [] });
    const teams = JSON.parse(receiver.to('/teams')[0]!.body);
    assert.equal(teams.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(teams.attachments[0].content.body[1].text, 'Slow API (Enquête en cours)');
    assert.equal(teams.attachments[0].content.actions[0].title, 'Voir l’incident');
  });
});
