import { randomBytes } from 'node:crypto';
import type { Ctx } from '../shared/context.ts';
import { toTimestamp } from '../storage/dialect.ts';
import { write } from '../storage/write.ts';
import { retryDelayMs, type Job, type JobHandlerSpec, type JobHandlers, type RecurringJob, type RunningJob } from './job.ts';
import { buryAbandonedJobs, claimJobs, completeJob, failJob, insertJob, renewLeases } from './job-store.ts';

export interface WorkerOptions {
  ctx: Ctx;
  handlers: JobHandlers;
  recurring?: RecurringJob[];
  /** Tells this worker's claims apart from other instances'. */
  id?: string;
  /**
   * How long a claimed job stays this worker's without news from it; the lease is renewed every
   * third of it while the handler runs, so only a worker that died (or lost its database) loses
   * its jobs, and another instance takes them over within about this time.
   */
  leaseMs?: number;
  pollMs?: number;
  /** Jobs taken in one claim, and the most one-after-another jobs waiting at once (default 10). */
  batchSize?: number;
  /** The most jobs this worker holds at once, side-by-side ones included (default 64). */
  concurrency?: number;
}

class LeaseLost extends Error {}

/**
 * Runs due jobs from the jobs table. Each claim takes up to `batchSize` due jobs; jobs whose
 * handler is `concurrent` start at once and run side by side, up to `concurrency` held at a time,
 * and the worker claims more as they finish instead of waiting for a whole batch (one slow check
 * never holds up the others); the rest run one after another in claim order, at most `batchSize`
 * waiting, so another instance can share a long queue.
 */
export class JobWorker {
  readonly id: string;
  readonly #ctx: Ctx;
  readonly #handlers: Map<string, JobHandlerSpec>;
  readonly #concurrentNames: string[];
  readonly #recurring: RecurringJob[];
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #batchSize: number;
  readonly #concurrency: number;
  /** Claimed and not finished: each job's run, settled when it is done or given back. */
  readonly #held = new Map<number, Promise<void>>();
  #sequential: Promise<void> = Promise.resolve();
  #sequentialWaiting = 0;
  #renewal: NodeJS.Timeout | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();
  #stopped = true;
  /** Set by stop(): nothing more is claimed, by a round or a tick. */
  #stopping = false;
  #failing = false;

  constructor(options: WorkerOptions) {
    this.id = options.id ?? `worker-${randomBytes(4).toString('hex')}`;
    this.#ctx = options.ctx;
    this.#handlers = new Map(Object.entries(options.handlers).map(([name, h]) => [name, typeof h === 'function' ? { run: h } : h]));
    this.#concurrentNames = [...this.#handlers].filter(([, h]) => h.concurrent === true).map(([name]) => name);
    this.#recurring = options.recurring ?? [];
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#pollMs = options.pollMs ?? 1000;
    this.#batchSize = options.batchSize ?? 10;
    this.#concurrency = Math.max(options.concurrency ?? 64, this.#batchSize);
  }

  /** One round: enqueues due recurring jobs, then runs due jobs until none is left and every one started has finished. Returns how many ran. */
  async tick(): Promise<number> {
    await this.#enqueueRecurring();
    let ran = 0;
    for (;;) {
      const claimed = await this.#claimDue();
      ran += claimed;
      if (claimed > 0) continue;
      if (this.#held.size === 0) return ran;
      // What is running may enqueue more that is due at once: look again when any of it finishes.
      await Promise.race(this.#held.values());
    }
  }

  async #enqueueRecurring(): Promise<void> {
    const now = this.#ctx.clock.now();
    for (const recurring of this.#recurring) {
      const slot = new Date(Math.floor(now.getTime() / recurring.everyMs) * recurring.everyMs);
      const key = `${recurring.name}@${toTimestamp(slot)}`;
      await insertJob(
        this.#ctx.db,
        { name: recurring.name, payload: { at: toTimestamp(slot) }, runAt: slot, idempotencyKey: key, maxAttempts: 1 },
        now,
      );
    }
    await buryAbandonedJobs(this.#ctx.db, now);
  }

  /** Claims due jobs while there is room and starts them without waiting for them; returns how many it claimed. */
  async #claimDue(): Promise<number> {
    let claimed = 0;
    for (;;) {
      const room = Math.min(this.#batchSize, this.#concurrency - this.#held.size);
      if (room <= 0 || this.#stopping) return claimed;
      // With a full queue of one-after-another jobs, only jobs that run side by side are taken.
      const names = this.#sequentialWaiting >= this.#batchSize ? this.#concurrentNames : undefined;
      const jobs = await claimJobs(this.#ctx.db, {
        id: this.id,
        now: this.#ctx.clock.now(),
        leaseMs: this.#leaseMs,
        limit: room,
        ...(names !== undefined && { names }),
      });
      for (const job of jobs) this.#start(job);
      claimed += jobs.length;
      if (jobs.length < room) return claimed;
    }
  }

  #start(job: Job): void {
    let run: Promise<void>;
    if (this.#handlers.get(job.name)?.concurrent === true) run = this.#run(job);
    else {
      this.#sequentialWaiting++;
      run = this.#sequential = this.#sequential.then(() => this.#run(job)).finally(() => void this.#sequentialWaiting--);
    }
    this.#held.set(job.id, run);
    this.#renewLeasesWhileHeld();
    void run.finally(() => {
      this.#held.delete(job.id);
      if (this.#held.size === 0) {
        clearInterval(this.#renewal);
        this.#renewal = undefined;
      }
    });
  }

  /** Renews the lease of every job this worker holds, every third of the lease, while it holds any. */
  #renewLeasesWhileHeld(): void {
    if (this.#renewal !== undefined) return;
    this.#renewal = setInterval(() => {
      const until = new Date(this.#ctx.clock.now().getTime() + this.#leaseMs);
      // A renewal that fails (the database is away) is tried again at the next interval.
      renewLeases(this.#ctx.db, [...this.#held.keys()], this.id, until).catch(() => 0);
    }, this.#leaseMs / 3);
  }

  async #run(job: Job): Promise<void> {
    const ctx = this.#ctx;
    const handler = this.#handlers.get(job.name);
    let completed = false;
    const running: RunningJob = {
      ...job,
      completeIn: async (tx) => {
        if (!(await completeJob(tx, job.id, this.id, ctx.clock.now()))) throw new LeaseLost();
        completed = true;
      },
    };
    try {
      if (handler === undefined) throw new Error(`no handler is registered for "${job.name}"`);
      if (handler.transactional === true) {
        await write(ctx, async (tx) => {
          await handler.run({ ...ctx, db: tx }, job.payload, running);
          if (!completed) await running.completeIn(tx);
        });
      } else {
        await handler.run(ctx, job.payload, running);
        if (!completed) await completeJob(ctx.db, job.id, this.id, ctx.clock.now());
      }
    } catch (error) {
      if (error instanceof LeaseLost) return;
      const now = ctx.clock.now();
      const dead = job.attempts >= job.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      ctx.log.warn(
        { job: job.name, jobId: job.id, attempts: job.attempts, err: error },
        dead ? 'job failed for good' : 'job failed; it will be retried',
      );
      // The database may be away: the job is then claimed again when its lease runs out.
      await failJob(ctx.db, job.id, this.id, {
        status: dead ? 'dead' : 'pending',
        runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
        error: message,
        now,
      }).catch(() => undefined);
    }
  }

  /**
   * Polls for due jobs until stopped: each round enqueues the recurring jobs and claims what is due
   * while there is room, without waiting for the jobs it started. A failing round is logged and
   * the next one tried.
   */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#stopping = false;
    const loop = () => {
      if (this.#stopped) return;
      this.#running = this.#enqueueRecurring()
        .then(() => this.#claimDue())
        .then(() => {
          if (this.#failing) this.#ctx.log.info('the job worker is running jobs again');
          this.#failing = false;
        })
        .catch((error: unknown) => {
          // Said once per outage, not once per poll.
          if (!this.#failing) this.#ctx.log.warn({ err: error }, 'the job worker cannot reach the database; it keeps trying');
          this.#failing = true;
        })
        .finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(loop, this.#pollMs);
        });
    };
    loop();
  }

  /** Stops polling and claiming, and waits for the round in progress and every job it holds. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopping = true;
    clearTimeout(this.#timer);
    await this.#running;
    await Promise.all(this.#held.values());
  }
}
