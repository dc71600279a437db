import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { JobWorker } from '../../jobs/index.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { startSmtpSink, subscribeConfirmed } from '../../../test/support/smtp-sink.ts';
import { createComponent, findComponent } from '../components/index.ts';
import { queryIncidents } from '../incidents/index.ts';
import { createChannels, createNotificationHandlers, type Channels } from '../notifications/index.ts';
import { createTemplate } from '../templates/index.ts';
import { createReceiver, receiveAlerts } from './index.ts';

const publicUrl = 'https://status.example.test';
const outbound = createTestOutbound();

describe('an alert rule opens its automatic incident from the template it names, and tells subscribers as the template says', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestContext;
  let channels: Channels;
  let worker: JobWorker;

  before(async () => {
    smtp = await startSmtpSink();
  });
  after(async () => {
    await smtp.close();
    await outbound.close();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    t = await createTestContext();
    channels = createChannels({ email: { smtpUrl: smtp.url, from: 'Test Page <status@example.test>' }, outbound });
    worker = new JobWorker({ ctx: t.ctx, handlers: createNotificationHandlers({ publicUrl, channels }) });
    await subscribeConfirmed(t.ctx, { address: 'ops@example.com', locale: 'en' }, outbound, smtp, runDue);
    smtp.received.length = 0;
  });
  afterEach(async () => {
    await channels.email?.close?.();
    await t.close();
  });

  async function runDue(): Promise<void> {
    for (let i = 0; i < 20 && (await worker.tick()) > 0; i++);
  }

  /** A receiver whose rule maps `service="db"` to "Database" with automatic incidents from a template; its token. */
  async function receiverWithTemplate(shouldSendNotifications: boolean) {
    const database = await createComponent(t.ctx, { name: 'Database' });
    const template = await createTemplate(t.ctx, {
      name: 'Database trouble',
      title: 'Slow or failing saves',
      body: 'The primary database is struggling; saves may fail. We are failing over.',
      updateStatus: 'identified',
      shouldSendNotifications,
    });
    const { token } = await createReceiver(t.ctx, {
      name: 'Prometheus',
      rules: [
        {
          matchers: ['service="db"'],
          componentId: database.id,
          severities: { critical: 'major_outage' },
          autoIncident: true,
          incidentTemplateId: template.id,
        },
      ],
    });
    return { database, token: token! };
  }
  const alert = (status: 'firing' | 'resolved') => ({
    version: '4',
    alerts: [{ status, labels: { alertname: 'PostgresDown', service: 'db', severity: 'critical' }, fingerprint: 'f00d' }],
  });

  test('a template that notifies: the incident has its title, text and status, and subscribers hear of it and of the resolution', async () => {
    const { database, token } = await receiverWithTemplate(true);
    await receiveAlerts(t.ctx, token, alert('firing'));
    await runDue();
    assert.equal((await findComponent(t.ctx.db, database.id))?.status, 'major_outage');
    const [incident] = await queryIncidents(t.ctx);
    assert.deepEqual(
      [incident?.name, incident?.status, incident?.updates.map((u) => [u.body, u.deliverNotifications])],
      ['Slow or failing saves', 'identified', [['The primary database is struggling; saves may fail. We are failing over.', true]]],
    );
    assert.deepEqual(
      smtp.to('ops@example.com').map((m) => m.subject),
      ['[Test Page] Slow or failing saves'],
    );
    assert.match(smtp.to('ops@example.com')[0]!.text, /Identified - The primary database is struggling; saves may fail\./);

    await receiveAlerts(t.ctx, token, alert('resolved'));
    await runDue();
    assert.equal((await findComponent(t.ctx.db, database.id))?.status, 'operational');
    assert.equal((await queryIncidents(t.ctx))[0]?.status, 'resolved');
    const mails = smtp.to('ops@example.com');
    assert.equal(mails.length, 2);
    assert.match(mails[1]!.text, /Resolved - Every alert from “Prometheus” on Database has resolved\./);
  });

  test('a template that does not notify: the incident opens and resolves from the template, and no subscriber is told', async () => {
    const { token } = await receiverWithTemplate(false);
    await receiveAlerts(t.ctx, token, alert('firing'));
    await runDue();
    const [opened] = await queryIncidents(t.ctx);
    assert.deepEqual(
      [opened?.name, opened?.status, opened?.updates[0]?.deliverNotifications],
      ['Slow or failing saves', 'identified', false],
    );
    await receiveAlerts(t.ctx, token, alert('resolved'));
    await runDue();
    const [resolved] = await queryIncidents(t.ctx);
    assert.deepEqual([resolved?.status, resolved?.updates.map((u) => u.deliverNotifications)], ['resolved', [false, false]]);
    assert.equal(smtp.received.length, 0, 'the template keeps subscribers out of it');
  });
});
