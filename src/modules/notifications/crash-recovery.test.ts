import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FixedClock } from '../../shared/clock.ts';
import { systemActor, type Ctx } from '../../shared/context.ts';
import { silentLogger } from '../../shared/logger.ts';
import { Revisions } from '../../storage/revisions.ts';
import { ensurePage } from '../page/index.ts';
import { openIncident } from '../incidents/index.ts';
import { importSubscribersCsv } from '../subscribers/index.ts';
import { createTestDatabase } from '../../../test/support/test-db.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { exited, startNotificationWorker } from '../../../test/support/notification-worker-process.ts';
import { startSmtpSink } from '../../../test/support/smtp-sink.ts';
import { countDeliveriesByStatus } from './index.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';

const subscribers = 400;

test(
  'a worker killed with SIGKILL in the middle of a fan-out, started again, leaves every subscriber exactly one message',
  { timeout: 120_000 },
  async (t) => {
    const sqliteFile = join(tmpdir(), `aviso-crash-${randomBytes(6).toString('hex')}.sqlite`);
    const database = await createTestDatabase({ sqliteFile });
    const smtp = await startSmtpSink({ delayMs: 5 });
    try {
      const ctx: Ctx = {
        db: database.db,
        clock: new FixedClock('2025-11-20T12:00:00Z'),
        log: silentLogger,
        actor: systemActor,
        revisions: new Revisions(),
      };
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

      const first = startNotificationWorker(database.target, smtp.url);
      let firstEnded = false;
      const firstExit = exited(first).finally(() => (firstEnded = true));
      await eventually('a quarter of the messages to arrive', async () => smtp.received.length >= subscribers / 4 || firstEnded, 60_000);
      first.kill('SIGKILL');
      assert.equal(await firstExit, null, 'the first worker was killed before it finished');
      const beforeRestart = smtp.received.length;
      assert.ok(beforeRestart < subscribers, `killed mid-way (${beforeRestart} of ${subscribers} sent)`);

      const second = startNotificationWorker(database.target, smtp.url);
      assert.equal(await exited(second), 0);

      const idsByRecipient = new Map<string, Set<string>>();
      for (const mail of smtp.received)
        for (const to of mail.to) idsByRecipient.set(to, (idsByRecipient.get(to) ?? new Set()).add(mail.messageId));
      assert.equal(idsByRecipient.size, subscribers, 'every subscriber got the message');
      const withTwoMessages = [...idsByRecipient].filter(([, ids]) => ids.size !== 1);
      assert.deepEqual(withTwoMessages, [], 'nobody got two different messages');
      const copies = smtp.received.length - subscribers;
      // A copy can only come from the messages accepted and not yet recorded at the kill: the worker records
      // every 4 outcomes and waits when they lag, so at most 4 recorded-to-be plus 4 on the wire.
      assert.ok(copies <= 4 + 4, `at most the messages in flight at the kill were sent again (${copies})`);
      t.diagnostic(`killed after ${beforeRestart} messages; ${copies} resent with the same Message-ID`);
      assert.deepEqual(await countDeliveriesByStatus(database.db), { sent: subscribers });
    } finally {
      await smtp.close();
      await database.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
    }
  },
);
