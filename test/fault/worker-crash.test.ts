/**
 * A worker killed in the middle of a fan-out, with the lease a serving instance uses, while another
 * instance's worker keeps running: the other one takes the dead worker's jobs over once their
 * lease runs out, so the last subscriber waits seconds, not the five minutes leases used to last.
 * Run with `npm run test:fault` (it waits out a real lease).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openIncident } from '../../src/modules/incidents/index.ts';
import { countDeliveriesByStatus } from '../../src/modules/notifications/index.ts';
import { ensurePage } from '../../src/modules/page/index.ts';
import { importSubscribersCsv } from '../../src/modules/subscribers/index.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { systemActor, type Ctx } from '../../src/shared/context.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { Revisions } from '../../src/storage/revisions.ts';
import { eventually } from '../support/eventually.ts';
import { exited, startNotificationWorker } from '../support/notification-worker-process.ts';
import { createTestOutbound } from '../support/outbound.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { createTestDatabase } from '../support/test-db.ts';

const subscribers = 400;

test(
  'after a worker is killed mid-fan-out, the other instance delivers the last message within 90 s, once',
  { timeout: 150_000 },
  async (t) => {
    const sqliteFile = join(tmpdir(), `aviso-takeover-${randomBytes(6).toString('hex')}.sqlite`);
    const database = await createTestDatabase({ sqliteFile });
    const smtp = await startSmtpSink({ delayMs: 20 });
    try {
      const ctx: Ctx = { db: database.db, clock: systemClock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
      await ensurePage(ctx, {
        name: 'Crash Page',
        url: 'https://status.example.test',
        timeZone: 'Etc/UTC',
        defaultLocale: 'en',
        locales: ['en'],
      });
      const csv = ['address', ...Array.from({ length: subscribers }, (_, i) => `user${i}@example.com`)].join('\n');
      await importSubscribersCsv(ctx, csv, createTestOutbound());
      await openIncident(ctx, { name: 'Everything is down' });

      const doomed = startNotificationWorker(database.target, smtp.url, 'default-lease');
      const survivor = startNotificationWorker(database.target, smtp.url, 'default-lease');
      const survivorExit = exited(survivor);
      await eventually('a quarter of the messages to arrive', async () => smtp.received.length >= subscribers / 4, 60_000);
      doomed.kill('SIGKILL');
      const killedAt = Date.now();
      await exited(doomed);
      const atKill = smtp.received.length;

      await eventually(
        'every subscriber to get the message',
        async () => new Set(smtp.received.flatMap((m) => m.to)).size >= subscribers,
        120_000,
      );
      const lastAfterMs = Date.now() - killedAt;
      assert.equal(await survivorExit, 0);

      const idsByRecipient = new Map<string, Set<string>>();
      for (const mail of smtp.received)
        for (const to of mail.to) idsByRecipient.set(to, (idsByRecipient.get(to) ?? new Set()).add(mail.messageId));
      assert.equal(idsByRecipient.size, subscribers, 'every subscriber got the message');
      assert.deepEqual(
        [...idsByRecipient].filter(([, ids]) => ids.size !== 1),
        [],
        'nobody got two different messages',
      );
      const copies = smtp.received.length - subscribers;
      // The worker records every 4 outcomes and waits when they lag: at most 4 recorded-to-be plus 4 on the wire.
      assert.ok(copies <= 4 + 4, `at most the messages in flight at the kill were sent again (${copies})`);
      assert.deepEqual(await countDeliveriesByStatus(database.db), { sent: subscribers });
      const summary = `killed after ${atKill} of ${subscribers} messages; the last arrived ${lastAfterMs} ms after the kill; ${copies} resent`;
      console.log(summary);
      t.diagnostic(summary);
      assert.ok(lastAfterMs <= 90_000, summary);
    } finally {
      await smtp.close();
      await database.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
    }
  },
);
