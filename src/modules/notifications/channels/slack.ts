import type { Outbound } from '../../../outbound/index.ts';
import { postJson, type Delivery, type NotificationChannel } from '../channel.ts';
import { chatLines, chatTimeoutMs } from './chat.ts';

const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack incoming-webhook message in Block Kit, with `text` as the notification fallback. */
export function slackMessage(delivery: Delivery): unknown {
  const lines = chatLines(delivery);
  const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: lines.heading.slice(0, 150), emoji: false } }];
  if (lines.text !== '') blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(lines.text).slice(0, 3000) } });
  if (lines.components !== '')
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(lines.components).slice(0, 3000) }] });
  if (lines.link !== '')
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: delivery.content.link!.label }, url: lines.link }],
    });
  return { text: `${delivery.content.pageName}: ${lines.heading}`, blocks };
}

export function createSlackChannel(outbound: Outbound): NotificationChannel {
  return {
    kind: 'slack',
    send: (delivery) => postJson(outbound, delivery.subscriber.address, JSON.stringify(slackMessage(delivery)), {}, chatTimeoutMs),
  };
}
