import { createOutbound, type OutboundSettings } from '../../outbound/index.ts';
import type { JobHandlers, RecurringJob } from '../../jobs/index.ts';
import { pruneRequests, purgeQuarantined } from '../subscribers/index.ts';
import { createChannels, type Channels } from './channels/index.ts';
import { deliver } from './deliver.ts';
import { purgeDeliveries } from './delivery-store.ts';
import { fanOut } from './fan-out.ts';
import { notificationJobs } from './notification-event.ts';

export interface NotificationSettings {
  publicUrl: string;
  channels: Channels;
  /** Subscribers per delivery job. */
  batchSize?: number;
  /** Messages of one delivery job in flight at once. */
  concurrency?: number;
  /** Outcomes recorded per transaction: the most a crash can send twice, beyond those in flight. */
  recordBatch?: number;
}

/** Settings from the configuration: email only when `AVISO_SMTP_URL` is set; endpoints under the outbound policy. */
export function notificationSettings(config: {
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  outbound: OutboundSettings;
}): NotificationSettings {
  const from = config.mailFrom ?? `Aviso <status@${new URL(config.publicUrl).hostname}>`;
  return {
    publicUrl: config.publicUrl,
    channels: createChannels({
      email: config.smtpUrl === undefined ? undefined : { smtpUrl: config.smtpUrl, from },
      outbound: createOutbound(config.outbound),
    }),
  };
}

/** The notification jobs bound to explicit settings (tests, benchmarks, the worker entry). */
export function createNotificationHandlers(settings: NotificationSettings): JobHandlers {
  const batchSize = settings.batchSize ?? 500;
  const concurrency = settings.concurrency ?? 16;
  const recordBatch = settings.recordBatch ?? 50;
  return {
    [notificationJobs.fanOut]: async (ctx, payload) => void (await fanOut(ctx, payload, { publicUrl: settings.publicUrl, batchSize })),
    [notificationJobs.deliver]: async (ctx, payload, job) =>
      void (await deliver(ctx, payload, job, { publicUrl: settings.publicUrl, channels: settings.channels, concurrency, recordBatch })),
    'subscribers.purge': async (ctx) => {
      const now = ctx.clock.now();
      await ctx.db.transaction().execute(async (tx) => {
        await purgeQuarantined(tx, now);
        await pruneRequests(tx, new Date(now.getTime() - 2 * 24 * 3600_000));
        await purgeDeliveries(tx, new Date(now.getTime() - 90 * 24 * 3600_000));
      });
    },
  };
}

export const notificationRecurringJobs: RecurringJob[] = [{ name: 'subscribers.purge', everyMs: 24 * 3600_000 }];
