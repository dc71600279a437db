import type { Outbound } from '../../../outbound/index.ts';
import { postJson, type Delivery, type NotificationChannel } from '../channel.ts';
import { chatLines, chatTimeoutMs } from './chat.ts';

/** A Discord webhook message with one embed coloured by the impact; mentions are switched off. */
export function discordMessage(delivery: Delivery): unknown {
  const lines = chatLines(delivery);
  const embed: Record<string, unknown> = {
    title: lines.heading.slice(0, 256),
    description: lines.text.slice(0, 4000),
    color: Number.parseInt(delivery.content.colour.slice(1), 16),
    footer: { text: delivery.content.pageName.slice(0, 2048) },
    timestamp: delivery.event.at,
  };
  if (lines.link !== '') embed['url'] = lines.link;
  if (lines.components !== '')
    embed['fields'] = [
      {
        name: lines.components.split(':')[0]!.slice(0, 256),
        value: lines.components
          .slice(lines.components.indexOf(':') + 1)
          .trim()
          .slice(0, 1024),
      },
    ];
  return { username: delivery.content.pageName.slice(0, 80), embeds: [embed], allowed_mentions: { parse: [] } };
}

export function createDiscordChannel(outbound: Outbound): NotificationChannel {
  return {
    kind: 'discord',
    send: (delivery) => postJson(outbound, delivery.subscriber.address, JSON.stringify(discordMessage(delivery)), {}, chatTimeoutMs),
  };
}
