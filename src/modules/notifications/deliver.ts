import type { Job } from '../../jobs/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { findSubscribers, subscriberToken, type Subscriber } from '../subscribers/index.ts';
import type { Delivery, DeliveryResult } from './channel.ts';
import type { Channels } from './channels/index.ts';
import { claimDeliveries, insertDeliveries } from './delivery-store.ts';
import { deliveryKey, messageIdFor } from './fan-out.ts';
import { deliverPayloadSchema, isSubscriberNotice, type NotificationEvent } from './notification-event.ts';
import { OutcomeRecorder, type Outcome } from './outcome-recorder.ts';
import { loadRenderSource } from './render-source.ts';
import { buildContent, type NotificationContent } from './templates/notification-content.ts';
import { webhookPayload } from './webhook-payload.ts';

export interface DeliverOptions {
  publicUrl: string;
  channels: Channels;
  /** Messages of one job in flight at once. */
  concurrency: number;
  /** Outcomes written per transaction, and the most accepted messages left unrecorded at any time. */
  recordBatch: number;
}

/** Whether the subscriber should still get this message, now that it is about to go. */
function whyNot(event: NotificationEvent, subscriber: Subscriber): string | undefined {
  if (event.kind === 'subscriber.confirmation')
    return subscriber.state === 'unconfirmed' ? undefined : `the subscriber is ${subscriber.state}`;
  if (event.kind === 'subscriber.quarantined') return subscriber.notifyEmail === null ? 'the subscriber left no email address' : undefined;
  return subscriber.state === 'active' ? undefined : `the subscriber is ${subscriber.state}`;
}

export function subscriptionLinks(publicUrl: string, subscriber: Subscriber) {
  const manage = subscriberToken(subscriber, 'manage');
  return {
    confirm: `${publicUrl}/subscriptions/confirm/${subscriberToken(subscriber, 'confirm')}`,
    manage: `${publicUrl}/subscriptions/manage/${manage}`,
    unsubscribe: `${publicUrl}/subscriptions/unsubscribe/${manage}`,
  };
}

function toOutcome(key: string, subscriber: Subscriber, channel: string, result: DeliveryResult, isLastAttempt: boolean): Outcome {
  const isEndpoint = channel !== 'email';
  if (result.ok) return { key, subscriber, status: 'sent', error: null, effect: isEndpoint ? 'endpoint-ok' : 'none' };
  const status = result.retryable && !isLastAttempt ? 'retrying' : 'failed';
  const effect = isEndpoint
    ? 'endpoint-failed'
    : result.permanent === true && subscriber.channel === 'email'
      ? 'address-undeliverable'
      : 'none';
  return { key, subscriber, status, error: result.reason, effect };
}

async function eachWithLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * The delivery job: claims its deliveries, renders each in the subscriber's language, sends it,
 * and records the outcome. Failed sends that may pass later make the job fail, so the queue
 * retries it with backoff; only those deliveries are tried again.
 */
export async function deliver(ctx: Ctx, payload: unknown, job: Job, options: DeliverOptions): Promise<{ sent: number; retrying: number }> {
  const { event, subscriberIds } = deliverPayloadSchema.parse(payload);
  const claimant = `job:${job.id}`;
  const isNotice = isSubscriberNotice(event);
  const subscribers = await findSubscribers(ctx.db, subscriberIds);
  const entries = new Map(
    subscribers.map((s) => {
      const channel = isNotice ? 'email' : s.channel;
      return [deliveryKey(event, s.id, channel), { subscriber: s, channel }] as const;
    }),
  );
  const claimed = await ctx.db.transaction().execute(async (tx) => {
    if (isNotice) {
      const fresh = [...entries].map(([key, e]) => ({
        key,
        eventId: event.id,
        eventKind: event.kind,
        subscriberId: e.subscriber.id,
        channel: e.channel,
        messageId: messageIdFor(key, options.publicUrl),
      }));
      await insertDeliveries(tx, fresh, ctx.clock.now());
    }
    return claimDeliveries(tx, [...entries.keys()], claimant, ctx.clock.now());
  });
  if (claimed.length === 0) return { sent: 0, retrying: 0 };
  const loaded = await loadRenderSource(ctx, event, options.publicUrl);
  const recorder = new OutcomeRecorder(ctx, claimant, { maxBatch: options.recordBatch, maxDelayMs: 100 });
  // What an incident says depends only on the language; notices name the subscriber, so they are built each time.
  const byLocale = new Map<string, NotificationContent>();
  const contentFor = (subscriber: Subscriber, links: { confirm: string }) => {
    if (isNotice || loaded === undefined) return buildContent(event, loaded!.source, subscriber, links);
    let content = byLocale.get(subscriber.locale);
    if (content === undefined) byLocale.set(subscriber.locale, (content = buildContent(event, loaded.source, subscriber, links)));
    return content;
  };
  const isLastAttempt = job.attempts >= job.maxAttempts;
  let sent = 0;
  let retrying = 0;
  await eachWithLimit(claimed, options.concurrency, async (record) => {
    const entry = entries.get(record.key);
    if (entry === undefined) return;
    const { subscriber, channel } = entry;
    const skip = loaded === undefined ? 'the incident or component no longer exists' : whyNot(event, subscriber);
    const sender = options.channels[channel];
    if (skip !== undefined || loaded === undefined)
      return recorder.add({ key: record.key, subscriber, status: 'skipped', error: skip ?? null, effect: 'none' });
    if (sender === undefined)
      return recorder.add({ key: record.key, subscriber, status: 'failed', error: `no ${channel} channel is configured`, effect: 'none' });
    const links = subscriptionLinks(options.publicUrl, subscriber);
    const delivery: Delivery = {
      key: record.key,
      messageId: record.messageId ?? messageIdFor(record.key, options.publicUrl),
      event,
      subscriber,
      locale: subscriber.locale,
      content: contentFor(subscriber, links),
      links,
      webhookPayload: channel === 'webhook' ? webhookPayload(event, loaded.source, loaded.components, links.unsubscribe) : null,
    };
    const outcome = toOutcome(record.key, subscriber, channel, await sender.send(delivery), isLastAttempt);
    if (outcome.status === 'sent') sent++;
    if (outcome.status === 'retrying') retrying++;
    await recorder.add(outcome);
  });
  await recorder.flush();
  if (retrying > 0) throw new Error(`${retrying} of ${claimed.length} deliveries failed for now; they will be retried`);
  return { sent, retrying };
}
