import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { FixedClock } from '../shared/clock.ts';
import { systemActor, type Ctx } from '../shared/context.ts';
import { silentLogger } from '../shared/logger.ts';
import { openDatabase, type OpenDatabase } from '../storage/database.ts';
import { Revisions } from '../storage/revisions.ts';
import { write } from '../storage/write.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.ts';
import { claimJobs, enqueue, JobWorker, listJobs, type JobHandlers } from './index.ts';
import { createComponent, findComponent } from '../modules/components/index.ts';
import { findIncident, maintenanceJobHandlers, scheduleMaintenance } from '../modules/incidents/index.ts';

const start = '2025-11-20T12:00:00.000Z';

describe('the job queue and its workers', () => {
  let database: TestDatabase;
  let sqliteFile: string | undefined;
  let clock: FixedClock;
  let ctx: Ctx;
  const extra: OpenDatabase[] = [];

  beforeEach(async () => {
    // A file, not memory, so a second connection (another instance) sees the same SQLite database.
    sqliteFile = join(tmpdir(), `aviso-jobs-${randomBytes(6).toString('hex')}.sqlite`);
    database = await createTestDatabase({ sqliteFile });
    clock = new FixedClock(start);
    ctx = { db: database.db, clock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
  });
  afterEach(async () => {
    for (const db of extra.splice(0)) await db.close();
    await database.close();
    if (sqliteFile !== undefined) for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
  });

  /** Another instance: its own connection to the same database, its own context. */
  function secondInstance(): Ctx {
    const opened = openDatabase(database.target);
    extra.push(opened);
    return { ...ctx, db: opened.db };
  }

  test('a job enqueued twice with one idempotency key exists once; a rolled-back enqueue never does', async () => {
    await write(ctx, (tx) => enqueue(tx, { name: 'x', payload: 1, idempotencyKey: 'k' }, clock.now()));
    await write(ctx, (tx) => enqueue(tx, { name: 'x', payload: 2, idempotencyKey: 'k' }, clock.now()));
    await assert.rejects(
      ctx.db.transaction().execute(async (tx) => {
        await enqueue(tx, { name: 'y', payload: 3 });
        throw new Error('the write failed');
      }),
    );
    assert.deepEqual(
      (await listJobs(ctx.db)).map((j) => [j.name, j.payload]),
      [['x', 1]],
    );
  });

  test('a job runs once, when due and not before', async () => {
    const seen: unknown[] = [];
    const worker = new JobWorker({ ctx, handlers: { hello: async (_ctx, payload) => void seen.push(payload) } });
    await enqueue(ctx.db, { name: 'hello', payload: { n: 1 }, runAt: new Date('2025-11-20T12:05:00Z') });
    assert.equal(await worker.tick(), 0);
    clock.set('2025-11-20T12:04:59.999Z');
    assert.equal(await worker.tick(), 0);
    clock.set('2025-11-20T12:05:00.000Z');
    assert.equal(await worker.tick(), 1);
    assert.equal(await worker.tick(), 0);
    assert.deepEqual(seen, [{ n: 1 }]);
    assert.equal((await listJobs(ctx.db))[0]?.status, 'done');
  });

  test('a failing job is retried with growing delays and given up after its attempts', async () => {
    let calls = 0;
    const worker = new JobWorker({ ctx, handlers: { flaky: async () => void (calls++, assert.fail('the mail server said no')) } });
    await enqueue(ctx.db, { name: 'flaky', payload: null, maxAttempts: 3 });
    assert.equal(await worker.tick(), 1);
    let [job] = await listJobs(ctx.db);
    assert.equal(job?.status, 'pending');
    assert.equal(job?.lastError, 'the mail server said no');
    assert.deepEqual(job?.runAt, new Date(Date.parse(start) + 10_000));
    clock.advance(10_000);
    assert.equal(await worker.tick(), 1);
    [job] = await listJobs(ctx.db);
    assert.deepEqual(job?.runAt, new Date(Date.parse(start) + 30_000), 'the second delay is twice the first');
    clock.advance(20_000);
    await worker.tick();
    [job] = await listJobs(ctx.db);
    assert.equal(job?.status, 'dead');
    clock.advance(3600_000);
    assert.equal(await worker.tick(), 0);
    assert.equal(calls, 3);
  });

  test('a transactional job that fails leaves none of its writes behind', async () => {
    const handlers: JobHandlers = {
      halfway: {
        transactional: true,
        run: async (jobCtx) => {
          await enqueue(jobCtx.db, { name: 'follow-up', payload: null });
          throw new Error('failed halfway');
        },
      },
    };
    await enqueue(ctx.db, { name: 'halfway', payload: null, maxAttempts: 1 });
    await new JobWorker({ ctx, handlers }).tick();
    assert.deepEqual(
      (await listJobs(ctx.db)).map((j) => [j.name, j.status]),
      [['halfway', 'dead']],
    );
  });

  test('a job that completes itself in its own transaction commits its work and its completion together, or neither', async () => {
    let failNext = true;
    const handlers: JobHandlers = {
      record: async (jobCtx, _payload, job) => {
        // Outside any transaction first (as a monitor's check waits on the network), then one commit.
        await write(jobCtx, async (tx) => {
          await enqueue(tx, { name: 'recorded', payload: null, idempotencyKey: 'recorded' });
          await job.completeIn(tx);
          if (failNext) throw new Error('the database went away before the commit');
        });
      },
    };
    const worker = new JobWorker({ ctx, handlers });
    await enqueue(ctx.db, { name: 'record', payload: null });
    await worker.tick();
    assert.deepEqual(
      (await listJobs(ctx.db)).map((j) => [j.name, j.status]),
      [['record', 'pending']],
      'nothing recorded, and the job is to be tried again',
    );
    failNext = false;
    clock.advance(10_000);
    await worker.tick();
    assert.deepEqual((await listJobs(ctx.db)).map((j) => [j.name, j.status]).sort(), [
      ['record', 'done'],
      ['recorded', 'pending'],
    ]);
  });

  test('a slow job that runs side by side does not hold up the due jobs claimed after it', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const finished: string[] = [];
    const handlers: JobHandlers = {
      check: {
        concurrent: true,
        run: async (_ctx, payload: string) => {
          if (payload === 'slow') await released;
          finished.push(payload);
        },
      },
    };
    await enqueue(ctx.db, { name: 'check', payload: 'slow' });
    for (let n = 0; n < 25; n++) await enqueue(ctx.db, { name: 'check', payload: `quick ${n}` });
    const worker = new JobWorker({ ctx, handlers, batchSize: 5 });
    const running = worker.tick();
    try {
      for (let waited = 0; finished.length < 25 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(finished.length, 25, 'every quick job ran while the slow one of the first claim was still running');
      assert.ok(!finished.includes('slow'));
    } finally {
      release();
    }
    assert.equal(await running, 26);
    assert.equal(finished.at(-1), 'slow');
  });

  test('two instances on one database run each due job exactly once', async () => {
    const runs = new Map<number, number>();
    const handlers: JobHandlers = {
      work: async (_ctx, payload: { n: number }) => {
        runs.set(payload.n, (runs.get(payload.n) ?? 0) + 1);
        await new Promise((resolve) => setImmediate(resolve));
      },
    };
    for (let n = 0; n < 60; n++) await enqueue(ctx.db, { name: 'work', payload: { n } });
    const a = new JobWorker({ ctx, handlers, id: 'a', batchSize: 2 });
    const b = new JobWorker({ ctx: secondInstance(), handlers, id: 'b', batchSize: 2 });
    const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
    assert.equal(ranA + ranB, 60);
    assert.equal(runs.size, 60);
    assert.deepEqual(
      [...runs.values()].filter((count) => count !== 1),
      [],
    );
    assert.ok((await listJobs(ctx.db)).every((j) => j.status === 'done'));
  });

  test("jobs survive a restart, and a crashed worker's job is retried after its lease", async () => {
    await enqueue(ctx.db, { name: 'work', payload: 'claimed by a worker that then crashed' });
    await claimJobs(ctx.db, { id: 'crashed', now: clock.now(), leaseMs: 60_000, limit: 1 });
    await enqueue(ctx.db, { name: 'work', payload: 'waiting when the process stopped' });

    const seen: unknown[] = [];
    const restarted = new JobWorker({
      ctx: secondInstance(),
      handlers: { work: async (_ctx, payload) => void seen.push(payload) },
      leaseMs: 60_000,
    });
    assert.equal(await restarted.tick(), 1);
    assert.deepEqual(seen, ['waiting when the process stopped']);
    clock.advance(60_001);
    assert.equal(await restarted.tick(), 1);
    assert.deepEqual(seen, ['waiting when the process stopped', 'claimed by a worker that then crashed']);
  });

  test('a job running longer than its lease keeps it while its worker lives, the rest of its batch too', async () => {
    await enqueue(ctx.db, { name: 'slow', payload: 'first' });
    await enqueue(ctx.db, { name: 'slow', payload: 'second' });
    const ran: string[] = [];
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const handlers: JobHandlers = {
      slow: async (_ctx, payload) => {
        ran.push(String(payload));
        if (payload === 'first' && ran.length === 1) await released;
      },
    };
    const worker = new JobWorker({ ctx, handlers, leaseMs: 300, batchSize: 2 });
    const other = new JobWorker({ ctx: secondInstance(), handlers, leaseMs: 300 });
    const running = worker.tick();
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Well past the lease taken at the claim; the worker renews every 100 ms (real time).
      for (let i = 0; i < 4; i++) {
        clock.advance(200);
        await new Promise((resolve) => setTimeout(resolve, 150));
        assert.equal(await other.tick(), 0, 'another worker takes none of a living worker’s jobs');
      }
    } finally {
      release();
    }
    assert.equal(await running, 2);
    assert.deepEqual(ran, ['first', 'second'], 'each job ran once');
  });

  test('stopping a worker waits for the job it is running, which completes', async () => {
    let release: () => void = () => {};
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const worker = new JobWorker({
      ctx,
      handlers: { slow: async () => new Promise<void>((resolve) => ((release = resolve), started())) },
      pollMs: 10,
    });
    await enqueue(ctx.db, { name: 'slow', payload: null });
    worker.start();
    await running;
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(stopped, false, 'stop() waits while the job runs');
    release();
    await stopping;
    assert.deepEqual(
      (await listJobs(ctx.db)).map((j) => j.status),
      ['done'],
    );
  });

  test('a recurring job is enqueued once per period, however many instances tick', async () => {
    let runs = 0;
    const handlers: JobHandlers = { sweep: async () => void runs++ };
    const recurring = [{ name: 'sweep', everyMs: 3600_000 }];
    const a = new JobWorker({ ctx, handlers, recurring });
    const b = new JobWorker({ ctx: secondInstance(), handlers, recurring });
    await a.tick();
    await b.tick();
    clock.advance(30 * 60_000);
    await a.tick();
    assert.equal(runs, 1);
    clock.advance(30 * 60_000);
    await b.tick();
    await a.tick();
    assert.equal(runs, 2);
  });

  test('two instances ticking together start a due maintenance exactly once', async () => {
    const db = await createComponent(ctx, { name: 'Database' });
    const m = await scheduleMaintenance(ctx, {
      name: 'Failover drill',
      scheduledFor: new Date('2025-11-20T12:01:00Z'),
      scheduledUntil: new Date('2025-11-20T12:30:00Z'),
      componentIds: [db.id],
      remindPrior: 0,
    });
    clock.set('2025-11-20T12:01:00Z');
    const a = new JobWorker({ ctx, handlers: maintenanceJobHandlers, id: 'a' });
    const b = new JobWorker({ ctx: secondInstance(), handlers: maintenanceJobHandlers, id: 'b' });
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    const current = await findIncident(ctx.db, m.id);
    assert.deepEqual(
      current?.updates.map((u) => u.status),
      ['in_progress', 'scheduled'],
    );
    assert.equal((await findComponent(ctx.db, db.id))?.status, 'under_maintenance');
  });

  test('a job whose worker died on its last attempt is given up, not retried forever', async () => {
    await enqueue(ctx.db, { name: 'work', payload: 'crashes its worker', maxAttempts: 1 });
    await claimJobs(ctx.db, { id: 'crashed', now: clock.now(), leaseMs: 60_000, limit: 1 });
    clock.advance(60_001);
    const seen: unknown[] = [];
    assert.equal(await new JobWorker({ ctx, handlers: { work: async (_ctx, payload) => void seen.push(payload) } }).tick(), 0);
    assert.deepEqual(seen, []);
    const [job] = await listJobs(ctx.db);
    assert.equal(job?.status, 'dead');
    assert.equal(job?.lastError, 'the worker running it stopped on its last attempt');
  });
});
