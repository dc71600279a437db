import type { Outbound } from '../../outbound/index.ts';
import type { Locale } from '../../shared/locales.ts';
import type { Channel, Subscriber } from '../subscribers/index.ts';
import type { NotificationEvent } from './notification-event.ts';
import type { NotificationContent } from './templates/notification-content.ts';

/** One message to one subscriber, ready to send. */
export interface Delivery {
  key: string;
  /** Stable across retries, so a receiver can drop a second copy. */
  messageId: string;
  event: NotificationEvent;
  subscriber: Subscriber;
  locale: Locale;
  content: NotificationContent;
  links: { manage: string; unsubscribe: string };
  /** The Statuspage-format JSON for webhook subscribers (null for notices about the subscription). */
  webhookPayload: unknown;
}

/** Failures are values: `retryable` asks for another attempt later, otherwise the delivery is given up. */
export type DeliveryResult = { ok: true } | { ok: false; retryable: boolean; reason: string; permanent?: boolean };

export interface NotificationChannel {
  kind: Channel;
  send(delivery: Delivery): Promise<DeliveryResult>;
  close?(): Promise<void>;
}

/**
 * Posts JSON through the guarded outbound client: only a 2xx answer succeeds; redirects are
 * failures, as Statuspage treats them. An address the policy refuses is not retried.
 */
export async function postJson(
  outbound: Outbound,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<DeliveryResult> {
  const result = await outbound.request(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'user-agent': 'Aviso-Notifications', ...headers },
    timeoutMs,
    readBody: false,
  });
  if (!result.ok) return { ok: false, retryable: result.kind !== 'refused' && result.kind !== 'invalid-target', reason: result.reason };
  if (result.status >= 200 && result.status < 300) return { ok: true };
  return { ok: false, retryable: true, reason: `the endpoint answered ${result.status}` };
}
