import {
  completeMaintenanceIfDue,
  maintenanceJobs,
  planOpenMaintenances,
  remindMaintenanceIfDue,
  startMaintenanceIfDue,
  type MaintenanceJobPayload,
} from '../modules/incidents/index.ts';
import { notificationJobHandlers, notificationRecurringJobs } from '../modules/notifications/index.ts';
import type { JobHandlers, RecurringJob } from './job.ts';
import { purgeFinishedJobs } from './job-store.ts';

/**
 * Every job Aviso runs, by name. Maintenance steps only change the database, so they run in the
 * job's transaction and happen exactly once.
 */
export const jobHandlers: JobHandlers = {
  [maintenanceJobs.remind]: {
    transactional: true,
    run: async (ctx, payload: MaintenanceJobPayload) => void (await remindMaintenanceIfDue(ctx, payload)),
  },
  [maintenanceJobs.start]: {
    transactional: true,
    run: async (ctx, payload: MaintenanceJobPayload) => void (await startMaintenanceIfDue(ctx, payload)),
  },
  [maintenanceJobs.complete]: {
    transactional: true,
    run: async (ctx, payload: MaintenanceJobPayload) => void (await completeMaintenanceIfDue(ctx, payload)),
  },
  ...notificationJobHandlers,
  // Not transactional: it only enqueues (idempotently) and must not bump the data revision each minute.
  [maintenanceJobs.plan]: async (ctx) => void (await planOpenMaintenances(ctx)),
  'jobs.purge': async (ctx) => purgeFinishedJobs(ctx.db, new Date(ctx.clock.now().getTime() - 7 * 24 * 3600_000)),
};

/** Jobs enqueued once per period by whichever instance gets there first. */
export const recurringJobs: RecurringJob[] = [
  { name: 'jobs.purge', everyMs: 24 * 3600_000 },
  { name: maintenanceJobs.plan, everyMs: 60_000 },
  ...notificationRecurringJobs,
];
