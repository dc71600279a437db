/**
 * One incident update fanned out to 100,000 email subscribers through a local SMTP server and
 * 10,000 webhook subscribers to a local HTTP receiver, through Aviso's outbox, fan-out and delivery
 * jobs on SQLite. Prints messages per second, the time until every email was handed to SMTP, and
 * peak resident memory (sampled). The baseline, measured in the same run on the same SMTP server,
 * is nodemailer sending the same kind of message straight through the same pool, without Aviso's
 * queue, so the figure also reads as a ratio. The receivers run in a child process so they do not
 * take Aviso's CPU. Run: npm run bench:fan-out [-- --emails 100000 --webhooks 10000 --baseline 20000]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { JobWorker } from '../src/jobs/index.ts';
import { openIncident } from '../src/modules/incidents/index.ts';
import { createChannels, createNotificationHandlers, countDeliveriesByStatus } from '../src/modules/notifications/index.ts';
import { ensurePage } from '../src/modules/page/index.ts';
import { createOutbound } from '../src/outbound/index.ts';
import { insertSubscribers, type Subscriber, type SubscriberId } from '../src/modules/subscribers/index.ts';
import { addressKey } from '../src/modules/subscribers/index.ts';
import { systemClock } from '../src/shared/clock.ts';
import { systemActor, type Ctx } from '../src/shared/context.ts';
import { newId } from '../src/shared/ids.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { openDatabase } from '../src/storage/database.ts';
import { migrate } from '../src/storage/migrate.ts';
import { Revisions } from '../src/storage/revisions.ts';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};

/** The child: an SMTP server that counts and discards, and an HTTP receiver that counts. */
async function runReceivers(): Promise<void> {
  let mails = 0;
  let posts = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        mails += session.envelope.rcptTo.length;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const http = createServer((request, response) => {
    request.on('data', () => {});
    request.on('end', () => {
      posts++;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  process.on('message', (m) => {
    if (m === 'counts') process.send!({ mails, posts });
    if (m === 'reset') {
      mails = 0;
      posts = 0;
    }
  });
  process.send!({ smtpPort: (smtp.server.address() as AddressInfo).port, httpPort: (http.address() as AddressInfo).port });
}

function ask(child: ChildProcess, message: string): Promise<{ mails: number; posts: number }> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as { mails: number; posts: number }));
    child.send(message);
  });
}

function subscriber(channel: 'email' | 'webhook', address: string, now: Date): { subscriber: Subscriber; key: string } {
  const s: Subscriber = {
    id: newId<SubscriberId>(),
    channel,
    address,
    scope: 'page',
    incidentId: null,
    componentIds: [],
    state: 'active',
    locale: 'en',
    tokenKey: randomBytes(18).toString('base64url'),
    signingSecret: channel === 'webhook' ? 'secret' : null,
    notifyEmail: null,
    failureCount: 0,
    lastFailureAt: null,
    lastError: null,
    confirmedAt: now,
    quarantinedAt: null,
    purgeAt: null,
    unsubscribedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  return { subscriber: s, key: addressKey(channel, address, null) };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const emails = arg('emails', 100_000);
  const webhooks = arg('webhooks', 10_000);
  const baselineCount = arg('baseline', 20_000);
  const deadline = Date.now() + arg('minutes', 12) * 60_000;
  const receivers = fork(new URL(import.meta.url).pathname, ['--receivers'], { execArgv: ['--import', 'tsx'] });
  const ports = await new Promise<{ smtpPort: number; httpPort: number }>((resolve) =>
    receivers.once('message', (m) => resolve(m as never)),
  );
  const smtpUrl = `smtp://127.0.0.1:${ports.smtpPort}`;
  const file = join(tmpdir(), `aviso-bench-fan-out-${randomBytes(4).toString('hex')}.sqlite`);
  const database = openDatabase({ kind: 'sqlite', file });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    await migrate(database.db);
    const ctx: Ctx = { db: database.db, clock: systemClock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
    await ensurePage(ctx, {
      name: 'Bench Page',
      url: 'https://status.bench.test',
      timeZone: 'Etc/UTC',
      defaultLocale: 'en',
      locales: ['en'],
    });
    console.log(`Seeding ${emails} email and ${webhooks} webhook subscribers (SQLite, ${file})…`);
    const now = new Date();
    const seedStart = performance.now();
    for (let i = 0; i < emails; i += 10_000) {
      const chunk = Array.from({ length: Math.min(10_000, emails - i) }, (_, j) => subscriber('email', `user${i + j}@bench.test`, now));
      await database.db.transaction().execute((tx) => insertSubscribers(tx, chunk));
    }
    const hooks = Array.from({ length: webhooks }, (_, j) => subscriber('webhook', `http://127.0.0.1:${ports.httpPort}/hook/${j}`, now));
    await database.db.transaction().execute((tx) => insertSubscribers(tx, hooks));
    console.log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    // Baseline: the same pool settings, messages of about the same size, no queue and no database.
    const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5, maxMessages: Infinity } as never);
    const body = 'Investigating - We are looking into elevated error rates.\n'.repeat(12);
    const baseStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < baselineCount) {
          const n = next++;
          await transport.sendMail({
            from: 'status@bench.test',
            to: `base${n}@bench.test`,
            subject: '[Bench Page] Errors',
            text: body,
            html: `<p>${body}</p>`,
          });
        }
      }),
    );
    const baselineSeconds = (performance.now() - baseStart) / 1000;
    transport.close();
    const baselineRate = baselineCount / baselineSeconds;
    console.log(
      `Baseline: nodemailer straight to SMTP, ${baselineCount} messages in ${baselineSeconds.toFixed(1)} s = ${baselineRate.toFixed(0)} msg/s`,
    );
    receivers.send('reset');

    // The receivers listen on 127.0.0.1, which an operator would allow as here.
    const outbound = createOutbound({ policy: { allowPrivate: ['127.0.0.0/8'] }, dnsServers: [] });
    const channels = createChannels({ email: { smtpUrl, from: 'status@bench.test' }, outbound });
    const worker = new JobWorker({
      ctx,
      handlers: createNotificationHandlers({ publicUrl: 'https://status.bench.test', channels }),
      pollMs: 20,
    });
    peakRss = process.memoryUsage().rss;
    const rssAtStart = peakRss;
    const start = performance.now();
    await openIncident(ctx, { name: 'Elevated errors', body: 'We are looking into elevated error rates.' });
    worker.start();
    let emailsDoneAt: number | undefined;
    let counts = { mails: 0, posts: 0 };
    const marks: string[] = [];
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      counts = await ask(receivers, 'counts');
      const quarter = Math.floor((4 * counts.mails) / emails);
      if (quarter > marks.length && marks.length < 4) marks.push(`${quarter * 25}%: ${mib(process.memoryUsage().rss)}`);
      if (emailsDoneAt === undefined && counts.mails >= emails) emailsDoneAt = performance.now();
      if (counts.mails >= emails && counts.posts >= webhooks) break;
    }
    const totalSeconds = (performance.now() - start) / 1000;
    await worker.stop();
    await channels.email?.close?.();
    const emailSeconds = emailsDoneAt === undefined ? Number.NaN : (emailsDoneAt - start) / 1000;
    const rate = emails / emailSeconds;
    console.log(
      `Aviso: ${counts.mails} emails handed to SMTP in ${emailSeconds.toFixed(1)} s = ${rate.toFixed(0)} msg/s (target: all ${emails} within 300 s)`,
    );
    console.log(
      `       ${counts.posts} webhooks delivered; everything done in ${totalSeconds.toFixed(1)} s = ${((counts.mails + counts.posts) / totalSeconds).toFixed(0)} messages/s overall`,
    );
    console.log(`Ratio Aviso / baseline (email msg/s): ${(rate / baselineRate).toFixed(2)}`);
    console.log(`Memory: ${mib(rssAtStart)} before the fan-out, peak ${mib(peakRss)}; at ${marks.join(', ')}`);
    console.log(`Deliveries recorded: ${JSON.stringify(await countDeliveriesByStatus(database.db))}`);
  } finally {
    clearInterval(sampler);
    receivers.kill();
    await database.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

if (process.argv.includes('--receivers')) await runReceivers();
else await main();
