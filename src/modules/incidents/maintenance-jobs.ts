import type { JobHandlers, RecurringJob } from '../../jobs/index.ts';
import {
  completeMaintenanceIfDue,
  maintenanceJobs,
  planOpenMaintenances,
  remindMaintenanceIfDue,
  startMaintenanceIfDue,
  type MaintenanceJobPayload,
} from './maintenance-automation.ts';

/**
 * The maintenance jobs, by name. Each step only changes the database, so it runs in the job's
 * transaction and happens exactly once.
 */
export const maintenanceJobHandlers: JobHandlers = {
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
  // Not transactional: it only enqueues (idempotently) and must not bump the data revision each minute.
  [maintenanceJobs.plan]: async (ctx) => void (await planOpenMaintenances(ctx)),
};

export const maintenanceRecurringJobs: RecurringJob[] = [{ name: maintenanceJobs.plan, everyMs: 60_000 }];
