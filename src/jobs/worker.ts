import { randomBytes } from 'node:crypto';
import type { Ctx } from '../shared/context.ts';
import { toTimestamp } from '../storage/dialect.ts';
import { write } from '../storage/write.ts';
import { retryDelayMs, type Job, type JobHandlerSpec, type JobHandlers, type RecurringJob } from './job.ts';
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
  batchSize?: number;
}

class LeaseLost extends Error {}

/** Runs due jobs from the jobs table: claims a batch, runs each handler, records the outcome. */
export class JobWorker {
  readonly id: string;
  readonly #ctx: Ctx;
  readonly #handlers: Map<string, JobHandlerSpec>;
  readonly #recurring: RecurringJob[];
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #batchSize: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();
  #stopped = true;
  #failing = false;

  constructor(options: WorkerOptions) {
    this.id = options.id ?? `worker-${randomBytes(4).toString('hex')}`;
    this.#ctx = options.ctx;
    this.#handlers = new Map(Object.entries(options.handlers).map(([name, h]) => [name, typeof h === 'function' ? { run: h } : h]));
    this.#recurring = options.recurring ?? [];
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#pollMs = options.pollMs ?? 1000;
    this.#batchSize = options.batchSize ?? 10;
  }

  /** One round: enqueues due recurring jobs, then runs due jobs until none is left. Returns how many ran. */
  async tick(): Promise<number> {
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
    let ran = 0;
    for (;;) {
      const jobs = await claimJobs(this.#ctx.db, {
        id: this.id,
        now: this.#ctx.clock.now(),
        leaseMs: this.#leaseMs,
        limit: this.#batchSize,
      });
      if (jobs.length === 0) return ran;
      await this.#runBatch(jobs);
      ran += jobs.length;
    }
  }

  /** Runs a claimed batch (concurrent handlers together, the rest in order), renewing the lease of every job of it not yet finished. */
  async #runBatch(jobs: Job[]): Promise<void> {
    const held = new Set(jobs.map((job) => job.id));
    const renewal = setInterval(() => {
      const until = new Date(this.#ctx.clock.now().getTime() + this.#leaseMs);
      // A renewal that fails (the database is away) is tried again at the next interval.
      renewLeases(this.#ctx.db, [...held], this.id, until).catch(() => 0);
    }, this.#leaseMs / 3);
    const run = async (job: Job) => {
      await this.#run(job);
      held.delete(job.id);
    };
    try {
      const together = jobs.filter((job) => this.#handlers.get(job.name)?.concurrent === true);
      await Promise.all([
        Promise.all(together.map(run)),
        (async () => {
          for (const job of jobs) if (!together.includes(job)) await run(job);
        })(),
      ]);
    } finally {
      clearInterval(renewal);
    }
  }

  async #run(job: Job): Promise<void> {
    const ctx = this.#ctx;
    const handler = this.#handlers.get(job.name);
    try {
      if (handler === undefined) throw new Error(`no handler is registered for "${job.name}"`);
      if (handler.transactional === true) {
        await write(ctx, async (tx) => {
          await handler.run({ ...ctx, db: tx }, job.payload, job);
          if (!(await completeJob(tx, job.id, this.id, ctx.clock.now()))) throw new LeaseLost();
        });
      } else {
        await handler.run(ctx, job.payload, job);
        await completeJob(ctx.db, job.id, this.id, ctx.clock.now());
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
      await failJob(ctx.db, job.id, this.id, {
        status: dead ? 'dead' : 'pending',
        runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
        error: message,
        now,
      });
    }
  }

  /** Polls for due jobs until stopped; a failing round is logged and the next one tried. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    const loop = () => {
      if (this.#stopped) return;
      this.#running = this.tick()
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

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
