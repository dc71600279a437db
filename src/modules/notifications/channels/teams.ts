import type { Outbound } from '../../../outbound/index.ts';
import { postJson, type Delivery, type NotificationChannel } from '../channel.ts';
import { chatLines, chatTimeoutMs } from './chat.ts';

/** A Microsoft Teams incoming-webhook (Workflows) message carrying one Adaptive Card. */
export function teamsMessage(delivery: Delivery): unknown {
  const lines = chatLines(delivery);
  const body: unknown[] = [
    { type: 'TextBlock', text: delivery.content.pageName, size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: lines.heading, size: 'Large', weight: 'Bolder', wrap: true },
  ];
  if (lines.text !== '') body.push({ type: 'TextBlock', text: lines.text, wrap: true });
  if (lines.components !== '') body.push({ type: 'TextBlock', text: lines.components, wrap: true, isSubtle: true });
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
  };
  if (lines.link !== '') card['actions'] = [{ type: 'Action.OpenUrl', title: delivery.content.link!.label, url: lines.link }];
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}

export function createTeamsChannel(outbound: Outbound): NotificationChannel {
  return {
    kind: 'teams',
    send: (delivery) => postJson(outbound, delivery.subscriber.address, JSON.stringify(teamsMessage(delivery)), {}, chatTimeoutMs),
  };
}
