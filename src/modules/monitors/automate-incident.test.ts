import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { JobWorker, listJobs } from '../../jobs/index.ts';
import type { Outbound } from '../../outbound/index.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { startSmtpSink, subscribeConfirmed } from '../../../test/support/smtp-sink.ts';
import { createComponent } from '../components/index.ts';
import { findIncident } from '../incidents/index.ts';
import { createChannels, createNotificationHandlers, type Channels } from '../notifications/index.ts';
import { createTemplate, type CreateTemplateInput } from '../templates/index.ts';
import { checkJobName, createMonitor, createMonitorHandlers, getMonitor } from './index.ts';

const publicUrl = 'https://status.example.test';

describe('a monitor opens its automatic incident from the template it names, and tells subscribers as the template says', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestContext;
  let outbound: Outbound;
  let channels: Channels;
  let worker: JobWorker;
  let target: Server;
  let targetUrl: string;
  let answer = 200;

  before(async () => {
    smtp = await startSmtpSink();
    target = createServer((_req, res) => res.writeHead(answer).end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;
  });
  after(async () => {
    await smtp.close();
    await new Promise((resolve) => target.close(resolve));
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    answer = 200;
    t = await createTestContext();
    outbound = createTestOutbound();
    channels = createChannels({ email: { smtpUrl: smtp.url, from: 'Test Page <status@example.test>' }, outbound });
    worker = new JobWorker({
      ctx: t.ctx,
      handlers: { ...createMonitorHandlers({ outbound }), ...createNotificationHandlers({ publicUrl, channels }) },
    });
    // A confirmed subscriber to the whole page.
    await subscribeConfirmed(t.ctx, { address: 'ops@example.com', locale: 'en' }, outbound, smtp, runDue);
    smtp.received.length = 0;
  });
  afterEach(async () => {
    await channels.email?.close?.();
    await outbound.close();
    await t.close();
  });

  /** Runs every job that is due now: checks, then the fan-out and deliveries they cause. */
  async function runDue(): Promise<void> {
    for (let i = 0; i < 20 && (await worker.tick()) > 0; i++);
  }
  /** Moves the clock to the monitor's next check and runs it and what follows it. */
  async function nextCheck(): Promise<void> {
    const [due] = (await listJobs(t.ctx.db, { name: checkJobName, status: 'pending' })).sort(
      (a, b) => a.runAt.getTime() - b.runAt.getTime(),
    );
    assert.ok(due !== undefined, 'a check is scheduled');
    if (due.runAt > t.clock.now()) t.clock.set(due.runAt);
    await runDue();
  }

  async function monitorWithTemplate(template: Partial<CreateTemplateInput>) {
    const payments = await createComponent(t.ctx, { name: 'Payments' });
    const chosen = await createTemplate(t.ctx, {
      name: 'Card processor down',
      title: 'Card payments are failing',
      body: 'Our card processor is not answering. **Orders are kept** and will be charged later.',
      updateStatus: 'identified',
      ...template,
    });
    const { monitor } = await createMonitor(
      t.ctx,
      {
        name: 'Processor health',
        kind: 'http',
        componentId: payments.id,
        intervalSeconds: 30,
        timeoutMs: 2000,
        failureThreshold: 1,
        recoveryThreshold: 1,
        allowPrivate: true,
        autoIncident: true,
        incidentTemplateId: chosen.id,
        settings: { url: targetUrl },
      },
      { mayAllowPrivate: true },
    );
    await nextCheck();
    return monitor;
  }

  test('a template that notifies: the incident has its title, text and status, and subscribers hear of it and of the resolution', async () => {
    const monitor = await monitorWithTemplate({ shouldSendNotifications: true });
    answer = 500;
    await nextCheck();
    const incidentId = (await getMonitor(t.ctx, monitor.id)).status.incidentId;
    const incident = await findIncident(t.ctx.db, incidentId!);
    assert.equal(incident?.name, 'Card payments are failing');
    assert.equal(incident?.status, 'identified');
    assert.deepEqual(
      incident?.updates.map((u) => [u.status, u.body, u.deliverNotifications]),
      [['identified', 'Our card processor is not answering. **Orders are kept** and will be charged later.', true]],
    );
    const [opened] = smtp.to('ops@example.com');
    assert.equal(opened?.subject, '[Test Page] Card payments are failing');
    assert.match(opened!.text, /Identified - Our card processor is not answering\. Orders are kept and will be charged later\./);
    assert.match(opened!.html, /<strong>Orders are kept<\/strong>/);

    answer = 200;
    await nextCheck();
    assert.equal((await findIncident(t.ctx.db, incidentId!))?.status, 'resolved');
    assert.deepEqual(
      smtp.to('ops@example.com').map((m) => m.subject),
      ['[Test Page] Card payments are failing', '[Test Page] Card payments are failing'],
    );
    assert.match(smtp.to('ops@example.com')[1]!.text, /Resolved - The monitor “Processor health” reports that Payments works again\./);
  });

  test('a template that does not notify: the incident opens and resolves from the template, and no subscriber is told', async () => {
    const monitor = await monitorWithTemplate({ shouldSendNotifications: false, updateStatus: 'investigating' });
    answer = 500;
    await nextCheck();
    const incidentId = (await getMonitor(t.ctx, monitor.id)).status.incidentId;
    const opened = await findIncident(t.ctx.db, incidentId!);
    assert.deepEqual(
      [opened?.name, opened?.status, opened?.updates[0]?.deliverNotifications],
      ['Card payments are failing', 'investigating', false],
    );
    answer = 200;
    await nextCheck();
    const resolved = await findIncident(t.ctx.db, incidentId!);
    assert.equal(resolved?.status, 'resolved');
    assert.deepEqual(
      resolved?.updates.map((u) => u.deliverNotifications),
      [false, false],
    );
    assert.equal(smtp.received.length, 0, 'the template keeps subscribers out of it');
    const fanOuts = await listJobs(t.ctx.db, { name: 'notifications.fan-out' });
    assert.deepEqual(
      fanOuts.map((j) => (j.payload as { event: { kind: string } }).event.kind),
      ['component.updated', 'component.updated'],
      'only the component changes (for webhooks) were fanned out; the incident was not',
    );
  });
});
