import { createHmac } from 'node:crypto';
import type { Outbound } from '../../../outbound/index.ts';
import { postJson, type Delivery, type DeliveryResult, type NotificationChannel } from '../channel.ts';

/** Statuspage expects an answer within 30 s. */
export const webhookTimeoutMs = 30_000;

/**
 * `X-Aviso-Signature: sha256=<hex>` is the HMAC-SHA256, under the subscriber's secret, of
 * `<timestamp>.<body>`, with the timestamp in `X-Aviso-Timestamp`; receivers refuse old timestamps
 * so a captured request cannot be replayed.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function createWebhookChannel(outbound: Outbound, options: { timeoutMs?: number; now?: () => Date } = {}): NotificationChannel {
  const now = options.now ?? (() => new Date());
  return {
    kind: 'webhook',
    async send(delivery: Delivery): Promise<DeliveryResult> {
      const body = JSON.stringify(delivery.webhookPayload);
      const timestamp = String(Math.floor(now().getTime() / 1000));
      const headers: Record<string, string> = {
        'x-aviso-timestamp': timestamp,
        'x-aviso-delivery': delivery.key,
        'x-aviso-event': delivery.event.kind,
      };
      if (delivery.subscriber.signingSecret !== null)
        headers['x-aviso-signature'] = signWebhook(delivery.subscriber.signingSecret, timestamp, body);
      return postJson(outbound, delivery.subscriber.address, body, headers, options.timeoutMs ?? webhookTimeoutMs);
    },
  };
}
