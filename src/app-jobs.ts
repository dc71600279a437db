import type { Config } from './config.ts';
import { queueJobHandlers, queueRecurringJobs, type JobHandlers, type RecurringJob } from './jobs/index.ts';
import { createAccountHandlers, passwordResetSettings, type PasswordResetSettings } from './modules/accounts/index.ts';
import { maintenanceJobHandlers, maintenanceRecurringJobs } from './modules/incidents/index.ts';
import {
  createNotificationHandlers,
  notificationRecurringJobs,
  notificationSettings,
  type NotificationSettings,
} from './modules/notifications/index.ts';
import { createMonitorHandlers, defaultRetention, monitorRecurringJobs, type MonitorJobSettings } from './modules/monitors/index.ts';
import { createThirdPartyHandlers, thirdPartyRecurringJobs, type PollSettings } from './modules/third-party/index.ts';
import { createOutbound, publicTargetsOnly } from './outbound/index.ts';

export interface AppJobs {
  handlers: JobHandlers;
  /** Jobs enqueued once per period by whichever instance gets there first. */
  recurring: RecurringJob[];
}

/**
 * The composition root of the job worker: every job Aviso runs, by name, each module's handlers
 * bound to their settings here (tests and benchmarks pass their own notification settings).
 */
export function buildJobs(settings: {
  notifications: NotificationSettings;
  monitors?: MonitorJobSettings;
  accounts?: PasswordResetSettings;
  thirdParty?: PollSettings;
}): AppJobs {
  // Without settings, monitors reach public addresses only, and reset links are not mailed.
  const monitors = settings.monitors ?? { outbound: createOutbound({ policy: publicTargetsOnly, dnsServers: [] }) };
  const accounts = settings.accounts ?? { publicUrl: settings.notifications.publicUrl, sendMail: undefined };
  // Third-party sources are polled only by workers given a client for them (tests leave it out).
  const thirdParty = settings.thirdParty;
  return {
    handlers: {
      ...maintenanceJobHandlers,
      ...createNotificationHandlers(settings.notifications),
      ...createMonitorHandlers(monitors),
      ...createAccountHandlers(accounts),
      ...queueJobHandlers,
      ...(thirdParty === undefined ? {} : createThirdPartyHandlers(thirdParty)),
    },
    recurring: [
      ...queueRecurringJobs,
      ...maintenanceRecurringJobs,
      ...notificationRecurringJobs,
      ...monitorRecurringJobs,
      ...(thirdParty === undefined ? [] : thirdPartyRecurringJobs),
    ],
  };
}

/** Monitors under the operator's outbound policy, their aggregates kept `AVISO_MONITOR_RETENTION_DAYS`. */
export function monitorSettings(config: Config): MonitorJobSettings {
  return {
    outbound: createOutbound(config.outbound),
    retention: { ...defaultRetention, dailyMs: config.monitorRetentionDays * 24 * 3600_000 },
  };
}

/** The jobs with the settings of the configuration (email only when `AVISO_SMTP_URL` is set). */
export function jobsFromConfig(config: Config): AppJobs {
  return buildJobs({
    notifications: notificationSettings(config),
    monitors: monitorSettings(config),
    accounts: passwordResetSettings(config),
    thirdParty: { outbound: createOutbound(config.outbound) },
  });
}
