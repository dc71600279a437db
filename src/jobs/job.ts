import type { Ctx } from '../shared/context.ts';
import type { Db } from '../storage/database.ts';

export type JobStatus = 'pending' | 'running' | 'done' | 'dead';

export interface Job {
  id: number;
  name: string;
  payload: unknown;
  status: JobStatus;
  runAt: Date;
  /** Counts claims, the current one included. */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  idempotencyKey: string | null;
}

export interface NewJob {
  name: string;
  payload: unknown;
  /** When it becomes due; omitted: at once, whatever the clock says. */
  runAt?: Date;
  /** A second job with the same key is not enqueued. */
  idempotencyKey?: string;
  maxAttempts?: number;
}

/**
 * The job a handler runs. `completeIn(tx)` marks it done inside the handler's own transaction, so a
 * handler that talks to the outside world first (a monitor's check) commits its result and the
 * job's completion together, in one commit instead of two; a handler that does not call it is
 * completed by the worker after it returns.
 */
export interface RunningJob extends Job {
  completeIn(tx: Db): Promise<void>;
}

export type JobHandler = (ctx: Ctx, payload: any, job: RunningJob) => Promise<void>;

/**
 * `transactional`: the handler's writes and the job's completion commit together, so a job that
 * only changes the database runs exactly once. Leave it off for handlers that talk to the outside
 * world (mail, webhooks): they must not hold a transaction open while they wait.
 */
export interface JobHandlerSpec {
  run: JobHandler;
  transactional?: boolean;
  /**
   * `concurrent`: jobs of this name run side by side, up to the worker's concurrency (monitor
   * checks, which mostly wait on the network); others run one after another, in claim order.
   */
  concurrent?: boolean;
}

export type JobHandlers = Record<string, JobHandler | JobHandlerSpec>;

/** A job enqueued once per period by whichever worker sees the period first. */
export interface RecurringJob {
  name: string;
  everyMs: number;
}

/** Exponential backoff after a failure: 10 s, 20 s, 40 s, … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}

/** Jobs enqueued without a time: due at once, whatever the clock (and first in line). */
export const immediately = new Date(0);
