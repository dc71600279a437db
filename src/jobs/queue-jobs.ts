import type { JobHandlers, RecurringJob } from './job.ts';
import { purgeFinishedJobs } from './job-store.ts';

/** The queue's own housekeeping: finished jobs are kept a week for the admin app, then purged. */
export const queueJobHandlers: JobHandlers = {
  'jobs.purge': async (ctx) => purgeFinishedJobs(ctx.db, new Date(ctx.clock.now().getTime() - 7 * 24 * 3600_000)),
};

export const queueRecurringJobs: RecurringJob[] = [{ name: 'jobs.purge', everyMs: 24 * 3600_000 }];
