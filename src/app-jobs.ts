import type { Config } from './config.ts';
import { queueJobHandlers, queueRecurringJobs, type JobHandlers, type RecurringJob } from './jobs/index.ts';
import { maintenanceJobHandlers, maintenanceRecurringJobs } from './modules/incidents/index.ts';
import {
  createNotificationHandlers,
  notificationRecurringJobs,
  notificationSettings,
  type NotificationSettings,
} from './modules/notifications/index.ts';

export interface AppJobs {
  handlers: JobHandlers;
  /** Jobs enqueued once per period by whichever instance gets there first. */
  recurring: RecurringJob[];
}

/**
 * The composition root of the job worker: every job Aviso runs, by name, each module's handlers
 * bound to their settings here (tests and benchmarks pass their own notification settings).
 */
export function buildJobs(settings: { notifications: NotificationSettings }): AppJobs {
  return {
    handlers: { ...maintenanceJobHandlers, ...createNotificationHandlers(settings.notifications), ...queueJobHandlers },
    recurring: [...queueRecurringJobs, ...maintenanceRecurringJobs, ...notificationRecurringJobs],
  };
}

/** The jobs with the settings of the configuration (email only when `AVISO_SMTP_URL` is set). */
export function jobsFromConfig(config: Config): AppJobs {
  return buildJobs({ notifications: notificationSettings(config) });
}
