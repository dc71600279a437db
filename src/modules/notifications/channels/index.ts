import type { Channel } from '../../subscribers/index.ts';
import type { NotificationChannel } from '../channel.ts';
import { createDiscordChannel } from './discord.ts';
import { createEmailChannel, type EmailSettings } from './email.ts';
import { createSlackChannel } from './slack.ts';
import { createTeamsChannel } from './teams.ts';
import { createWebhookChannel } from './webhook.ts';

export type Channels = Partial<Record<Channel, NotificationChannel>>;

/** The channels, one line each; email only when an SMTP server is configured. */
export function createChannels(options: { email?: EmailSettings | undefined; webhookTimeoutMs?: number }): Channels {
  return {
    ...(options.email === undefined ? {} : { email: createEmailChannel(options.email) }),
    webhook: createWebhookChannel(options.webhookTimeoutMs === undefined ? {} : { timeoutMs: options.webhookTimeoutMs }),
    slack: createSlackChannel(),
    discord: createDiscordChannel(),
    teams: createTeamsChannel(),
  };
}
