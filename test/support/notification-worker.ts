/**
 * A worker process for the crash tests: runs notification jobs on the database given as the first
 * argument (JSON) until none is left, sending mail to the SMTP URL given second. A third argument
 * `default-lease` runs it with the lease a serving instance uses, instead of a short one.
 */
import { JobWorker, listJobs } from '../../src/jobs/index.ts';
import { createChannels, createNotificationHandlers } from '../../src/modules/notifications/index.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { systemActor, type Ctx } from '../../src/shared/context.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { openDatabase, type DatabaseTarget } from '../../src/storage/database.ts';
import { Revisions } from '../../src/storage/revisions.ts';
import { createTestOutbound } from './outbound.ts';

const [targetJson = '', smtpUrl = '', lease = ''] = process.argv.slice(2);
const target = JSON.parse(targetJson) as DatabaseTarget;
const database = openDatabase(target);
const ctx: Ctx = { db: database.db, clock: systemClock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
const channels = createChannels({ email: { smtpUrl, from: 'status@example.test' }, outbound: createTestOutbound() });
const handlers = createNotificationHandlers({
  publicUrl: 'https://status.example.test',
  channels,
  batchSize: 50,
  concurrency: 4,
  recordBatch: 4,
});
const worker = new JobWorker({ ctx, handlers, batchSize: 2, ...(lease !== 'default-lease' && { leaseMs: 1500 }) });
for (;;) {
  await worker.tick();
  const open = (await listJobs(ctx.db)).filter((j) => j.status === 'pending' || j.status === 'running');
  if (open.length === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await channels.email?.close?.();
await database.close();
