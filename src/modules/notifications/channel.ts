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

/** An HTTP answer as a delivery result: only 2xx succeeds; redirects are failures, as Statuspage treats them. */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<DeliveryResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'user-agent': 'Aviso-Notifications', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true };
    return { ok: false, retryable: true, reason: `the endpoint answered ${response.status}` };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : `the request failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
    return { ok: false, retryable: true, reason };
  }
}
