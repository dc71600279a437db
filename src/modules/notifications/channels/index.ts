import type { Outbound } from '../../../outbound/index.ts';
import type { Channel } from '../../subscribers/index.ts';
import type { NotificationChannel } from '../channel.ts';
import { createDiscordChannel } from './discord.ts';
import { createEmailChannel, type EmailSettings } from './email.ts';
import { createSlackChannel } from './slack.ts';
import { createTeamsChannel } from './teams.ts';
import { createWebhookChannel } from './webhook.ts';

export type Channels = Partial<Record<Channel, NotificationChannel>>;

/**
 * The channels, one line each; email only when an SMTP server is configured. Webhook and chat
 * requests go through `outbound`, whose policy decides which addresses they may reach.
 */
export function createChannels(options: { email?: EmailSettings | undefined; outbound: Outbound; webhookTimeoutMs?: number }): Channels {
  const { outbound } = options;
  return {
    ...(options.email === undefined ? {} : { email: createEmailChannel(options.email) }),
    webhook: createWebhookChannel(outbound, options.webhookTimeoutMs === undefined ? {} : { timeoutMs: options.webhookTimeoutMs }),
    slack: createSlackChannel(outbound),
    discord: createDiscordChannel(outbound),
    teams: createTeamsChannel(outbound),
  };
}
